// Streaming a text file as UTF-8, whatever its encoding.
//
// Chinese platform exports arrive as UTF-8 (with or without BOM), as
// GBK/GB18030 (Excel on Chinese Windows) or as UTF-16 with a byte-order
// mark. TextFile detects which from the whole file (encoding_detection.h),
// or takes an explicit ICU converter name, says why, and hands out UTF-8
// chunks of bounded size so memory stays flat however large the file is.
// Lines ending in a bare CR come out ending in LF.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "core/status.h"

namespace brandlens {

class TextFile {
 public:
  // `encoding` is "auto" (detect), "utf-8", or any ICU converter name such as
  // "gbk", "gb18030" or "big5".
  static Result<std::unique_ptr<TextFile>> Open(const std::string& path, const std::string& encoding = "auto");
  // The same over bytes in memory (an HTTP body, a fuzzer's input); `name`
  // stands for the path in messages and its suffix picks the format
  // (.jsonl) where that matters.
  static Result<std::unique_ptr<TextFile>> FromMemory(std::string bytes, const std::string& name,
                                                      const std::string& encoding = "auto");
  ~TextFile();
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;

  // Writes up to `capacity` (>= 64) bytes of UTF-8 into `out`; returns the
  // count, 0 only at end of file. A UTF-8 BOM is never returned. Bytes of a
  // UTF-8 file are passed through unvalidated: the caller validates fields so
  // that an error can name its line and field.
  Result<size_t> Read(char* out, size_t capacity);

  // The encoding in use: "utf-8" or the converter name.
  const std::string& encoding() const { return encoding_; }
  // Why: a byte-order mark, "as asked", or what the whole file showed.
  const std::string& encoding_reason() const { return decision_; }
  // True when the file is converted from another encoding: bytes that are
  // invalid in it come out as U+FFFD, which the import rejects per row.
  bool converted() const { return converter_ != nullptr; }
  const std::string& path() const { return path_; }
  uint64_t size_bytes() const { return size_bytes_; }
  uint64_t bytes_consumed() const { return bytes_consumed_; }

 private:
  struct Converter;
  TextFile() = default;
  // Detects or opens the encoding once file_ is set.
  static Result<std::unique_ptr<TextFile>> Start(std::unique_ptr<TextFile> tf, const std::string& encoding);
  Result<size_t> ReadRaw(char* out, size_t capacity);
  Result<size_t> ReadConverted(char* out, size_t capacity);

  std::string path_;
  std::string encoding_;
  std::string decision_;
  bool line_ends_known_ = false;
  bool cr_line_ends_ = false;
  std::FILE* file_ = nullptr;  // null for empty input in memory
  std::string memory_;         // FromMemory's bytes, which file_ reads
  uint64_t size_bytes_ = 0;
  uint64_t bytes_consumed_ = 0;
  std::string pending_;  // bytes read during detection, not yet returned
  size_t pending_pos_ = 0;
  std::unique_ptr<Converter> converter_;  // null for UTF-8
};


}  // namespace brandlens
