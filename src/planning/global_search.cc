#include "planning/global_search.h"

#include <pagmo/algorithms/de.hpp>
#include <pagmo/algorithms/pso.hpp>
#include <pagmo/algorithms/sga.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace brandlens {

namespace {

// pagmo's user-defined problem: a box and a single objective.
struct BoxProblem {
  const std::function<double(const std::vector<double>&)>* objective = nullptr;
  std::vector<double> lower, upper;
  int* evaluations = nullptr;

  pagmo::vector_double fitness(const pagmo::vector_double& x) const {
    ++*evaluations;
    const double v = (*objective)(x);
    // pagmo's comparisons need a number: a huge finite value stands for "infeasible".
    return {std::isfinite(v) ? v : std::numeric_limits<double>::max() / 4};
  }
  std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const { return {lower, upper}; }
};

pagmo::algorithm MakeAlgorithm(const GlobalSearchOptions& o) {
  const auto seed = static_cast<unsigned>(o.seed);
  switch (o.method) {
    case GlobalMethod::kParticleSwarm:
      return pagmo::algorithm(pagmo::pso(o.generations, 0.7298, 2.05, 2.05, 0.5, 5u, 2u, 4u, false, seed));
    case GlobalMethod::kGeneticAlgorithm:
      return pagmo::algorithm(pagmo::sga(o.generations, 0.9, 1.0, 0.05, 1.0, 2u, "exponential", "polynomial",
                                         "tournament", seed));
    case GlobalMethod::kDifferentialEvolution:
      break;
  }
  return pagmo::algorithm(pagmo::de(o.generations, 0.8, 0.9, 2u, 1e-10, 1e-10, seed));
}

}  // namespace

GlobalOptimum MinimizeGlobally(const std::function<double(const std::vector<double>&)>& objective,
                               const std::vector<double>& lower, const std::vector<double>& upper,
                               const GlobalSearchOptions& options) {
  GlobalOptimum out;
  BoxProblem udp{&objective, lower, upper, &out.evaluations};
  pagmo::problem problem(udp);
  const unsigned population =
      options.population ? options.population : std::max(20u, 6u * static_cast<unsigned>(lower.size()));
  pagmo::population pop(problem, population, static_cast<unsigned>(options.seed));
  pop = MakeAlgorithm(options).evolve(pop);
  out.x = pop.champion_x();
  out.value = pop.champion_f()[0];
  return out;
}

}  // namespace brandlens
