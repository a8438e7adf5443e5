// The brands and brand_aliases tables, kept in step with the project
// config's [[brands]]: what other processes (a dashboard, SQL users) read
// as the project's brands. Owned by the project module.
#pragma once

#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "store/store.h"

namespace brandlens {

// Makes the tables match `brands`. Ids of brands that stay are stable. When
// the tables already match, nothing is written and no write lock is taken,
// so opening a project works beside a long import and on a read-only
// workspace.
Status SyncBrands(Store& store, const std::vector<BrandConfig>& brands);

}  // namespace brandlens
