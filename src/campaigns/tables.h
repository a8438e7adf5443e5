// The campaigns module's tables (store/schema.h): the journeys' delivery
// queue and audit, and who opted out of what.
#pragma once

#include <span>

#include "store/schema.h"

namespace brandlens {

std::span<const Migration> CampaignsMigrations();

}  // namespace brandlens
