// Yes/no cells as exports spell them: 1/0, true/false in any of the usual
// cases, yes/no, y/n, 是/否. One list, so the importer and the commands that
// read outcome columns (experiment) agree on what a boolean is.
#pragma once

#include <optional>
#include <string_view>

namespace brandlens {

inline std::optional<bool> ParseYesNo(std::string_view s) {
  static constexpr std::string_view kTrue[] = {"1", "true", "TRUE", "True", "yes", "y", "Y", "YES", "Yes", "是"};
  static constexpr std::string_view kFalse[] = {"0", "false", "FALSE", "False", "no", "n", "N", "NO", "No", "否"};
  for (std::string_view t : kTrue)
    if (s == t) return true;
  for (std::string_view f : kFalse)
    if (s == f) return false;
  return std::nullopt;
}

}  // namespace brandlens
