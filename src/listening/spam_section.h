// The report's account of what listening left out as spam: how many
// mentions (advertising, coordinated) and the largest coordinated clusters,
// which are news in themselves (someone paid for them).
#pragma once

#include "core/status.h"
#include "listening/facts.h"
#include "report/report.h"
#include "store/store.h"

namespace brandlens {

// At most this many clusters are listed, largest first.
inline constexpr size_t kSpamClustersShown = 5;

Status AddSpamSection(const ListeningFacts& facts, Store& store, Report& report);

}  // namespace brandlens
