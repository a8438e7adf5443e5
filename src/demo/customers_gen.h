// Synthetic customers drawn from latent personas, with their behaviour
// events, orders and the own brand's product catalogue. The persona of each
// user is the truth that segmentation should recover.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/rng.h"

namespace brandlens::demo {

struct DemoProduct {
  std::string id, name, category;
  double price;
};

struct Persona {
  std::string_view id;    // stable English id
  std::string_view name;  // Chinese name
  double weight;          // share of users
  int age_lo, age_hi;
  double female_share;
  double orders_per_month;
  double basket_multiplier;   // spend per order relative to list price
  double promo_sensitivity;   // 0..1: how much more they buy in festivals
  double weekend_bias;        // >1: weekends, <1: weekdays
  double browse_per_order;    // views per purchase
  int peak_hour;              // local hour around which they order (±2 h)
  std::vector<double> channel_weights;   // over Channels()
  std::vector<double> category_weights;  // over Categories()
  int active_from_day, active_to_day;    // lapsed users stop early
};

struct DemoUser {
  std::string id;
  int persona;
  int64_t signup_at;
  std::string gender, city, channel;
  int age;
};

struct DemoEvent {
  int user;  // index into users
  int64_t at;
  std::string_view type;
  int product = -1;
  double amount = 0;
  std::string_view channel;
};

struct DemoOrder {
  std::string id;
  int user;
  int64_t at;
  int product;
  int quantity;
  double amount;
  std::string_view channel;
};

struct Customers {
  std::vector<DemoProduct> products;
  std::vector<DemoUser> users;
  std::vector<DemoEvent> events;
  std::vector<DemoOrder> orders;
};

const std::vector<Persona>& Personas();
const std::vector<std::string_view>& Channels();    // where customers order
const std::vector<std::string_view>& Categories();  // product categories

Customers GenerateCustomers(Rng& rng, int user_count);

}  // namespace brandlens::demo
