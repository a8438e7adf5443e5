// The marketing-mix model on simulated data with known truth: how far each
// channel's ROAS lands from the planted one, and how often the nominal 95%
// interval covers it. Prints one JSON object.
//   mmm_eval [simulations=40] [periods=156] [noise_sd=25]
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "planning/mmm.h"
#include "planning/mmm_simulation.h"

int main(int argc, char** argv) {
  using namespace brandlens;
  const int simulations = argc > 1 ? std::stoi(argv[1]) : 40;
  const int periods = argc > 2 ? std::stoi(argv[2]) : 156;
  const double noise = argc > 3 ? std::stod(argv[3]) : 25;
  int channels = 0, covered = 0, within15 = 0;
  double abs_pct = 0;
  std::vector<double> seconds;
  nlohmann::json per_channel = nlohmann::json::object();
  for (int s = 1; s <= simulations; ++s) {
    const auto sim = testing::SimulateMmm(testing::ThreeChannels(), periods, 7, noise, static_cast<uint64_t>(s));
    auto model = FitMmm(sim.input, MmmOptions{});
    if (!model.ok()) {
      std::fprintf(stderr, "simulation %d: %s\n", s, model.status().message().c_str());
      return 1;
    }
    seconds.push_back(model->diagnostics.seconds);
    for (size_t c = 0; c < model->channels.size(); ++c) {
      const MmmChannel& ch = model->channels[c];
      const double truth = sim.true_roas[c], error = std::abs(ch.roas - truth) / truth;
      ++channels;
      abs_pct += error;
      within15 += error <= 0.15;
      const bool in = ch.roas_interval.low <= truth && truth <= ch.roas_interval.high;
      covered += in;
      if (!per_channel.contains(ch.name)) per_channel[ch.name] = {{"covered", 0}, {"abs_pct_error_sum", 0.0}, {"signed_pct_error_sum", 0.0}};
      auto& pc = per_channel[ch.name];
      pc["covered"] = pc["covered"].get<int>() + (in ? 1 : 0);
      pc["abs_pct_error_sum"] = pc["abs_pct_error_sum"].get<double>() + 100 * error;
      pc["signed_pct_error_sum"] = pc["signed_pct_error_sum"].get<double>() + 100 * (ch.roas - truth) / truth;
    }
  }
  for (auto& [name, pc] : per_channel.items()) {
    pc["coverage95"] = pc["covered"].get<double>() / simulations;
    pc["roas_mape"] = pc["abs_pct_error_sum"].get<double>() / simulations;
    pc["roas_bias_pct"] = pc["signed_pct_error_sum"].get<double>() / simulations;
    pc.erase("signed_pct_error_sum");
    pc.erase("covered");
    pc.erase("abs_pct_error_sum");
  }
  std::sort(seconds.begin(), seconds.end());
  const nlohmann::json out = {{"model", "mmm"},
                              {"simulations", simulations},
                              {"periods", periods},
                              {"noise_sd", noise},
                              {"roas_mape", 100 * abs_pct / channels},
                              {"roas_within_15pct", static_cast<double>(within15) / channels},
                              {"coverage95", static_cast<double>(covered) / channels},
                              {"median_fit_seconds", seconds[seconds.size() / 2]},
                              {"channels", per_channel}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
