// Marketing-mix data with a known answer: an additive baseline (level,
// trend, yearly season) plus channels with planted adstock and Hill
// saturation, spend in flights, Gaussian noise. Shared by the MMM and
// budget tests and the coverage evaluation (bench/mmm_eval.cc).
#pragma once

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "planning/media_response.h"
#include "planning/mmm.h"

namespace brandlens::testing {

struct PlantedChannel {
  std::string name;
  double mean_spend;
  MediaResponse response;
};

struct SimulatedMmm {
  MmmInput input;
  std::vector<double> true_roas, true_contribution;
};

inline SimulatedMmm SimulateMmm(const std::vector<PlantedChannel>& channels, int periods, int period_days,
                                double noise_sd, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::normal_distribution<double> noise(0, noise_sd);
  SimulatedMmm sim;
  MmmInput& in = sim.input;
  const int start = 19358;  // 2023-01-01
  for (int t = 0; t < periods; ++t) in.days.push_back(start + t * period_days);
  in.target.assign(static_cast<size_t>(periods), 0);
  for (int t = 0; t < periods; ++t) {
    const double year_phase = 2 * M_PI * t * period_days / 365.2425;
    in.target[static_cast<size_t>(t)] = 1000 + 1.5 * t * period_days / 7.0 + 150 * std::sin(year_phase) + noise(rng);
  }
  for (const PlantedChannel& ch : channels) {
    in.channels.push_back(ch.name);
    std::vector<double> spend;
    double level = 1;
    int left = 0;
    for (int t = 0; t < periods; ++t) {
      if (left-- <= 0) {  // a new flight: dark, or on at a new level
        left = 2 + static_cast<int>(unit(rng) * 6);
        level = unit(rng) < 0.2 ? 0.0 : 0.3 + 1.4 * unit(rng);
      }
      spend.push_back(ch.mean_spend * level * (0.8 + 0.4 * unit(rng)));
    }
    std::vector<double> adstock(spend.size());
    GeometricAdstock(spend, ch.response.decay, 0, adstock);
    double contribution = 0, total = 0;
    for (size_t t = 0; t < spend.size(); ++t) {
      const double effect = ch.response.beta * ch.response.Saturation(adstock[t]);
      in.target[t] += effect;
      contribution += effect;
      total += spend[t];
    }
    in.spend.push_back(std::move(spend));
    sim.true_contribution.push_back(contribution);
    sim.true_roas.push_back(contribution / total);
  }
  return sim;
}

// Three weekly channels of different shapes: fast and concave, slow and
// S-shaped, nearly linear.
inline std::vector<PlantedChannel> ThreeChannels() {
  return {{"tv", 100, {0.6, 180, 2.0, 400}},
          {"search", 60, {0.1, 70, 1.0, 250}},
          {"social", 40, {0.3, 60, 1.4, 150}}};
}

}  // namespace brandlens::testing
