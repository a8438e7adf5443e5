// Streaming chosen columns of a CSV file (any encoding TextFile reads), for
// commands that work on files without a workspace (analyze, eval, train).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace brandlens {

// Calls visit(line, fields) for each data row, fields in the order of
// `columns` (matched exactly, else ignoring case, spaces and '_'). A missing
// column is an error listing the header; a malformed row is passed to
// `on_bad_row` (line, reason) and skipped. visit may stop the scan by
// returning a non-ok Status, which is returned.
Status ForEachCsvRow(const std::string& path, const std::vector<std::string>& columns,
                     const std::function<Status(int64_t line, std::span<const std::string_view> fields)>& visit,
                     const std::function<void(int64_t line, const std::string& reason)>& on_bad_row,
                     const std::string& encoding = "auto");

}  // namespace brandlens
