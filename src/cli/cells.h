// Small parsers for command-line lists and CSV cells, and the --output
// writer, shared by the commands that read numeric tables (experiment,
// mmm, bandit).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace brandlens {

// "a,b,,c" -> {"a", "b", "c"}.
std::vector<std::string> SplitList(const std::string& text);

// A finite number (surrounding spaces allowed), or an error naming the
// file, line and column.
Result<double> ParseNumberCell(std::string_view cell, const std::string& path, int64_t line, const std::string& column);

// An outcome: a number, or a yes/no cell (TRUE/FALSE, 是/否, ...) as 1/0.
Result<double> ParseOutcomeCell(std::string_view cell, const std::string& path, int64_t line,
                                const std::string& column);

// ForEachCsvRow for commands that need the whole table: a malformed row is
// an error naming the file and line (the first such row), never skipped,
// since a fit on a silently shortened table would be wrong.
Status ForEachStrictCsvRow(const std::string& path, const std::vector<std::string>& columns,
                           const std::function<Status(int64_t line, std::span<const std::string_view> fields)>& visit,
                           const std::string& encoding);

// Writes `json` and a newline to `path` (a command's --output).
Status WriteJsonFile(const std::string& path, const std::string& json);

}  // namespace brandlens
