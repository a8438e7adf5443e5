// Streaming a text file as UTF-8, whatever its encoding.
//
// Chinese platform exports arrive as UTF-8 (with or without BOM) or as
// GBK/GB18030 (Excel on Chinese Windows). TextFile detects which from the
// first 64 KiB, or takes an explicit ICU converter name, and hands out UTF-8
// chunks of bounded size so memory stays flat however large the file is.
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
  const std::string& path() const { return path_; }
  uint64_t size_bytes() const { return size_bytes_; }
  uint64_t bytes_consumed() const { return bytes_consumed_; }

 private:
  struct Converter;
  TextFile() = default;
  Result<size_t> ReadRaw(char* out, size_t capacity);

  std::string path_;
  std::string encoding_;
  std::FILE* file_ = nullptr;
  uint64_t size_bytes_ = 0;
  uint64_t bytes_consumed_ = 0;
  std::string pending_;  // bytes read during detection, not yet returned
  size_t pending_pos_ = 0;
  std::unique_ptr<Converter> converter_;  // null for UTF-8
};

// "utf-8" or "gb18030", judged on a sample of the file's first bytes. A few
// invalid sequences among many valid multi-byte ones still count as UTF-8 (a
// UTF-8 export with a corrupted row), so the error is reported per row.
std::string DetectEncoding(const std::string& sample);

}  // namespace brandlens
