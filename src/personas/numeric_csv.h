// Reading a plain numeric CSV (a header row of column names, then rows of
// numbers, comma-separated) into a PointMatrix, fast: the whole file is
// read at once and parsed in parallel slices with std::from_chars. Input of
// `brandlens cluster`.
//
// Accepted: a UTF-8 byte-order mark, CRLF line ends, blank lines (skipped),
// numbers in any from_chars general form, optionally in double quotes.
// Errors name the file, the line (1-based, the header is line 1) and the
// column: a cell that is not a number, NaN or infinity, a row with too few
// or too many cells, an empty file, a header with no columns.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/status.h"
#include "personas/point_matrix.h"

namespace brandlens {

Result<PointMatrix> ReadNumericCsv(const std::filesystem::path& path, unsigned threads = 0);

// The same over bytes in memory; `name` is used in messages.
Result<PointMatrix> ParseNumericCsv(std::string_view bytes, std::string_view name, unsigned threads = 0);

}  // namespace brandlens
