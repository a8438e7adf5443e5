// Reads a TextFile line by line (LF or CRLF), tracking line numbers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/text_file.h"

namespace brandlens {

class LineReader {
 public:
  explicit LineReader(TextFile& file, size_t chunk_bytes = 1 << 20);
  // Reads the next line (without its terminator) into `line`; false at EOF.
  Result<bool> Next(std::string& line);
  int64_t line_number() const { return line_number_; }  // of the last line read

 private:
  TextFile& file_;
  std::vector<char> chunk_;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  int64_t line_number_ = 0;
};

}  // namespace brandlens
