#include "store/schema.h"

#include <fmt/format.h>

#include <algorithm>

namespace brandlens {

Result<int> SchemaVersionOf(std::span<const Migration> migrations) {
  int highest = 0;
  for (const auto& m : migrations) {
    if (m.version < 1) return Status::Internal(fmt::format("migration of {} has version {}", m.owner, m.version));
    highest = std::max(highest, m.version);
  }
  for (int v = 1; v <= highest; ++v) {
    const bool present = std::any_of(migrations.begin(), migrations.end(), [v](const Migration& m) { return m.version == v; });
    if (!present) return Status::Internal(fmt::format("no module contributes schema version {} (of {})", v, highest));
  }
  return highest;
}

std::vector<Migration> PartsOfVersion(std::span<const Migration> migrations, int version) {
  std::vector<Migration> out;
  for (const auto& m : migrations)
    if (m.version == version) out.push_back(m);
  return out;
}

}  // namespace brandlens
