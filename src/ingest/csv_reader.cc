#include "ingest/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>

namespace brandlens {

namespace {

// A record this large is almost always an unclosed quote swallowing the rest
// of the file; stopping keeps memory bounded and the message useful.
constexpr size_t kMaxRecordBytes = 16u << 20;

Status TooLong(const CsvRecord& rec) {
  return Status::InvalidInput(fmt::format(
      "line {}: record is over {} MiB: probably a quote that is never closed", rec.line, kMaxRecordBytes >> 20));
}

}  // namespace

CsvReader::CsvReader(TextFile& file, char delimiter, size_t chunk_bytes)
    : file_(file), delimiter_(delimiter), chunk_(std::max<size_t>(chunk_bytes, 64)) {}

Status CsvReader::Refill() {
  auto n = file_.Read(chunk_.data(), chunk_.size());
  if (!n.ok()) return n.status();
  pos_ = 0;
  len_ = *n;
  eof_ = len_ == 0;
  return Status::Ok();
}

bool CsvReader::HasData() {
  if (pos_ < len_) return true;
  if (eof_) return false;
  read_error_ = Refill();
  if (!read_error_.ok()) eof_ = true;
  return !eof_;
}

int CsvReader::Get() { return HasData() ? static_cast<unsigned char>(chunk_[pos_++]) : -1; }

int CsvReader::CopyUntil(std::string& out, char a, char b, char c) {
  for (;;) {
    if (!HasData()) return -1;
    const char* begin = chunk_.data() + pos_;
    const char* end = chunk_.data() + len_;
    const char* stop = begin;
    while (stop < end && *stop != a && *stop != b && *stop != c) ++stop;
    out.append(begin, static_cast<size_t>(stop - begin));
    pos_ += static_cast<size_t>(stop - begin);
    if (stop < end) return static_cast<unsigned char>(*stop);
  }
}

void CsvReader::SkipToLineEnd() {
  for (int c = Get(); c != -1; c = Get()) {
    if (c == '\n') {
      ++line_;
      return;
    }
  }
}

Result<bool> CsvReader::Next(CsvRecord& rec) {
  rec.buffer.clear();
  rec.ends.clear();
  rec.fields.clear();
  rec.error.clear();
  rec.warning.clear();

  if (delimiter_ == 0) {
    // Detect from the header line: the most frequent of , \t ; outside quotes.
    if (pos_ == len_ && !eof_) BRANDLENS_RETURN_IF_ERROR(Refill());
    size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (size_t i = pos_; i < len_ && (quoted || chunk_[i] != '\n'); ++i) {
      const char ch = chunk_[i];
      if (ch == '"') quoted = !quoted;
      if (!quoted) counts[0] += ch == ',', counts[1] += ch == '\t', counts[2] += ch == ';';
    }
    delimiter_ = counts[1] > counts[0] && counts[1] >= counts[2] ? '\t' : counts[2] > counts[0] ? ';' : ',';
  }

  int c = Get();
  // Skip blank lines between records (a trailing newline, CRLF pairs).
  while (c == '\n' || c == '\r') {
    if (c == '\n') ++line_;
    c = Get();
  }
  if (c == -1) {
    if (!read_error_.ok()) return read_error_;
    return false;
  }
  rec.line = line_;

  auto fail = [&](std::string msg) -> Result<bool> {
    rec.error = std::move(msg);
    SkipToLineEnd();
    return true;
  };

  for (;;) {  // one field per iteration; `c` holds its first byte, consumed
    if (c == '"') {
      const int64_t opened = line_;
      for (;;) {
        c = CopyUntil(rec.buffer, '"', '\n', '"');
        if (rec.buffer.size() > kMaxRecordBytes) return TooLong(rec);
        if (c == -1) {
          if (!read_error_.ok()) return read_error_;
          rec.error = fmt::format("quoted field opened on line {} is never closed", opened);
          return true;
        }
        Get();
        if (c == '\n') {
          ++line_;
          rec.buffer.push_back('\n');
          continue;
        }
        c = Get();  // after a quote: a doubled quote, or the field's end
        if (c != '"') break;
        rec.buffer.push_back('"');
      }
      if (c == '\r') c = Get();
      if (c != delimiter_ && c != '\n' && c != -1)
        return fail(fmt::format("unexpected character after a closing quote in field {}", rec.ends.size() + 1));
    } else {
      const size_t field_start = rec.buffer.size();
      if (c != delimiter_ && c != '\n' && c != -1) {
        rec.buffer.push_back(static_cast<char>(c));
        c = CopyUntil(rec.buffer, delimiter_, '\n', '"');
        if (rec.buffer.size() > kMaxRecordBytes) return TooLong(rec);
        if (c != -1) Get();
        if (c == '"')
          return fail(fmt::format("a quote inside unquoted field {}: quote the whole field and double the quote",
                                  rec.ends.size() + 1));
      }
      if (c != delimiter_ && rec.buffer.size() > field_start && rec.buffer.back() == '\r')
        rec.buffer.pop_back();  // CRLF line ending
    }
    rec.ends.push_back(static_cast<uint32_t>(rec.buffer.size()));
    if (c == delimiter_) {
      c = Get();
      continue;
    }
    if (c == '\n') ++line_;
    break;
  }
  if (!read_error_.ok()) return read_error_;

  uint32_t start = 0;
  for (uint32_t end : rec.ends) {
    rec.fields.emplace_back(rec.buffer.data() + start, end - start);
    start = end;
  }
  if (header_fields_ == 0) header_fields_ = rec.fields.size();
  CheckSwallowedLines(rec);
  return true;
}

void CsvReader::CheckSwallowedLines(CsvRecord& rec) const {
  if (header_fields_ < 2) return;
  int64_t suspicious = 0;
  for (std::string_view field : rec.fields) {
    for (size_t nl = field.find('\n'); nl != std::string_view::npos; nl = field.find('\n', nl + 1)) {
      const size_t next = field.find('\n', nl + 1);
      const std::string_view line = field.substr(nl + 1, next == std::string_view::npos ? next : next - nl - 1);
      suspicious += std::count(line.begin(), line.end(), delimiter_) >= static_cast<long>(header_fields_) - 1;
    }
  }
  if (suspicious > 0)
    rec.warning = fmt::format(
        "a quoted field holds {} line(s) that each look like a whole record (lines {}-{}): is a quote missing its pair?",
        suspicious, rec.line, rec.line + std::count(rec.buffer.begin(), rec.buffer.end(), '\n'));
}

}  // namespace brandlens
