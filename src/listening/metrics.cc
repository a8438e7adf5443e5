#include "listening/metrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace brandlens {

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kStrength: return "strength";
    case Verdict::kWeakness: return "weakness";
    case Verdict::kNone: break;
  }
  return "";
}

namespace {

constexpr double kZ95 = 1.959964;

Estimate Proportion(int64_t x, int64_t n) {
  if (n == 0) return {};
  const double p = static_cast<double>(x) / static_cast<double>(n);
  const double half = kZ95 * std::sqrt(p * (1 - p) / static_cast<double>(n));
  return {p, std::max(0.0, p - half), std::min(1.0, p + half)};
}

// Net sentiment is a difference of two shares of one multinomial: its
// variance is (p+ + p- − net²) / n.
Estimate Net(int64_t pos, int64_t neg, int64_t n) {
  if (n == 0) return {};
  const double pp = static_cast<double>(pos) / static_cast<double>(n), pn = static_cast<double>(neg) / static_cast<double>(n);
  const double net = pp - pn;
  const double half = kZ95 * std::sqrt(std::max(0.0, pp + pn - net * net) / static_cast<double>(n));
  return {net, std::max(-1.0, net - half), std::min(1.0, net + half)};
}

std::string PeriodLabel(int32_t day, Period period) {
  const std::string date = CivilFromDays(day);
  if (period == Period::kDay) return date;
  if (period == Period::kMonth) return date.substr(0, 7);
  // Weeks start on Monday; the label is the Monday's date.
  const int32_t weekday = static_cast<int32_t>(((day % 7) + 10) % 7);  // 0 = Monday (1970-01-01 was a Thursday)
  return CivilFromDays(day - weekday);
}

}  // namespace

std::vector<BrandMetrics> BrandTotals(const ListeningFacts& f, int32_t from_day, int32_t to_day, int platform) {
  std::vector<BrandMetrics> out(f.brands.size());
  int64_t all = 0, all_engagement = 0;
  for (const auto& m : f.mentions) {
    if (m.day < from_day || m.day > to_day || (platform >= 0 && m.platform != platform)) continue;
    BrandMetrics& b = out[m.brand];
    ++b.volume;
    b.engagement += m.engagement;
    (m.label == SentimentLabel::kPositive ? b.positive : m.label == SentimentLabel::kNegative ? b.negative : b.neutral)++;
    ++all;
    all_engagement += m.engagement;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    BrandMetrics& b = out[i];
    b.brand = f.brands[i];
    b.share_of_voice = Proportion(b.volume, all);
    const double engaged = all_engagement ? static_cast<double>(b.engagement) / static_cast<double>(all_engagement) : 0.0;
    b.engaged_share_of_voice = {engaged, engaged, engaged};
    b.net_sentiment = Net(b.positive, b.negative, b.volume);
  }
  return out;
}

std::vector<TrendPoint> Trend(const ListeningFacts& f, Period period) {
  std::map<std::string, TrendPoint> points;
  std::map<std::string, std::vector<std::array<int64_t, 2>>> polar;  // per brand: pos, neg
  for (const auto& m : f.mentions) {
    const std::string label = PeriodLabel(m.day, period);
    auto& p = points[label];
    if (p.volume.empty()) {
      p.period = label;
      p.volume.assign(f.brands.size(), 0);
      p.net_sentiment.assign(f.brands.size(), 0);
      polar[label].assign(f.brands.size(), {0, 0});
    }
    ++p.volume[m.brand];
    if (m.label == SentimentLabel::kPositive) ++polar[label][m.brand][0];
    if (m.label == SentimentLabel::kNegative) ++polar[label][m.brand][1];
  }
  std::vector<TrendPoint> out;
  for (auto& [label, p] : points) {
    for (size_t b = 0; b < f.brands.size(); ++b)
      p.net_sentiment[b] = p.volume[b] ? static_cast<double>(polar[label][b][0] - polar[label][b][1]) /
                                             static_cast<double>(p.volume[b])
                                       : 0.0;
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// Splits series[lo, hi) recursively at the strongest mean shift.
void Segment(const std::vector<double>& series, size_t lo, size_t hi, int depth, std::vector<std::pair<size_t, double>>& cuts) {
  constexpr size_t kMinSegment = 6;
  if (depth == 0 || hi - lo < 2 * kMinSegment) return;
  double total = 0;
  for (size_t i = lo; i < hi; ++i) total += series[i];
  double best_z = 0;
  size_t best = 0;
  double left = 0;
  for (size_t k = lo + 1; k < hi; ++k) {
    left += series[k - 1];
    const size_t nl = k - lo, nr = hi - k;
    if (nl < kMinSegment || nr < kMinSegment) continue;
    const double ml = left / static_cast<double>(nl), mr = (total - left) / static_cast<double>(nr);
    double ss = 0;
    for (size_t i = lo; i < hi; ++i) {
      const double m = i < k ? ml : mr;
      ss += (series[i] - m) * (series[i] - m);
    }
    const double sd = std::sqrt(ss / static_cast<double>(hi - lo - 2));
    if (sd == 0) continue;
    const double z = std::abs(ml - mr) / (sd * std::sqrt(1.0 / static_cast<double>(nl) + 1.0 / static_cast<double>(nr)));
    if (z > best_z) best_z = z, best = k;
  }
  if (best == 0 || best_z < 4.0) return;
  cuts.emplace_back(best, best_z);
  Segment(series, lo, best, depth - 1, cuts);
  Segment(series, best, hi, depth - 1, cuts);
}

}  // namespace

std::vector<ChangePoint> FindChangePoints(const ListeningFacts& f) {
  std::vector<ChangePoint> out;
  const auto weeks = Trend(f, Period::kWeek);
  for (size_t b = 0; b < f.brands.size(); ++b) {
    std::vector<double> series;
    std::vector<size_t> week_of;  // series index -> weeks index
    for (size_t w = 0; w < weeks.size(); ++w)
      if (weeks[w].volume[b] >= 20) series.push_back(weeks[w].net_sentiment[b]), week_of.push_back(w);
    std::vector<std::pair<size_t, double>> cuts;
    Segment(series, 0, series.size(), 3, cuts);
    std::sort(cuts.begin(), cuts.end());
    for (size_t c = 0; c < cuts.size(); ++c) {
      const size_t from = c == 0 ? 0 : cuts[c - 1].first, to = c + 1 < cuts.size() ? cuts[c + 1].first : series.size();
      double before = 0, after = 0;
      for (size_t i = from; i < cuts[c].first; ++i) before += series[i];
      for (size_t i = cuts[c].first; i < to; ++i) after += series[i];
      before /= static_cast<double>(cuts[c].first - from);
      after /= static_cast<double>(to - cuts[c].first);
      if (std::abs(after - before) < 0.1) continue;
      out.push_back({f.brands[b], weeks[week_of[cuts[c].first]].period, before, after, cuts[c].second});
    }
  }
  return out;
}

std::vector<std::vector<AspectCell>> AspectMatrix(const ListeningFacts& f) {
  std::vector<std::vector<AspectCell>> cells(f.brands.size(), std::vector<AspectCell>(f.aspects.size()));
  for (const auto& a : f.aspect_opinions) {
    AspectCell& c = cells[a.brand][a.aspect];
    (a.label == SentimentLabel::kPositive ? c.positive : a.label == SentimentLabel::kNegative ? c.negative : c.neutral)++;
  }
  return cells;
}

std::pair<double, double> TwoProportionTest(int64_t x1, int64_t n1, int64_t x2, int64_t n2) {
  if (n1 == 0 || n2 == 0) return {0.0, 1.0};
  const double p1 = static_cast<double>(x1) / static_cast<double>(n1), p2 = static_cast<double>(x2) / static_cast<double>(n2);
  const double pooled = static_cast<double>(x1 + x2) / static_cast<double>(n1 + n2);
  const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / static_cast<double>(n1) + 1.0 / static_cast<double>(n2)));
  if (se == 0) return {0.0, 1.0};
  const double z = (p1 - p2) / se;
  return {z, std::erfc(std::abs(z) / std::sqrt(2.0))};
}

