#include "demo/customers_gen.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "demo/calendar.h"

namespace brandlens::demo {

const std::vector<std::string_view>& Channels() {
  static const std::vector<std::string_view> kChannels = {"miniprogram", "meituan", "eleme", "app", "store"};
  return kChannels;
}

const std::vector<std::string_view>& Categories() {
  static const std::vector<std::string_view> kCategories = {"milk_tea", "fruit_tea", "coffee", "snack", "seasonal"};
  return kCategories;
}

const std::vector<Persona>& Personas() {
  //  channels: miniprogram meituan eleme app store;  categories: milk_tea fruit_tea coffee snack seasonal
  // Rates are per active month; a user's own rate spreads around them.
  static const std::vector<Persona> kPersonas = {
      {"students", "学生党", 0.24, 18, 23, 0.62, 0.9, 0.9, 0.9, 1.0, 2.5, 16,
       {0.7, 0.1, 0.1, 0.05, 0.05}, {0.25, 0.6, 0.02, 0.08, 0.05}, 0, kDays},
      {"office_workers", "白领打工人", 0.26, 24, 35, 0.55, 1.8, 1.1, 0.3, 0.4, 1.5, 12,
       {0.05, 0.55, 0.35, 0.03, 0.02}, {0.2, 0.1, 0.65, 0.03, 0.02}, 0, kDays},
      {"young_parents", "宝妈家庭", 0.14, 28, 40, 0.85, 0.8, 3.0, 0.5, 2.2, 2.0, 10,
       {0.1, 0.3, 0.2, 0.05, 0.35}, {0.2, 0.25, 0.03, 0.5, 0.02}, 0, kDays},
      {"trend_seekers", "尝鲜党", 0.12, 20, 30, 0.7, 1.0, 1.2, 0.6, 1.3, 6.0, 21,
       {0.2, 0.05, 0.05, 0.6, 0.1}, {0.1, 0.15, 0.05, 0.05, 0.65}, 0, kDays},
      {"loyal_members", "忠实会员", 0.08, 25, 45, 0.6, 4.0, 1.4, 0.2, 1.0, 1.2, 9,
       {0.05, 0.03, 0.02, 0.85, 0.05}, {0.6, 0.25, 0.1, 0.03, 0.02}, 0, kDays},
      {"lapsed", "流失用户", 0.16, 18, 45, 0.58, 1.2, 1.0, 0.5, 1.0, 2.5, 14,
       {0.3, 0.3, 0.2, 0.05, 0.15}, {0.3, 0.3, 0.15, 0.1, 0.15}, 0, 240},
  };
  return kPersonas;
}

namespace {

std::vector<DemoProduct> Catalogue() {
  return {
      {"P001", "山茶集鲜奶茶", "milk_tea", 16}, {"P002", "山茶集黑糖波波", "milk_tea", 18},
      {"P003", "山茶集芝士奶盖", "milk_tea", 21}, {"P004", "山茶集柠檬茶", "fruit_tea", 15},
      {"P005", "山茶集满杯西柚", "fruit_tea", 19}, {"P006", "山茶集芒果多多", "fruit_tea", 22},
      {"P007", "山茶集生椰拿铁", "coffee", 20}, {"P008", "山茶集美式", "coffee", 14},
      {"P009", "山茶集蛋挞", "snack", 9}, {"P010", "山茶集麻薯", "snack", 12},
      {"P011", "山茶集春日樱花限定", "seasonal", 26}, {"P012", "山茶集冬日热可可", "seasonal", 24},
  };
}

const std::vector<std::string_view> kCities = {"上海", "北京", "杭州", "深圳", "广州", "成都", "武汉", "南京", "西安", "长沙"};

}  // namespace

Customers GenerateCustomers(Rng& rng, int user_count) {
  Customers c;
  c.products = Catalogue();
  std::vector<std::vector<int>> by_category(Categories().size());
  for (size_t p = 0; p < c.products.size(); ++p) {
    const auto& cats = Categories();
    const auto idx = std::find(cats.begin(), cats.end(), c.products[p].category) - cats.begin();
    by_category[static_cast<size_t>(idx)].push_back(static_cast<int>(p));
  }
  std::vector<double> persona_weights;
  for (const auto& p : Personas()) persona_weights.push_back(p.weight);

  int64_t order_seq = 0;
  for (int u = 0; u < user_count; ++u) {
    const int pi = static_cast<int>(rng.Weighted(persona_weights));
    const Persona& persona = Personas()[static_cast<size_t>(pi)];
    DemoUser user;
    user.id = fmt::format("U{:06d}", u + 1);
    user.persona = pi;
    const int first_day = persona.active_to_day < kDays ? static_cast<int>(rng.Index(120))
                                                        : static_cast<int>(rng.Index(kDays - 60));
    user.signup_at = DayToDaysSinceEpoch(first_day) * 86400 + static_cast<int64_t>(rng.Index(86400)) - 8 * 3600;
    user.gender = rng.Chance(persona.female_share) ? "female" : "male";
    user.age = persona.age_lo + static_cast<int>(rng.Index(static_cast<size_t>(persona.age_hi - persona.age_lo + 1)));
    user.city = std::string(rng.Pick(kCities));
    user.channel = std::string(Channels()[rng.Weighted(persona.channel_weights)]);
    c.users.push_back(user);

    // Individual rate varies around the persona's (gamma-like spread).
    const double rate = persona.orders_per_month / 30.0 * rng.LogNormal(-0.045, 0.3);
    const int last_day = std::min(kDays - 1, persona.active_to_day + static_cast<int>(rng.Index(60)));
    for (int day = first_day; day <= last_day; ++day) {
      const FestivalEffect fest = FestivalOn(day);
      const bool weekend = DayOfWeek(day) >= 5;
      const double day_rate = rate * (weekend ? persona.weekend_bias : 1.0) *
                              (1 + 2.0 * persona.promo_sensitivity * fest.shopping) * (1 - 0.6 * fest.spring_festival);
      if (!rng.Chance(std::min(0.95, day_rate))) continue;
      const std::string_view channel = Channels()[rng.Weighted(persona.channel_weights)];
      const auto& pool = by_category[rng.Weighted(persona.category_weights)];
      const int product = pool[rng.Index(pool.size())];
      const int hour = std::clamp(persona.peak_hour - 2 + static_cast<int>(rng.Index(5)), 0, 23);
      int64_t at = DayToDaysSinceEpoch(day) * 86400 - 8 * 3600 + hour * 3600 + static_cast<int64_t>(rng.Index(3600));
      const auto views = 1 + rng.Poisson(persona.browse_per_order - 1);
      for (int64_t v = 0; v < views; ++v) {
        const int viewed = v == 0 ? product : static_cast<int>(rng.Index(c.products.size()));
        c.events.push_back({u, at, "view", viewed, 0, channel});
        at += 20 + static_cast<int64_t>(rng.Index(90));
      }
      if (rng.Chance(0.15)) {
        c.events.push_back({u, at, "search", -1, 0, channel});
        at += 30;
      }
      c.events.push_back({u, at, "cart", product, 0, channel});
      at += 30 + static_cast<int64_t>(rng.Index(120));
      const int quantity = 1 + static_cast<int>(rng.Poisson(persona.basket_multiplier - 1));
      const double discount = 1 - 0.2 * fest.shopping * persona.promo_sensitivity;
      const double amount = std::round(c.products[static_cast<size_t>(product)].price * quantity * discount * 100) / 100;
      c.events.push_back({u, at, "purchase", product, amount, channel});
      c.orders.push_back({fmt::format("O{:08d}", ++order_seq), u, at, product, quantity, amount, channel});
    }
    // Campaign messages: opens and clicks, more for engaged personas.
    for (int64_t m = rng.Poisson(persona.orders_per_month * 12); m > 0; --m) {
      const int day = first_day + static_cast<int>(rng.Index(static_cast<size_t>(last_day - first_day + 1)));
      const int64_t at = DayToDaysSinceEpoch(day) * 86400 - 8 * 3600 + 20 * 3600 + static_cast<int64_t>(rng.Index(7200));
      c.events.push_back({u, at, "open", -1, 0, "app"});
      if (rng.Chance(0.3)) c.events.push_back({u, at + 15, "click", -1, 0, "app"});
    }
  }
  return c;
}

}  // namespace brandlens::demo
