#include "planning/mmm_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "core/timestamp.h"

namespace brandlens {

namespace {

using nlohmann::json;

json ResponseJson(const MediaResponse& r) {
  return {{"decay", r.decay}, {"half_saturation", r.half_saturation}, {"shape", r.shape}, {"beta", r.beta}};
}

// A finite number at `key`, or an error naming the field.
Result<double> Number(const json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number() || !std::isfinite(it->get<double>()))
    return Status::InvalidInput(fmt::format("{}: '{}' must be a finite number", where, key));
  return it->get<double>();
}

Result<MediaResponse> ReadResponse(const json& object, const std::string& where) {
  if (!object.is_object()) return Status::InvalidInput(fmt::format("{}: not an object", where));
  MediaResponse r;
  for (auto [key, field] : {std::pair{"decay", &r.decay}, std::pair{"half_saturation", &r.half_saturation},
                            std::pair{"shape", &r.shape}, std::pair{"beta", &r.beta}}) {
    auto v = Number(object, key, where);
    if (!v.ok()) return v.status();
    *field = *v;
  }
  if (r.decay < 0 || r.decay >= 1 || r.half_saturation <= 0 || r.shape <= 0 || r.beta < 0)
    return Status::InvalidInput(fmt::format(
        "{}: a response needs 0 <= decay < 1, half_saturation > 0, shape > 0 and beta >= 0", where));
  return r;
}

}  // namespace

std::string MmmModelToJson(const MmmModel& model) {
  json out;
  out["channels"] = json::array();
  for (const MmmChannel& ch : model.channels) {
    json draws = json::array();
    for (size_t d = 0; d < ch.draws.size(); ++d) {
      json r = ResponseJson(ch.draws[d]);
      r["adstock_end"] = ch.draw_adstock_end[d];
      draws.push_back(std::move(r));
    }
    out["channels"].push_back({{"name", ch.name},
                               {"spend", ch.spend},
                               {"contribution", ch.contribution},
                               {"contribution_low", ch.contribution_interval.low},
                               {"contribution_high", ch.contribution_interval.high},
                               {"contribution_share", ch.contribution_share},
                               {"roas", ch.roas},
                               {"roas_low", ch.roas_interval.low},
                               {"roas_high", ch.roas_interval.high},
                               {"mean_spend", ch.mean_spend},
                               {"marginal_roas", ch.marginal_roas},
                               {"marginal_roas_low", ch.marginal_roas_interval.low},
                               {"marginal_roas_high", ch.marginal_roas_interval.high},
                               {"adstock_end", ch.adstock_end},
                               {"response", ResponseJson(ch.response)},
                               {"draws", std::move(draws)}});
  }
  const MmmDiagnostics& d = model.diagnostics;
  out["diagnostics"] = {{"periods", d.periods},
                        {"period_days", d.period_days},
                        {"parameters", d.parameters},
                        {"r2", d.r2},
                        {"mape", d.mape},
                        {"holdout_periods", d.holdout_periods},
                        {"holdout_mape", d.holdout_mape},
                        {"holdout_r2", d.holdout_r2},
                        {"terms", d.terms},
                        {"warnings", d.warnings},
                        {"seconds", d.seconds},
                        {"evaluations", d.evaluations}};
  out["baseline_per_period"] = model.baseline_per_period;
  const MmmDecomposition& dec = model.decomposition;
  json rows = json::array();
  for (size_t t = 0; t < dec.days.size(); ++t) {
    json row = {{"date", CivilFromDays(dec.days[t])}, {"actual", dec.actual[t]},     {"fitted", dec.fitted[t]},
                {"baseline", dec.baseline[t]},       {"seasonality", dec.seasonality[t]},
                {"festivals", dec.festivals[t]},     {"controls", dec.controls[t]}};
    for (size_t c = 0; c < model.channels.size(); ++c) row[model.channels[c].name] = dec.channels[c][t];
    rows.push_back(std::move(row));
  }
  out["decomposition"] = std::move(rows);
  return out.dump(2) + "\n";
}

Result<MmmModel> ParseMmmModel(std::string_view text, const std::string& source) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return Status::InvalidInput(fmt::format("{}: not a JSON object (expected a model written by brandlens mmm)", source));
  const auto channels = doc.find("channels");
  if (channels == doc.end() || !channels->is_array() || channels->empty())
    return Status::InvalidInput(fmt::format("{}: 'channels' must be a non-empty array", source));
  MmmModel model;
  const auto diag = doc.find("diagnostics");
  if (diag == doc.end() || !diag->is_object())
    return Status::InvalidInput(fmt::format("{}: 'diagnostics' must be an object", source));
  auto period = Number(*diag, "period_days", source + ": diagnostics");
  if (!period.ok()) return period.status();
  if (*period < 1 || *period > 366) return Status::InvalidInput(fmt::format("{}: diagnostics: period_days out of range", source));
  model.diagnostics.period_days = static_cast<int>(*period);
  auto baseline = Number(doc, "baseline_per_period", source);
  if (!baseline.ok()) return baseline.status();
  model.baseline_per_period = *baseline;
  for (size_t i = 0; i < channels->size(); ++i) {
    const json& c = (*channels)[i];
    const std::string where = fmt::format("{}: channels[{}]", source, i);
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string())
      return Status::InvalidInput(fmt::format("{}: needs a 'name' string", where));
    MmmChannel ch;
    ch.name = c["name"].get<std::string>();
    for (auto [key, field] : {std::pair{"mean_spend", &ch.mean_spend}, std::pair{"adstock_end", &ch.adstock_end},
                              std::pair{"spend", &ch.spend}, std::pair{"contribution", &ch.contribution}}) {
      auto v = Number(c, key, where);
      if (!v.ok()) return v.status();
      if (*v < 0) return Status::InvalidInput(fmt::format("{}: '{}' must not be negative", where, key));
      *field = *v;
    }
    if (!c.contains("response")) return Status::InvalidInput(fmt::format("{}: needs a 'response'", where));
    auto r = ReadResponse(c["response"], where + ".response");
    if (!r.ok()) return r.status();
    ch.response = *r;
    if (c.contains("draws")) {
      if (!c["draws"].is_array()) return Status::InvalidInput(fmt::format("{}: 'draws' must be an array", where));
      for (size_t d = 0; d < c["draws"].size(); ++d) {
        const std::string at = fmt::format("{}.draws[{}]", where, d);
        auto draw = ReadResponse(c["draws"][d], at);
        if (!draw.ok()) return draw.status();
        auto end = Number(c["draws"][d], "adstock_end", at);
        if (!end.ok()) return end.status();
        ch.draws.push_back(*draw);
        ch.draw_adstock_end.push_back(*end);
      }
    }
    model.channels.push_back(std::move(ch));
  }
  for (const MmmChannel& ch : model.channels)
    if (ch.draws.size() != model.channels.front().draws.size())
      return Status::InvalidInput(fmt::format("{}: every channel needs the same number of draws", source));
  return model;
}

}  // namespace brandlens
