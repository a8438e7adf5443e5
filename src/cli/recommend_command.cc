// brandlens recommend -p PROJECT --user U [--k 10]
// brandlens recommend -p PROJECT --evaluate [--k 10] [--holdout-days 30]
// Item-item recommendations for one user (campaigns/recommend.h), or the
// offline evaluation against best-sellers; JSON on stdout.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "campaigns/campaigns_config.h"
#include "campaigns/recommend.h"
#include "cli/commands.h"
#include "personas/personas.h"
#include "project/project.h"

namespace brandlens {

namespace {

nlohmann::json MetricsJson(const RankingMetrics& m) {
  return {{"precision", m.precision}, {"recall", m.recall}, {"ndcg", m.ndcg}};
}

}  // namespace

CommandAction AddRecommendCommand(CLI::App& app) {
  struct Args {
    std::string project = ".", user;
    int k = 0, holdout_days = 0;
    bool evaluate = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("recommend", "Products to recommend to a user, or the recommender's evaluation");
  cmd->add_option("-p,--project", a->project, "Project directory");
  cmd->add_option("--user", a->user, "The user id to recommend to");
  cmd->add_option("--k", a->k, "How many items (default: [campaigns] recommend_k)");
  cmd->add_flag("--evaluate", a->evaluate, "Evaluate on a time-based holdout against best-sellers");
  cmd->add_option("--holdout-days", a->holdout_days, "With --evaluate (default: [campaigns] recommend_holdout_days)");
  return [a]() -> Status {
    if (a->user.empty() == !a->evaluate) return Status::InvalidInput("give either --user or --evaluate");
    auto project = OpenConfiguredProject(a->project);
    if (!project.ok()) return project.status();
    auto config = ReadCampaignsConfig(*project->config);
    if (!config.ok()) return config.status();
    const int k = a->k != 0 ? a->k : config->recommend_k;
    if (k < 1) return Status::InvalidInput(fmt::format("--k must be positive (got {})", k));
    auto feedback = LoadFeedback(*project->store);
    if (!feedback.ok()) return feedback.status();
    auto segments = LoadUserSegments(*project->store);
    if (!segments.ok()) return segments.status();
    if (a->evaluate) {
      auto e = EvaluateRecommender(*feedback, *segments, k,
                                   a->holdout_days != 0 ? a->holdout_days : config->recommend_holdout_days,
                                   config->recommender);
      if (!e.ok()) return e.status();
      fmt::print("{}\n", nlohmann::json({{"k", e->k},
                                         {"holdout_days", e->holdout_days},
                                         {"users", e->users},
                                         {"repeats_purchases", e->repeats_purchases},
                                         {"repeat_share", e->repeat_share},
                                         {"model", MetricsJson(e->model)},
                                         {"popularity", MetricsJson(e->popularity)}})
                             .dump(2));
      return Status::Ok();
    }
    const auto model = ItemRecommender::Train(*feedback, INT64_MAX, *segments, config->recommender);
    nlohmann::json items = nlohmann::json::array();
    for (const Recommendation& r : model.ForUser(a->user, k))
      items.push_back({{"item", r.item}, {"score", r.score}, {"source", r.source}});
    fmt::print("{}\n", nlohmann::json({{"user", a->user}, {"items", items}}).dump(2));
    return Status::Ok();
  };
}

}  // namespace brandlens