std::vector<AspectContrast> CompareAspects(const ListeningFacts& f, const std::vector<std::vector<AspectCell>>& cells) {
  std::vector<AspectContrast> out;
  if (cells.empty()) return out;
  for (size_t b = 1; b < f.brands.size(); ++b)
    for (size_t a = 0; a < f.aspects.size(); ++a) {
      const AspectCell& own = cells[0][a];
      const AspectCell& other = cells[b][a];
      const int64_t n1 = own.positive + own.negative, n2 = other.positive + other.negative;
      if (n1 < 10 || n2 < 10) continue;  // too few polar opinions to say anything
      const auto [z, p] = TwoProportionTest(own.positive, n1, other.positive, n2);
      AspectContrast c{f.aspects[a], f.brands[b], static_cast<double>(own.positive) / static_cast<double>(n1),
                       static_cast<double>(other.positive) / static_cast<double>(n2), z, p, n1, n2, Verdict::kNone};
      if (p < 0.05) c.verdict = z > 0 ? Verdict::kStrength : Verdict::kWeakness;
      out.push_back(std::move(c));
    }
  return out;
}

std::vector<RepeatedOpinion> TopOpinions(const ListeningFacts& f, uint16_t brand, SentimentLabel label, size_t n) {
  std::map<std::pair<uint16_t, std::string>, RepeatedOpinion> groups;
  for (const auto& a : f.aspect_opinions) {
    if (a.brand != brand || a.label != label) continue;
    const auto opinions = nlohmann::json::parse(a.opinions, nullptr, false);
    if (!opinions.is_array()) continue;
    for (const auto& o : opinions) {
      if (!o.is_string()) continue;
      auto& g = groups[{a.aspect, o.get<std::string>()}];
      if (g.count == 0) g.aspect = f.aspects[a.aspect], g.opinion = o.get<std::string>();
      ++g.count;
      if (g.mention_ids.size() < 3 && std::find(g.mention_ids.begin(), g.mention_ids.end(), a.mention_id) == g.mention_ids.end())
        g.mention_ids.push_back(a.mention_id);
    }
  }
  std::vector<RepeatedOpinion> out;
  for (auto& [key, g] : groups) out.push_back(std::move(g));
  std::sort(out.begin(), out.end(), [](const RepeatedOpinion& a, const RepeatedOpinion& b) {
    return a.count != b.count ? a.count > b.count : a.opinion < b.opinion;
  });
  if (out.size() > n) out.resize(n);
  return out;
}

std::vector<ComparisonCount> CountComparisons(const ListeningFacts& f) {
  std::map<std::pair<uint16_t, uint16_t>, int64_t> counts;
  for (const auto& c : f.comparisons) ++counts[{c.winner, c.loser}];
  std::vector<ComparisonCount> out;
  for (const auto& [k, n] : counts) out.push_back({f.brands[k.first], f.brands[k.second], n});
  std::sort(out.begin(), out.end(), [](const ComparisonCount& a, const ComparisonCount& b) { return a.count > b.count; });
  return out;
}

}  // namespace brandlens
