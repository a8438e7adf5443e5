#include "personas/numeric_csv.h"

#include "core/parallel.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <thread>
#include <vector>

namespace brandlens {

namespace {

std::string_view TrimLineEnd(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view TrimSpaces(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = cell.substr(1, cell.size() - 2);
  return cell;
}

// What one slice of the data lines produced.
struct Slice {
  std::vector<float> values;
  size_t rows = 0;
  size_t lines = 0;  // physical lines in the slice, for numbering the next
  Status error;
  size_t error_line = 0;  // within the slice, 0-based
};

Status CellError(std::string_view name, size_t line, const std::vector<std::string>& columns, size_t column,
                 std::string_view why) {
  return Status::InvalidInput(fmt::format("{}:{}: column '{}': {}", name, line, columns[column], why));
}

// Parses the lines of one slice. Messages carry line 0, fixed up by the
// caller (a slice does not know how many lines precede it).
void ParseSlice(std::string_view text, const std::vector<std::string>& columns, std::string_view name, Slice& out) {
  const size_t cols = columns.size();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = TrimLineEnd(text.substr(pos, end - pos));
    pos = end + 1;
    ++out.lines;
    if (TrimSpaces(line).empty()) continue;
    size_t column = 0, start = 0;
    auto fail = [&](std::string why) {
      out.error = CellError(name, 0, columns, std::min(column, cols - 1), why);
      out.error_line = out.lines - 1;
    };
    while (true) {
      const size_t comma = line.find(',', start);
      const std::string_view cell = TrimSpaces(line.substr(start, comma == std::string_view::npos ? comma : comma - start));
      if (column >= cols) {
        out.error = Status::InvalidInput(
            fmt::format("{}:{}: the row has more than the header's {} columns", name, 0, cols));
        out.error_line = out.lines - 1;
        return;
      }
      float value = 0;
      const char* first = cell.data();
      if (!cell.empty() && cell.front() == '+') ++first;  // from_chars rejects a leading '+'
      const auto [ptr, ec] = std::from_chars(first, cell.data() + cell.size(), value);
      if (cell.empty()) return fail("the cell is empty (every cell must be a number)");
      if (ec == std::errc::result_out_of_range) return fail(fmt::format("'{}' is out of the float range", cell));
      if (ec != std::errc() || ptr != cell.data() + cell.size())
        return fail(fmt::format("'{}' is not a number", cell.substr(0, 40)));
      if (!std::isfinite(value)) return fail(fmt::format("'{}' is not a finite number", cell));
      out.values.push_back(value);
      ++column;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (column < cols) {
      out.error = Status::InvalidInput(
          fmt::format("{}:{}: the row has {} cells but the header has {} columns (column '{}' is missing)", name, 0,
                      column, cols, columns[column]));
      out.error_line = out.lines - 1;
      return;
    }
    ++out.rows;
  }
}

// The line number placeholder ":0:" in a slice's message becomes the real one.
Status WithLine(const Status& error, std::string_view name, size_t line) {
  std::string message = error.message();
  const std::string placeholder = fmt::format("{}:0:", name);
  if (message.rfind(placeholder, 0) == 0) message = fmt::format("{}:{}:", name, line) + message.substr(placeholder.size());
  return Status::InvalidInput(message);
}

}  // namespace

Result<PointMatrix> ParseNumericCsv(std::string_view bytes, std::string_view name, unsigned threads) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const size_t header_end = std::min(bytes.find('\n'), bytes.size());
  const std::string_view header = TrimLineEnd(bytes.substr(0, header_end));
  if (TrimSpaces(header).empty())
    return Status::InvalidInput(fmt::format("{}:1: the file is empty; expected a header row of column names", name));
  PointMatrix out;
  for (size_t start = 0;;) {
    const size_t comma = header.find(',', start);
    std::string column(TrimSpaces(header.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (column.empty()) column = fmt::format("#{}", out.columns.size() + 1);
    out.columns.push_back(std::move(column));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  out.cols = out.columns.size();
  const std::string_view data = header_end < bytes.size() ? bytes.substr(header_end + 1) : std::string_view();

  // Slices end at line ends, so each parses whole lines on its own thread.
  threads = ThreadsOrCores(threads);
  const size_t slice_count = data.size() < (1u << 20) ? 1 : threads;
  std::vector<std::string_view> slices;
  for (size_t s = 0, begin = 0; s < slice_count && begin < data.size(); ++s) {
    size_t end = data.size();
    if (s + 1 < slice_count) {
      const size_t newline = data.find('\n', std::max(begin, data.size() * (s + 1) / slice_count));
      if (newline != std::string_view::npos) end = newline + 1;
    }
    slices.push_back(data.substr(begin, end - begin));
    begin = end;
  }
  std::vector<Slice> parsed(slices.size());
  for (size_t s = 0; s < slices.size(); ++s)
    parsed[s].values.reserve(slices[s].size() / 4);
  std::vector<std::thread> pool;
  for (size_t s = 1; s < slices.size(); ++s)
    pool.emplace_back([&, s] { ParseSlice(slices[s], out.columns, name, parsed[s]); });
  if (!slices.empty()) ParseSlice(slices[0], out.columns, name, parsed[0]);
  for (auto& t : pool) t.join();

  size_t line = 2;  // the first data line
  for (const Slice& s : parsed) {
    if (!s.error.ok()) return WithLine(s.error, name, line + s.error_line);
    line += s.lines;
    out.rows += s.rows;
  }
  if (out.rows == 0)
    return Status::InvalidInput(fmt::format("{}: the file has a header but no rows of numbers", name));
  out.values.reserve(out.rows * out.cols);
  for (Slice& s : parsed) {
    out.values.insert(out.values.end(), s.values.begin(), s.values.end());
    std::vector<float>().swap(s.values);
  }
  return out;
}

Result<PointMatrix> ReadNumericCsv(const std::filesystem::path& path, unsigned threads) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open the file", path.string()));
  std::string bytes;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) bytes.resize(size);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<size_t>(in.gcount()) != bytes.size())
    return Status::IoError(fmt::format("{}: could not read the whole file", path.string()));
  return ParseNumericCsv(bytes, path.string(), threads);
}

}  // namespace brandlens
