// A seeded random source whose output is identical on every platform.
// std::mt19937_64 is fully specified by the standard, but the std::*
// distributions are not (libstdc++ and libc++ differ), so the few
// distributions the demo needs are written out here.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace brandlens::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Uniform integer in [0, n).
  size_t Index(size_t n) { return static_cast<size_t>(Uniform() * static_cast<double>(n)); }
  bool Chance(double p) { return Uniform() < p; }

  double Normal(double mean = 0, double sd = 1) {
    // Box–Muller; the second variate is discarded to keep the stream simple.
    const double u1 = 1.0 - Uniform(), u2 = Uniform();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }
  double LogNormal(double mu, double sigma) { return std::exp(Normal(mu, sigma)); }

  int64_t Poisson(double lambda) {
    if (lambda <= 0) return 0;
    if (lambda > 50) return std::max<int64_t>(0, std::llround(Normal(lambda, std::sqrt(lambda))));
    const double limit = std::exp(-lambda);  // Knuth's multiplication method
    int64_t k = 0;
    for (double p = Uniform(); p > limit; p *= Uniform()) ++k;
    return k;
  }

  // An index drawn with probability proportional to `weights`.
  size_t Weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

  template <typename T>
  const T& Pick(std::span<const T> items) { return items[Index(items.size())]; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) { return items[Index(items.size())]; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace brandlens::demo
