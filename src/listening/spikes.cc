#include "listening/spikes.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace brandlens {

namespace {

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  double m = v[v.size() / 2];
  if (v.size() % 2 == 0) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2 - 1), v.end());
    m = (m + v[v.size() / 2 - 1]) / 2;
  }
  return m;
}

// A brand's negative mentions with their parsed keywords, computed once
// and shared by every window of that brand.
struct NegativeIndex {
  std::vector<std::pair<const MentionFact*, std::vector<std::string>>> mentions;
  std::map<std::string, int64_t> keyword_counts;  // over all negative mentions
};

NegativeIndex IndexNegatives(const ListeningFacts& f, uint16_t brand) {
  NegativeIndex index;
  for (const auto& m : f.mentions) {
    if (m.brand != brand || m.label != SentimentLabel::kNegative) continue;
    std::vector<std::string> words;
    auto it = f.keywords.find(m.mention_id);
    if (it != f.keywords.end()) {
      const auto kw = nlohmann::json::parse(it->second, nullptr, false);
      if (kw.is_array())
        for (const auto& w : kw)
          if (w.is_string()) words.push_back(w.get<std::string>());
    }
    for (const auto& w : words) ++index.keyword_counts[w];
    index.mentions.emplace_back(&m, std::move(words));
  }
  return index;
}

// Explains a window: aspects, keywords with lift, top mentions.
void Explain(const ListeningFacts& f, uint16_t brand, const NegativeIndex& index, Spike& s) {
  std::map<std::string, int64_t> aspects;
  for (const auto& a : f.aspect_opinions)
    if (a.brand == brand && a.label == SentimentLabel::kNegative && a.day >= s.first_day && a.day <= s.last_day) ++aspects[f.aspects[a.aspect]];
  for (const auto& [a, n] : aspects) s.aspects.emplace_back(a, n);
  std::sort(s.aspects.begin(), s.aspects.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  if (s.aspects.size() > 3) s.aspects.resize(3);

  std::map<std::string, int64_t> window_counts;
  int64_t window_docs = 0;
  std::vector<std::pair<int64_t, int64_t>> engaged;  // engagement, mention
  for (const auto& [m, words] : index.mentions) {
    if (m->day < s.first_day || m->day > s.last_day) continue;
    ++window_docs;
    engaged.emplace_back(m->engagement, m->mention_id);
    for (const auto& w : words) ++window_counts[w];
  }
  const auto all_docs = static_cast<double>(index.mentions.size());
  for (const auto& [w, n] : window_counts) {
    if (n < 3) continue;
    const double lift = (static_cast<double>(n) / static_cast<double>(window_docs)) /
                        ((static_cast<double>(index.keyword_counts.at(w)) + 1) / (all_docs + 1));
    if (lift > 1.5) s.keywords.emplace_back(w, static_cast<double>(n) * std::log(lift));
  }
  std::sort(s.keywords.begin(), s.keywords.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  if (s.keywords.size() > 6) s.keywords.resize(6);
  std::sort(engaged.begin(), engaged.end(), std::greater<>());
  for (size_t i = 0; i < engaged.size() && i < 5; ++i) s.top_mentions.push_back(engaged[i].second);
  s.negatives = window_docs;
}

}  // namespace

std::vector<int64_t> DailyNegatives(const ListeningFacts& f, uint16_t brand) {
  std::vector<int64_t> negatives(static_cast<size_t>(std::max(0, f.last_day - f.first_day + 1)), 0);
  for (const auto& m : f.mentions)
    if (m.brand == brand && m.label == SentimentLabel::kNegative) ++negatives[static_cast<size_t>(m.day - f.first_day)];
  return negatives;
}

double PoissonTail(int64_t x, double lambda) {
  if (x <= 0) return 1.0;
  if (lambda <= 0) return 0.0;
  // 1 − P(X < x), summing the pmf in log space for stability.
  double cdf = 0, log_pmf = -lambda;  // k = 0
  for (int64_t k = 0; k < x; ++k) {
    if (k > 0) log_pmf += std::log(lambda) - std::log(static_cast<double>(k));
    cdf += std::exp(log_pmf);
  }
  return std::max(0.0, 1.0 - cdf);
}

double RobustZ(std::vector<int64_t> history, int64_t x, double* median_out) {
  std::vector<double> h(history.begin(), history.end());
  const double median = Median(h);
  for (double& v : h) v = std::abs(v - median);
  const double mad = Median(h);
  if (median_out) *median_out = median;
  const double scale = std::max({1.4826 * mad, std::sqrt(median), 1.0});
  return (static_cast<double>(x) - median) / scale;
}

std::vector<Spike> DetectSpikes(const ListeningFacts& f, const SpikeOptions& o) {
  std::vector<Spike> spikes;
  if (f.mentions.empty()) return spikes;
  const int32_t days = f.last_day - f.first_day + 1;
  for (uint16_t b = 0; b < f.brands.size(); ++b) {
    const std::vector<int64_t> negatives = DailyNegatives(f, b);
    Spike* open = nullptr;
    for (int32_t d = o.min_history; d < days; ++d) {
      const int32_t from = std::max(0, d - o.baseline_days);
      // The baseline excludes an open window, so a long crisis does not
      // raise its own bar.
      const int32_t until = open ? open->first_day - f.first_day : d;
      std::vector<int64_t> history(negatives.begin() + from, negatives.begin() + std::max(from, until));
      if (static_cast<int32_t>(history.size()) < o.min_history) continue;
      double median = 0;
      const int64_t x = negatives[static_cast<size_t>(d)];
      const double z = RobustZ(history, x, &median);
      double mean = 0;
      for (int64_t h : history) mean += static_cast<double>(h);
      mean /= static_cast<double>(history.size());
      const bool alert = z >= o.z_threshold && x >= o.min_negatives &&
                         PoissonTail(x, std::max(mean, median)) < o.max_tail_probability;
      // Windows stay open through one quiet day.
      if (alert) {
        if (!open || d > open->last_day - f.first_day + 2) {
          spikes.push_back({f.brands[b], d + f.first_day, d + f.first_day, d + f.first_day, 0, 0, median, z, {}, {}, {}});
          open = &spikes.back();
        }
        open->last_day = d + f.first_day;
        if (x > open->peak) open->peak = x, open->peak_day = d + f.first_day, open->z = z;
      } else if (open && d > open->last_day - f.first_day + 1) {
        open = nullptr;
      }
    }
  }
  std::map<uint16_t, NegativeIndex> indexes;
  for (auto& s : spikes) {
    const auto b = static_cast<uint16_t>(std::find(f.brands.begin(), f.brands.end(), s.brand) - f.brands.begin());
    auto it = indexes.find(b);
    if (it == indexes.end()) it = indexes.emplace(b, IndexNegatives(f, b)).first;
    Explain(f, b, it->second, s);
  }
  return spikes;
}

}  // namespace brandlens
