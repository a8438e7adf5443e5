#include "campaigns/campaigns.h"

#include "personas/personas.h"

namespace brandlens {

Result<CampaignsResult> AnalyzeCampaigns(Store& store, const CampaignsConfig& config, const JourneysConfig& journeys,
                                         const std::string& time_zone) {
  CampaignsResult out;
  auto kpis = LoadCampaignKpis(store);
  if (!kpis.ok()) return kpis.status();
  out.kpis = std::move(*kpis);
  auto attribution = AttributeOrders(store, config.attribution_lookback_days);
  if (!attribution.ok()) return attribution.status();
  out.attribution = std::move(*attribution);
  auto experiments = ReadWorkspaceExperiments(store);
  if (!experiments.ok()) return experiments.status();
  out.experiments = std::move(*experiments);
  auto feedback = LoadFeedback(store);
  if (!feedback.ok()) return feedback.status();
  auto segments = LoadUserSegments(store);
  if (!segments.ok()) return segments.status();
  auto evaluation =
      EvaluateRecommender(*feedback, *segments, config.recommend_k, config.recommend_holdout_days, config.recommender);
  if (evaluation.ok()) out.recommendations = *evaluation;
  else out.recommendations_skipped = evaluation.status().message();
  if (!journeys.journeys.empty() && !feedback->touches.empty()) {
    // As of the latest activity: a report on an export is about its data's
    // "now", not the wall clock's.
    auto overview = PreviewJourneys(store, journeys, feedback->touches.back().at, time_zone);
    if (!overview.ok()) return overview.status();
    out.journeys = std::move(*overview);
  }
  return out;
}

}  // namespace brandlens
