// Reads a TextFile line by line (LF or CRLF), tracking line numbers. A line
// longer than the limit is not held in memory: it is skipped to its end and
// reported as too long, so one runaway line costs one row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/text_file.h"

namespace brandlens {

class LineReader {
 public:
  explicit LineReader(TextFile& file, size_t chunk_bytes = 1 << 20, size_t max_line_bytes = 16 << 20);
  // Reads the next line (without its terminator) into `line`; false at EOF.
  // A line over the limit comes back empty with too_long() true.
  Result<bool> Next(std::string& line);
  bool too_long() const { return too_long_; }
  size_t max_line_bytes() const { return max_line_bytes_; }
  int64_t line_number() const { return line_number_; }  // of the last line read

 private:
  TextFile& file_;
  std::vector<char> chunk_;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  int64_t line_number_ = 0;
  size_t max_line_bytes_;
  bool too_long_ = false;
};

}  // namespace brandlens
