#include "store/store.h"

namespace brandlens {

Status ForEachRow(Store& store, std::string_view table, std::span<const std::string_view> columns,
                  const ScanFilter& filter, const std::function<Status(RowView&)>& visit) {
  auto reader = store.Scan(table, columns, filter);
  if (!reader.ok()) return reader.status();
  std::vector<Value> values;
  for (int64_t n = 1;; ++n) {
    auto got = (*reader)->Next(values);
    if (!got.ok()) return got.status();
    if (!*got) return Status::Ok();
    RowView row(table, columns, values, n);
    BRANDLENS_RETURN_IF_ERROR(visit(row));
    BRANDLENS_RETURN_IF_ERROR(row.status());
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
  Status committed = store->Commit();
  // A failed COMMIT (disk full, I/O error) may leave the transaction open;
  // end it so the next one can begin.
  if (!committed.ok()) (void)store->Rollback();
  return committed;
}

}  // namespace brandlens
