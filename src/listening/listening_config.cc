#include "listening/listening_config.h"

#include <fmt/format.h>

#include <cmath>

namespace brandlens {

Result<ListeningConfig> ReadListeningConfig(const ProjectConfig& config) {
  ListeningConfig out;
  const ConfigSection s = config.Section("listening");
  BRANDLENS_RETURN_IF_ERROR(
      s.CheckKeys({"crisis_min_z", "crisis_min_negatives", "crisis_max_p", "crisis_baseline_days", "include_spam"}));
  SpikeOptions& spikes = out.spikes;
  auto z = s.Number("crisis_min_z", spikes.z_threshold);
  auto negatives = s.Int("crisis_min_negatives", spikes.min_negatives);
  auto p = s.Number("crisis_max_p", spikes.max_tail_probability);
  auto days = s.Int("crisis_baseline_days", spikes.baseline_days);
  for (const Status* st : {&z.status(), &negatives.status(), &p.status(), &days.status()})
    if (!st->ok()) return *st;
  auto bad = [&](std::string_view what) {
    return Status::InvalidInput(fmt::format("{}: [listening] {}", config.file.string(), what));
  };
  if (!std::isfinite(*z) || !std::isfinite(*p)) return bad("crisis_min_z and crisis_max_p must be finite numbers");
  if (*z <= 0) return bad("crisis_min_z must be positive");
  if (*negatives < 1) return bad("crisis_min_negatives must be at least 1");
  if (*p <= 0 || *p >= 1) return bad("crisis_max_p must be between 0 and 1");
  if (*days < 7 || *days > 365) return bad("crisis_baseline_days must be between 7 and 365");
  spikes.z_threshold = *z;
  spikes.min_negatives = *negatives;
  spikes.max_tail_probability = *p;
  spikes.baseline_days = static_cast<int>(*days);
  auto include_spam = s.Bool("include_spam", false);
  if (!include_spam.ok()) return include_spam.status();
  out.include_spam = *include_spam;
  return out;
}

}  // namespace brandlens
