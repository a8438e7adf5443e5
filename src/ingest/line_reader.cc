#include "ingest/line_reader.h"

#include <algorithm>
#include <cstring>

namespace brandlens {

LineReader::LineReader(TextFile& file, size_t chunk_bytes, size_t max_line_bytes)
    : file_(file), chunk_(std::max<size_t>(chunk_bytes, 64)), max_line_bytes_(max_line_bytes) {}

Result<bool> LineReader::Next(std::string& line) {
  line.clear();
  too_long_ = false;
  bool any = false;
  for (;;) {
    if (pos_ == len_) {
      if (eof_) break;
      auto n = file_.Read(chunk_.data(), chunk_.size());
      if (!n.ok()) return n.status();
      pos_ = 0;
      len_ = *n;
      eof_ = len_ == 0;
      if (eof_) break;
    }
    any = true;
    const char* start = chunk_.data() + pos_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
    if (!nl) {
      if (!too_long_) line.append(start, len_ - pos_);
      pos_ = len_;
      if (line.size() > max_line_bytes_) {
        too_long_ = true;  // drop what was held; read on to the line's end
        line.clear();
        line.shrink_to_fit();
      }
      continue;
    }
    if (!too_long_) line.append(start, static_cast<size_t>(nl - start));
    if (line.size() > max_line_bytes_) {
      too_long_ = true;
      line.clear();
    }
    pos_ += static_cast<size_t>(nl - start) + 1;
    break;
  }
  if (!any) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_number_;
  return true;
}

}  // namespace brandlens
