// Positioning metrics from the listening facts: volume, share of voice and
// net sentiment with 95% intervals, trends, the aspect × brand matrix with
// two-proportion tests of the own brand against each competitor, comparisons,
// and the praises and pain points people repeat.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "listening/facts.h"

namespace brandlens {

struct Estimate {
  double value = 0, low = 0, high = 0;  // 95% interval (normal approximation)
};

struct BrandMetrics {
  std::string brand;
  int64_t volume = 0, engagement = 0, positive = 0, neutral = 0, negative = 0;
  Estimate share_of_voice;          // of mentions
  Estimate engaged_share_of_voice;  // of likes + shares + comments (point estimate only)
  Estimate net_sentiment;           // (positive − negative) / volume
};

// Per brand over [from_day, to_day]; `platform` < 0 for all platforms.
std::vector<BrandMetrics> BrandTotals(const ListeningFacts& f, int32_t from_day, int32_t to_day, int platform = -1);

struct TrendPoint {
  std::string period;  // YYYY-MM or YYYY-Www
  std::vector<int64_t> volume;        // per brand
  std::vector<double> net_sentiment;  // per brand
};
enum class Period { kDay, kWeek, kMonth };
std::vector<TrendPoint> Trend(const ListeningFacts& f, Period period);

// A lasting shift in a brand's weekly net sentiment, found by binary
// segmentation: the split that best separates the means, kept when its
// two-sample z-score is at least 4 and the shift at least 0.1.
struct ChangePoint {
  std::string brand;
  std::string week;  // first week of the new level (its Monday)
  double before, after, z;
};
std::vector<ChangePoint> FindChangePoints(const ListeningFacts& f);

struct AspectCell {
  int64_t positive = 0, neutral = 0, negative = 0;
  double net() const {
    const int64_t n = positive + neutral + negative;
    return n ? static_cast<double>(positive - negative) / static_cast<double>(n) : 0.0;
  }
};
// cells[brand][aspect]
std::vector<std::vector<AspectCell>> AspectMatrix(const ListeningFacts& f);

// Own brand (index 0) against one competitor on one aspect: the share of
// positive among polar opinions, and a two-proportion z-test.
// A significant difference at 5% in the own brand's favour, against it, or none.
enum class Verdict { kNone, kStrength, kWeakness };
// "strength", "weakness" or "" (as in the report and truth.json).
std::string_view VerdictName(Verdict verdict);

struct AspectContrast {
  std::string aspect, competitor;
  double own_rate, competitor_rate, z, p_value;
  int64_t own_n, competitor_n;
  Verdict verdict;
};
std::vector<AspectContrast> CompareAspects(const ListeningFacts& f, const std::vector<std::vector<AspectCell>>& cells);

// Two-proportion z-test: z and the two-sided p-value.
std::pair<double, double> TwoProportionTest(int64_t x1, int64_t n1, int64_t x2, int64_t n2);

struct RepeatedOpinion {
  std::string aspect, opinion;
  int64_t count;
  std::vector<int64_t> mention_ids;  // up to 3 examples
};
// The most repeated opinions about `brand` with `label` (+1 praise, −1 pain).
std::vector<RepeatedOpinion> TopOpinions(const ListeningFacts& f, uint16_t brand, SentimentLabel label, size_t n);

struct ComparisonCount {
  std::string winner, loser;
  int64_t count;
};
std::vector<ComparisonCount> CountComparisons(const ListeningFacts& f);

}  // namespace brandlens
