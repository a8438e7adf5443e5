#include "project/brands.h"

#include <map>
#include <set>
#include <string>

namespace brandlens {

namespace {

struct StoredBrand {
  int64_t id = 0;
  bool own = false;
  std::set<std::string> aliases;
};

Result<std::map<std::string, StoredBrand>> ReadBrands(Store& store) {
  std::map<std::string, StoredBrand> out;
  std::map<int64_t, StoredBrand*> by_id;
  const std::string_view brand_columns[] = {"id", "name", "is_own"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "brands", brand_columns, {}, [&](RowView& row) {
    auto& b = out[std::string(row.Text(1))];
    b.id = row.Int(0);
    b.own = row.Int(2) != 0;
    by_id[b.id] = &b;
    return Status::Ok();
  }));
  const std::string_view alias_columns[] = {"brand_id", "alias"};
  ScanFilter all;
  all.order_by_id = false;  // brand_aliases has no id column
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "brand_aliases", alias_columns, all, [&](RowView& row) {
    if (auto it = by_id.find(row.Int(0)); it != by_id.end()) it->second->aliases.emplace(row.Text(1));
    return Status::Ok();
  }));
  return out;
}

bool Matches(const std::map<std::string, StoredBrand>& stored, const std::vector<BrandConfig>& brands) {
  if (stored.size() != brands.size()) return false;
  for (const auto& b : brands) {
    auto it = stored.find(b.name);
    if (it == stored.end() || it->second.own != b.own) return false;
    if (it->second.aliases != std::set<std::string>(b.aliases.begin(), b.aliases.end())) return false;
  }
  return true;
}

}  // namespace

Status SyncBrands(Store& store, const std::vector<BrandConfig>& brands) {
  auto stored = ReadBrands(store);
  if (!stored.ok()) return stored.status();
  if (Matches(*stored, brands)) return Status::Ok();

  auto txn = Transaction::Begin(store);
  if (!txn.ok()) return txn.status();
  // Read again under the write lock: another process opening the project
  // at the same moment may have synced already.
  stored = ReadBrands(store);
  if (!stored.ok()) return stored.status();
  if (Matches(*stored, brands)) return txn->Commit();
  std::set<std::string> kept;
  for (const auto& b : brands) {
    kept.insert(b.name);
    int64_t id = 0;
    const Value own = int64_t{b.own ? 1 : 0};
    if (auto it = stored->find(b.name); it != stored->end()) {
      id = it->second.id;
      const int64_t ids[] = {id};
      ScanFilter this_brand;
      this_brand.ids = ids;
      const std::string_view columns[] = {"is_own"};
      BRANDLENS_RETURN_IF_ERROR(store.UpdateRows("brands", this_brand, columns, {&own, 1}));
      const ColumnEquals of_brand[] = {{"brand_id", id}};
      ScanFilter aliases;
      aliases.equals = of_brand;
      BRANDLENS_RETURN_IF_ERROR(store.DeleteRows("brand_aliases", aliases));
    } else {
      const std::string_view columns[] = {"name", "is_own"};
      const Value values[] = {std::string_view(b.name), own};
      auto inserted = store.InsertRow("brands", columns, values);
      if (!inserted.ok()) return inserted.status().WithPrefix("saving brand " + b.name + ": ");
      id = *inserted;
    }
    for (const auto& alias : std::set<std::string>(b.aliases.begin(), b.aliases.end())) {
      const std::string_view columns[] = {"brand_id", "alias"};
      const Value values[] = {id, std::string_view(alias)};
      auto inserted = store.InsertRow("brand_aliases", columns, values);
      if (!inserted.ok()) return inserted.status().WithPrefix("saving alias " + alias + ": ");
    }
  }
  std::vector<int64_t> dropped;
  for (const auto& [name, b] : *stored)
    if (!kept.count(name)) dropped.push_back(b.id);
  if (!dropped.empty()) {
    ScanFilter gone;
    gone.ids = dropped;
    BRANDLENS_RETURN_IF_ERROR(store.DeleteRows("brands", gone));  // aliases follow (ON DELETE CASCADE)
  }
  return txn->Commit();
}

}  // namespace brandlens
