#include "personas/personas_config.h"

#include <fmt/format.h>

#include <cmath>

namespace brandlens {

Result<PersonasConfig> ReadPersonasConfig(const ProjectConfig& config) {
  PersonasConfig out;
  const ConfigSection s = config.Section("personas");
  BRANDLENS_RETURN_IF_ERROR(s.CheckKeys({"window_days", "k", "max_k", "restarts", "seed", "algorithm", "min_points", "eps"}));
  auto window = s.Int("window_days", out.window_days);
  auto k = s.Int("k", out.k);
  auto max_k = s.Int("max_k", out.max_k);
  auto restarts = s.Int("restarts", out.restarts);
  auto seed = s.Int("seed", static_cast<int64_t>(out.seed));
  auto algorithm = s.String("algorithm", out.algorithm);
  auto min_points = s.Int("min_points", out.min_points);
  auto eps = s.Number("eps", out.eps);
  for (const Status* st : {&window.status(), &k.status(), &max_k.status(), &restarts.status(), &seed.status(),
                           &algorithm.status(), &min_points.status(), &eps.status()})
    if (!st->ok()) return *st;
  auto bad = [&](std::string_view what) {
    return Status::InvalidInput(fmt::format("{}: [personas] {}", config.file.string(), what));
  };
  if (*window < 7 || *window > 3660) return bad("window_days must be between 7 and 3660");
  if (*k < 0 || *k > 50) return bad("k must be between 1 and 50, or 0 to choose it automatically");
  if (*max_k < 2 || *max_k > 50) return bad("max_k must be between 2 and 50");
  if (*restarts < 1 || *restarts > 100) return bad("restarts must be between 1 and 100");
  if (*seed < 0) return bad("seed must not be negative");
  if (*algorithm != "kmeans" && *algorithm != "dbscan")
    return bad(fmt::format("algorithm must be \"kmeans\" or \"dbscan\" (got \"{}\")", *algorithm));
  if (*min_points < 2 || *min_points > 1000) return bad("min_points must be between 2 and 1000");
  if (!std::isfinite(*eps) || *eps < 0) return bad("eps must be 0 (automatic) or a positive number");
  out.algorithm = *algorithm;
  out.min_points = static_cast<int>(*min_points);
  out.eps = *eps;
  out.window_days = static_cast<int>(*window);
  out.k = static_cast<int>(*k);
  out.max_k = static_cast<int>(*max_k);
  out.restarts = static_cast<int>(*restarts);
  out.seed = static_cast<uint64_t>(*seed);
  return out;
}

}  // namespace brandlens
