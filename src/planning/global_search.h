// Global minimization over a box with pagmo2's population methods, seeded
// so that the same problem gives the same answer bit for bit. Every use of
// pagmo lives behind this header: its templates are slow to compile, so one
// translation unit instantiates them.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace brandlens {

enum class GlobalMethod { kDifferentialEvolution, kParticleSwarm, kGeneticAlgorithm };

struct GlobalSearchOptions {
  GlobalMethod method = GlobalMethod::kDifferentialEvolution;
  unsigned population = 0;  // 0: max(20, 6 * dimensions)
  unsigned generations = 150;
  uint64_t seed = 1;
};

struct GlobalOptimum {
  std::vector<double> x;
  double value = 0;
  int evaluations = 0;
};

// Minimizes `objective` (which must return a finite number, +inf allowed
// for infeasible points) over lower <= x <= upper. The objective is called
// from one thread.
GlobalOptimum MinimizeGlobally(const std::function<double(const std::vector<double>&)>& objective,
                               const std::vector<double>& lower, const std::vector<double>& upper,
                               const GlobalSearchOptions& options);

}  // namespace brandlens
