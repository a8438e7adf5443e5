// A streaming RFC 4180 CSV reader: quoted fields, doubled quotes, embedded
// newlines, CRLF or LF, comma / tab / semicolon delimiters. Memory is bounded
// by the longest record, not the file.
//
// Hand-written because no Debian-packaged C++ CSV library reports the physical
// line of each record and recovers after a malformed one, which our per-row
// error messages need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/text_file.h"

namespace brandlens {

struct CsvRecord {
  int64_t line = 0;  // 1-based physical line where the record starts
  std::vector<std::string_view> fields;  // valid until the next Next()
  std::string error;  // non-empty: the record is malformed (fields unusable)
  // Non-empty: the record reads, but a quoted field runs across lines that
  // each look like a whole record (a stray quote swallowing the rows after
  // it); the import warns, or rejects it under --strict.
  std::string warning;

  // Storage behind `fields`.
  std::string buffer;
  std::vector<uint32_t> ends;
};

class CsvReader {
 public:
  // `delimiter` 0 means: detect from the first line (comma, tab or semicolon).
  explicit CsvReader(TextFile& file, char delimiter = 0, size_t chunk_bytes = 1 << 20);

  // Reads the next record into `record`. Returns false at end of input. A
  // malformed record comes back with `error` set; reading then resumes at the
  // next line, so one bad row costs one row.
  Result<bool> Next(CsvRecord& record);

  char delimiter() const { return delimiter_; }
  // Physical lines read so far (a record with quoted line breaks spans
  // several).
  int64_t lines_read() const { return line_ - 1; }

 private:
  Status Refill();
  bool HasData();  // refills when the chunk is used up; false at EOF or error
  int Get();  // next byte or -1 at EOF; refills as needed
  // Appends bytes up to the first of a, b or c and returns that byte, left
  // unconsumed; -1 at end of input. Copies whole runs, not byte by byte.
  int CopyUntil(std::string& out, char a, char b, char c);
  void SkipToLineEnd();
  void CheckSwallowedLines(CsvRecord& rec) const;

  TextFile& file_;
  char delimiter_;
  std::vector<char> chunk_;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  Status read_error_;
  int64_t line_ = 1;
  size_t header_fields_ = 0;  // fields of the first record
};

}  // namespace brandlens
