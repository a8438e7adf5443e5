#include "store/store.h"

namespace brandlens {

Status ForEachRow(Store& store, std::string_view table, std::span<const std::string_view> columns,
                  const ScanFilter& filter, const std::function<Status(const std::vector<Value>&)>& visit) {
  auto reader = store.Scan(table, columns, filter);
  if (!reader.ok()) return reader.status();
  std::vector<Value> row;
  for (;;) {
    auto got = (*reader)->Next(row);
    if (!got.ok()) return got.status();
    if (!*got) return Status::Ok();
    BRANDLENS_RETURN_IF_ERROR(visit(row));
  }
}

Result<Transaction> Transaction::Begin(Store& store) {
  BRANDLENS_RETURN_IF_ERROR(store.Begin());
  return Transaction(store);
}

Transaction::~Transaction() {
  if (store_) (void)store_->Rollback();
}

Status Transaction::Commit() {
  Store* store = store_;
  store_ = nullptr;
  return store->Commit();
}

}  // namespace brandlens
