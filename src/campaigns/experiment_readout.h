// The workspace's A/B tests (the `experiments` kind: one exposure per user
// with the arm, whether they converted and their revenue) read out for the
// report: per test, conversion and revenue per user of every arm against
// the control (experiments.h), with a verdict in plain words.
//
// The control is the arm named control / ctrl / baseline / 对照 / 对照组 /
// A, else the first arm in name order. Revenue is analysed when any
// exposure has it.
#pragma once

#include <string>
#include <vector>

#include "campaigns/experiments.h"
#include "core/status.h"
#include "store/store.h"

namespace brandlens {

struct ExperimentReadout {
  std::string experiment, control;
  ExperimentResult result;
  std::vector<std::string> verdicts;  // one sentence per (arm, metric), Chinese
  std::string problem;  // why the test cannot be read (a single arm, an arm of one user); empty when read
};

// Every test in the table, in name order; a damaged row is an error.
Result<std::vector<ExperimentReadout>> ReadWorkspaceExperiments(Store& store, double alpha = 0.05);

// "B 的转化率 5.50%，比对照 A 的 4.00% 高 37.5%（95% 区间 +12.0% 至 +63.0%），
// 差异显著。" — or "没有可靠差异" when the corrected p-value is not below alpha.
std::string VerdictSentence(const MetricResult& m, const std::string& control);

}  // namespace brandlens
