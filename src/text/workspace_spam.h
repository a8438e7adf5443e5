// Spam detection over the whole workspace (text/spam.h): every mention is
// judged again on each run, since a new batch can complete a coordinated
// cluster that older mentions belong to. The verdicts replace the previous
// run's in mention_spam in one transaction; only spam is stored.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "store/store.h"
#include "text/spam.h"

namespace brandlens {

struct WorkspaceSpamReport {
  int64_t mentions = 0;  // judged
  int64_t advertising = 0, coordinated = 0;
  int64_t clusters = 0;  // coordinated clusters
  double seconds = 0;
};

Result<WorkspaceSpamReport> DetectWorkspaceSpam(Store& store, const SpamDetector& detector, unsigned threads);

}  // namespace brandlens
