// Product recommendations: item-item collaborative filtering on implicit
// feedback (what users viewed, carted and bought), with a popularity
// fallback per customer segment for users without history.
//
//  - Feedback: each (user, item) pair gets confidence log(1 + Σ weights):
//    a purchase 5, a cart or favourite 3, any other event naming an item 1.
//    Purchases come from the orders table, or from purchase events when
//    there are no orders (never both: one purchase would count twice).
//  - Similarity: cosine between items' user columns, shrunk towards 0 for
//    items sharing few users (× co / (co + shrinkage)); the `neighbours`
//    most similar items are kept per item.
//  - Scores: Σ over the user's items of confidence × similarity.
//  - Repeat purchases: in categories people buy again (tea, groceries,
//    cosmetics) what a user bought is the best guess of what they buy
//    next; in others (phones, furniture) it is the worst. `auto` decides
//    from the data: when at least 20% of purchases are of an item the same
//    user bought before, bought items stay candidates (with their own
//    confidence added); otherwise they are left out.
//  - Cold users, and lists shorter than k: the most bought items of the
//    user's segment (personas), then of everyone.
//  - Evaluation: train on everything before a cut-off `holdout_days`
//    before the last activity; for each user who bought in the holdout,
//    precision@k, recall@k and NDCG@k of the items bought, against the
//    overall most-bought items of the training period.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace brandlens {

enum class RepeatPolicy { kAuto, kInclude, kExclude };

struct RecommenderOptions {
  int neighbours = 50;
  double shrinkage = 10;
  RepeatPolicy repeat = RepeatPolicy::kAuto;
  int max_history = 200;  // most recent items per user used for similarities
};

// Every (user, item) touch of the workspace, interned.
struct FeedbackLog {
  struct Touch {
    uint32_t user, item;
    float weight;
    bool purchase;
    int64_t at;
  };
  std::vector<std::string> users, items;
  std::vector<Touch> touches;  // in time order
};

Result<FeedbackLog> LoadFeedback(Store& store);

struct Recommendation {
  std::string item;
  double score = 0;
  std::string_view source;  // "similar items", "segment favourites" or "popular"
};

class ItemRecommender {
 public:
  // Learns from the touches before `until` (unix seconds; INT64_MAX: all).
  // `segment_of_user`: persona segment per user id (may be empty).
  static ItemRecommender Train(const FeedbackLog& log, int64_t until,
                               const std::unordered_map<std::string, int32_t>& segment_of_user,
                               const RecommenderOptions& options);

  // The top k items for a user id (any id: unknown users get the fallback).
  std::vector<Recommendation> ForUser(const std::string& user_id, int k) const;
  // The baseline: the overall most-bought items of the training period,
  // under the same repeat-purchase rule.
  std::vector<Recommendation> PopularFor(const std::string& user_id, int k) const;
  bool repeats_purchases() const { return repeats_; }
  double repeat_share() const { return repeat_share_; }

 private:
  struct Neighbour {
    uint32_t item;
    float similarity;
  };
  // The user's dense index, or -1 for a user without history.
  int64_t UserIndex(const std::string& user_id) const;
  // Candidates for a user: not excluded as already bought.
  std::vector<bool> Allowed(int64_t user) const;
  void Fill(std::vector<Recommendation>& out, const std::vector<uint32_t>& ranked, std::vector<bool>& allowed, int k,
            std::string_view source) const;

  std::vector<std::string> items_;
  bool repeats_ = true;
  double repeat_share_ = 0;
  std::unordered_map<std::string, uint32_t> user_index_;
  std::vector<std::vector<std::pair<uint32_t, float>>> history_;  // per user: item, confidence
  std::vector<std::vector<uint32_t>> bought_;                     // per user: items bought
  std::vector<std::vector<Neighbour>> neighbours_;                // per item
  std::vector<uint32_t> popular_;                                 // items by purchases
  std::unordered_map<int32_t, std::vector<uint32_t>> segment_popular_;
  std::unordered_map<std::string, int32_t> segment_of_;
};

struct RankingMetrics {
  double precision = 0, recall = 0, ndcg = 0;
};

struct RecommendEvaluation {
  int k = 0;
  int holdout_days = 0;
  int64_t users = 0;  // users evaluated: bought in the holdout
  RankingMetrics model, popularity;
  bool repeats_purchases = true;
  double repeat_share = 0;
};

// Errors: k or holdout_days not positive; no purchases in the holdout.
Result<RecommendEvaluation> EvaluateRecommender(const FeedbackLog& log,
                                                const std::unordered_map<std::string, int32_t>& segment_of_user,
                                                int k, int holdout_days, const RecommenderOptions& options);

}  // namespace brandlens
