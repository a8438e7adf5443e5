// Crisis alerts: days when a brand's negative mentions jump far above their
// recent baseline, merged into windows, each with what explains it (the
// aspects and keywords over-represented in the window) and its top mentions.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "listening/facts.h"

namespace brandlens {

struct SpikeOptions {
  int baseline_days = 28;      // the trailing window the baseline comes from
  int min_history = 14;        // days of history before a day can alert
  double z_threshold = 4.0;    // robust z-score to alert at
  int64_t min_negatives = 8;   // and at least this many negative mentions that day
  // and a count this unlikely under a Poisson with the baseline's mean:
  // over two years of four brands (~3,000 days) that is ~0.03 false alarms.
  double max_tail_probability = 1e-5;
};

struct Spike {
  std::string brand;
  int32_t first_day = 0, last_day = 0, peak_day = 0;
  int64_t negatives = 0;  // in the window
  int64_t peak = 0;
  double baseline = 0;    // median negatives per day before the window
  double z = 0;           // at the peak
  std::vector<std::pair<std::string, int64_t>> aspects;  // negative aspect opinions in the window
  std::vector<std::pair<std::string, double>> keywords;  // by lift over the brand's usual negatives
  std::vector<int64_t> top_mentions;                     // most engaged negative mentions
};

// The robust z-score of `x` against `history`: (x − median) / scale, where
// scale is 1.4826 · MAD, floored at √median (a Poisson count's spread) and 1.
double RobustZ(std::vector<int64_t> history, int64_t x, double* median_out = nullptr);

// A brand's negative mentions per day, indexed from f.first_day.
std::vector<int64_t> DailyNegatives(const ListeningFacts& f, uint16_t brand);

// P(X >= x) for X ~ Poisson(lambda).
double PoissonTail(int64_t x, double lambda);

std::vector<Spike> DetectSpikes(const ListeningFacts& f, const SpikeOptions& options = {});

}  // namespace brandlens
