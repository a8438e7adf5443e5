#include "store/store.h"

namespace brandlens {

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
