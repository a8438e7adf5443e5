#include "personas/persona_cards.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace brandlens {

namespace {

constexpr size_t kExamples = 5;

// A trait word for a feature that is clearly high (z > 0) or low in a
// segment; empty when the feature does not name a persona well.
std::string Trait(const FeatureDifference& d) {
  static const std::map<std::string, std::pair<const char*, const char*>> kTraits = {
      {"recency_days", {"沉睡", "活跃"}},      {"orders_per_month", {"高频", "低频"}},
      {"spend_per_month", {"高消费", "轻消费"}}, {"order_value", {"高客单", "低客单"}},
      {"items_per_order", {"多件囤货", "单件"}}, {"discount_share", {"爱折扣", "不看折扣"}},
      {"price_index", {"品质", "实惠"}},        {"weekend_share", {"周末", "工作日"}},
      {"tenure_days", {"老客", "新客"}},        {"views_per_order", {"爱逛", "直奔主题"}},
      {"opens_per_month", {"高互动", "低互动"}}, {"click_rate", {"爱点击", "少点击"}},
      {"reviews", {"爱评价", ""}},             {"age", {"年长", "年轻"}},
      {"female", {"女性", "男性"}},
  };
  if (d.name.rfind("cat:", 0) == 0 && d.z > 0) return d.name.substr(4) + "偏好";
  if (d.name.rfind("ch:", 0) == 0 && d.z > 0) return d.name.substr(3) + "渠道";
  if (d.name.rfind("time:", 0) == 0 && d.z > 0) return d.label.substr(d.label.find("·") + 2) + "下单";
  const auto it = kTraits.find(d.name);
  if (it == kTraits.end()) return "";
  return d.z > 0 ? it->second.first : it->second.second;
}

std::string Percent(double share) { return fmt::format("{:.1f}%", 100 * share); }

// A median for prose; a segment whose members all lack the feature has none.
std::string Shown(double value) { return std::isnan(value) ? std::string("无") : fmt::format("{:.3g}", value); }

std::string Describe(const PersonaCard& card) {
  std::string traits;
  for (size_t i = 0; i < card.distinguishing.size() && i < 3; ++i) {
    const auto& d = card.distinguishing[i];
    traits += fmt::format("{}{}{}（{}，整体{}）", i ? "；" : "", d.label, d.z > 0 ? "明显更高" : "明显更低",
                          Shown(d.segment_value), Shown(d.overall_value));
  }
  const char* trend = card.growth >= 1.15 ? "上升" : card.growth <= 0.85 ? "下降" : "平稳";
  return fmt::format(
      "{}：{}名用户（占{}），贡献{}的收入，人均消费{:.0f}。与整体相比：{}。近90天订单较此前90天{}（×{:.2f}），"
      "{}的成员近90天仍可触达。",
      card.name, card.size, Percent(card.user_share), Percent(card.revenue_share), card.value_per_user, traits, trend,
      card.growth, Percent(card.reachability));
}

double MedianOf(std::vector<double>& v) {
  if (v.empty()) return std::nan("");
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

}  // namespace

std::vector<PersonaCard> BuildCards(const UserFeatures& features, const ScaledFeatures& scaled,
                                    const std::vector<int32_t>& labels, const std::vector<int32_t>& ids) {
  const size_t k = ids.size(), dims = scaled.points.cols, n = features.rows();
  std::vector<PersonaCard> cards(k);
  std::vector<std::vector<double>> mean(k, std::vector<double>(dims, 0));
  std::vector<double> revenue(k, 0), recent(k, 0), prior(k, 0), reachable(k, 0);
  double total_revenue = 0;
  const size_t recency = 0, opens = [&] {
    for (size_t j = 0; j < features.cols(); ++j)
      if (features.features[j].name == "opens_per_month") return j;
    return size_t{0};
  }();
  for (size_t u = 0; u < n; ++u) {
    total_revenue += features.revenue[u];
    if (labels[u] < 0) continue;
    const auto c = static_cast<size_t>(labels[u]);
    ++cards[c].size;
    revenue[c] += features.revenue[u];
    recent[c] += features.recent_orders[u];
    prior[c] += features.prior_orders[u];
    if (features.At(u, recency) <= 90 || features.At(u, opens) > 0) reachable[c] += 1;
    for (size_t j = 0; j < dims; ++j) mean[c][j] += scaled.points.values[u * dims + j];
  }
  // Medians per feature, overall and per segment, in one pass per feature.
  std::vector<std::vector<double>> segment_median(k, std::vector<double>(dims)), by_segment(k);
  std::vector<double> overall_median(dims), all;
  for (size_t j = 0; j < dims; ++j) {
    const size_t f = scaled.used[j];
    all.clear();
    for (auto& v : by_segment) v.clear();
    for (size_t u = 0; u < n; ++u) {
      const double x = features.At(u, f);
      if (std::isnan(x)) continue;
      all.push_back(x);
      if (labels[u] >= 0) by_segment[static_cast<size_t>(labels[u])].push_back(x);
    }
    overall_median[j] = MedianOf(all);
    for (size_t c = 0; c < k; ++c) segment_median[c][j] = MedianOf(by_segment[c]);
  }
  for (size_t c = 0; c < k; ++c) {
    PersonaCard& card = cards[c];
    card.id = ids[c];
    const double size = std::max<double>(1, static_cast<double>(card.size));
    for (double& m : mean[c]) m /= size;
    card.user_share = static_cast<double>(card.size) / static_cast<double>(std::max<size_t>(1, n));
    card.revenue_share = total_revenue > 0 ? revenue[c] / total_revenue : 0;
    card.value_per_user = revenue[c] / size;
    card.growth = (recent[c] + 1) / (prior[c] + 1);
    card.reachability = reachable[c] / size;
    for (size_t j = 0; j < dims; ++j) {
      const size_t f = scaled.used[j];
      card.distinguishing.push_back({features.features[f].name, features.features[f].label, mean[c][j],
                                     segment_median[c][j], overall_median[j]});
    }
    std::sort(card.distinguishing.begin(), card.distinguishing.end(),
              [](const auto& a, const auto& b) { return std::abs(a.z) > std::abs(b.z); });
    if (card.distinguishing.size() > kDistinguishingFeatures) card.distinguishing.resize(kDistinguishingFeatures);
    // Examples: the members nearest the segment's centre.
    std::vector<std::pair<double, size_t>> nearest;
    for (size_t u = 0; u < n; ++u) {
      if (labels[u] != static_cast<int32_t>(c)) continue;
      double dist = 0;
      for (size_t j = 0; j < dims; ++j) dist += std::pow(scaled.points.values[u * dims + j] - mean[c][j], 2);
      nearest.emplace_back(dist, u);
    }
    const size_t shown = std::min(kExamples, nearest.size());
    std::partial_sort(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(shown), nearest.end());
    for (size_t e = 0; e < shown; ++e) card.examples.push_back(features.user_ids[nearest[e].second]);
  }
  // Names: the two strongest nameable traits; made unique by the id.
  std::set<std::string> used_names;
  for (PersonaCard& card : cards) {
    std::vector<std::string> traits;
    for (const auto& d : card.distinguishing) {
      std::string t = Trait(d);
      if (!t.empty() && std::find(traits.begin(), traits.end(), t) == traits.end()) traits.push_back(std::move(t));
      if (traits.size() == 2) break;
    }
    card.name = traits.empty() ? "大众客群" : fmt::format("{}客群", fmt::join(traits, "·"));
    if (!used_names.insert(card.name).second) card.name += fmt::format("{}", card.id);
  }
  // Target score: value × growth × reachability, relative to the best.
  double best = 0;
  for (PersonaCard& card : cards) {
    card.target_score = card.value_per_user * std::clamp(card.growth, 0.25, 4.0) * card.reachability;
    best = std::max(best, card.target_score);
  }
  for (PersonaCard& card : cards) {
    card.target_score = best > 0 ? 100 * card.target_score / best : 0;
    card.description = Describe(card);
  }
  std::stable_sort(cards.begin(), cards.end(), [](const auto& a, const auto& b) { return a.target_score > b.target_score; });
  return cards;
}

}  // namespace brandlens
