// The listening and positioning sections of the report, and its highlights.
#pragma once

#include "core/status.h"
#include "listening/facts.h"
#include "listening/listening_config.h"
#include "report/report.h"
#include "store/store.h"

namespace brandlens {

// Adds the listening sections to `report` (quotes are read from `store`).
Status AddListeningSections(const ListeningFacts& facts, Store& store, const ListeningConfig& config, Report& report);

}  // namespace brandlens
