#include "planning/budget.h"

#include <fmt/format.h>
#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "planning/global_search.h"

namespace brandlens {

namespace {

struct Problem {
  std::vector<MediaResponse> responses;
  std::vector<double> carried;  // adstock entering the plan
  std::vector<double> lower, upper;
  double total = 0;
  int periods = 1;

  // Expected return of spending x[c] over the horizon; fills the gradient
  // with respect to each x[c] when asked.
  double Return(const double* x, double* gradient = nullptr) const {
    double sum = 0;
    for (size_t c = 0; c < responses.size(); ++c) {
      double slope = 0;
      sum += ForwardReturn(responses[c], carried[c], x[c] / periods, periods, &slope);
      if (gradient) gradient[c] = slope / periods;
    }
    return sum;
  }

  // Maps any point of [0,1]^C to an allocation that spends exactly the
  // total within the bounds: the bounds' minimums, then what is left split
  // in proportion to the weights, capping channels at their maximums and
  // handing the excess to the rest. Lets unconstrained global searches
  // (pagmo's PSO and GA take no constraints) walk only feasible plans.
  std::vector<double> Feasible(const std::vector<double>& weights) const {
    const size_t n = responses.size();
    std::vector<double> x = lower;
    std::vector<bool> open(n);
    for (size_t c = 0; c < n; ++c) open[c] = upper[c] > lower[c];
    double remaining = total - std::accumulate(lower.begin(), lower.end(), 0.0);
    for (size_t round = 0; round <= n && remaining > 0; ++round) {
      double weight = 0;
      size_t open_count = 0;
      for (size_t c = 0; c < n; ++c)
        if (open[c]) weight += weights[c], ++open_count;
      if (open_count == 0) break;
      double excess = 0;
      for (size_t c = 0; c < n; ++c) {
        if (!open[c]) continue;
        x[c] += remaining * (weight > 0 ? weights[c] / weight : 1.0 / static_cast<double>(open_count));
        if (x[c] >= upper[c]) excess += x[c] - upper[c], x[c] = upper[c], open[c] = false;
      }
      remaining = excess;
    }
    return x;
  }
};

double NegativeReturn(unsigned, const double* x, double* gradient, void* data) {
  const auto* p = static_cast<const Problem*>(data);
  const double value = p->Return(x, gradient);
  if (gradient)
    for (size_t c = 0; c < p->responses.size(); ++c) gradient[c] = -gradient[c];
  return -value;
}

double BudgetGap(unsigned n, const double* x, double* gradient, void* data) {
  if (gradient) std::fill(gradient, gradient + n, 1.0);
  return std::accumulate(x, x + n, 0.0) - static_cast<const Problem*>(data)->total;
}

// SLSQP from `start`; returns the start when it fails or drifts off the budget.
std::vector<double> Polish(const Problem& p, std::vector<double> start) {
  const auto n = static_cast<unsigned>(start.size());
  nlopt_opt opt = nlopt_create(NLOPT_LD_SLSQP, n);
  nlopt_set_lower_bounds(opt, p.lower.data());
  nlopt_set_upper_bounds(opt, p.upper.data());
  nlopt_set_min_objective(opt, NegativeReturn, const_cast<Problem*>(&p));
  nlopt_add_equality_constraint(opt, BudgetGap, const_cast<Problem*>(&p), 1e-9 * std::max(1.0, p.total));
  nlopt_set_xtol_rel(opt, 1e-10);
  nlopt_set_ftol_rel(opt, 1e-12);
  nlopt_set_maxeval(opt, 2000);
  std::vector<double> x = start;
  double value = 0;
  const nlopt_result status = nlopt_optimize(opt, x.data(), &value);
  nlopt_destroy(opt);
  const double gap = std::abs(std::accumulate(x.begin(), x.end(), 0.0) - p.total);
  if (status < 0 || gap > 1e-7 * std::max(1.0, p.total)) return start;
  // SLSQP meets the constraint to its tolerance; spend the last cents.
  for (size_t c = 0; c < x.size(); ++c) x[c] = std::clamp(x[c], p.lower[c], p.upper[c]);
  const double rest = p.total - std::accumulate(x.begin(), x.end(), 0.0);
  for (size_t c = 0; c < x.size(); ++c)
    if (x[c] + rest >= p.lower[c] && x[c] + rest <= p.upper[c]) {
      x[c] += rest;
      break;
    }
  return x;
}

int DefaultPeriods(const MmmModel& model) {
  return std::max(1, static_cast<int>(std::lround(90.0 / std::max(1, model.diagnostics.period_days))));
}

Result<Problem> MakeProblem(const MmmModel& model, const BudgetRequest& request) {
  Problem p;
  p.periods = request.periods > 0 ? request.periods : DefaultPeriods(model);
  double current_total = 0;
  for (const MmmChannel& ch : model.channels) current_total += ch.mean_spend * p.periods;
  p.total = request.total > 0 ? request.total : current_total;
  for (const auto& bound : request.bounds) {
    const std::string& name = bound.first;
    if (std::none_of(model.channels.begin(), model.channels.end(), [&](const MmmChannel& c) { return c.name == name; }))
      return Status::InvalidInput(fmt::format("--bound: the model has no channel '{}'", name));
  }
  for (const MmmChannel& ch : model.channels) {
    p.responses.push_back(ch.response);
    p.carried.push_back(ch.adstock_end);
    const double current = ch.mean_spend * p.periods;
    double lo = 0, hi = std::numeric_limits<double>::infinity();
    if (request.max_change >= 0) lo = current * (1 - request.max_change), hi = current * (1 + request.max_change);
    if (auto it = request.bounds.find(ch.name); it != request.bounds.end()) {
      lo = std::max(lo, it->second.min);
      if (it->second.max >= 0) hi = std::min(hi, it->second.max);
    }
    if (lo > hi)
      return Status::InvalidInput(fmt::format("channel '{}': its bounds leave no room ({:.2f} to {:.2f})", ch.name, lo, hi));
    hi = std::min(hi, p.total);
    p.lower.push_back(lo);
    p.upper.push_back(hi);
  }
  const double min_total = std::accumulate(p.lower.begin(), p.lower.end(), 0.0);
  const double max_total = std::accumulate(p.upper.begin(), p.upper.end(), 0.0);
  if (min_total > p.total * (1 + 1e-12) || max_total < p.total * (1 - 1e-12))
    return Status::InvalidInput(fmt::format(
        "a budget of {:.2f} cannot be spent within the bounds: they allow {:.2f} to {:.2f}", p.total, min_total, max_total));
  return p;
}

}  // namespace

Result<BudgetPlan> OptimizeBudget(const MmmModel& model, const BudgetRequest& request) {
  if (model.channels.empty()) return Status::InvalidInput("the model has no channels");
  auto made = MakeProblem(model, request);
  if (!made.ok()) return made.status();
  const Problem& p = *made;
  const size_t n = p.responses.size();

  std::vector<double> current;
  for (const MmmChannel& ch : model.channels) current.push_back(ch.mean_spend * p.periods);
  struct Candidate {
    std::vector<double> x;
    double value;
    std::string method;
  };
  std::vector<Candidate> candidates;
  const auto consider = [&](std::vector<double> x, const std::string& method) {
    const double value = p.Return(x.data());
    candidates.push_back({std::move(x), value, method});
  };
  consider(Polish(p, p.Feasible(current)), "SLSQP");
  const auto objective = [&](const std::vector<double>& y) {
    const std::vector<double> x = p.Feasible(y);
    return -p.Return(x.data());
  };
  const std::vector<double> unit_lower(n, 0.0), unit_upper(n, 1.0);
  for (GlobalMethod method : {GlobalMethod::kParticleSwarm, GlobalMethod::kGeneticAlgorithm}) {
    GlobalSearchOptions g;
    g.method = method;
    g.generations = 100;
    g.population = std::max<unsigned>(24, 8 * static_cast<unsigned>(n));
    const GlobalOptimum best = MinimizeGlobally(objective, unit_lower, unit_upper, g);
    const std::string name = method == GlobalMethod::kParticleSwarm ? "particle swarm" : "genetic algorithm";
    consider(p.Feasible(best.x), name);
    consider(Polish(p, p.Feasible(best.x)), name + " + SLSQP");
  }
  const Candidate& best = *std::max_element(candidates.begin(), candidates.end(),
                                            [](const Candidate& a, const Candidate& b) { return a.value < b.value; });

  BudgetPlan plan;
  plan.periods = p.periods;
  plan.total = p.total;
  plan.method = best.method;
  std::vector<double> gradient(n);
  p.Return(best.x.data(), gradient.data());
  for (size_t c = 0; c < n; ++c) {
    ChannelPlan cp;
    cp.name = model.channels[c].name;
    cp.current = current[c];
    cp.planned = best.x[c];
    cp.current_return = ForwardReturn(p.responses[c], p.carried[c], current[c] / p.periods, p.periods);
    cp.planned_return = ForwardReturn(p.responses[c], p.carried[c], best.x[c] / p.periods, p.periods);
    cp.marginal_roas = gradient[c];
    const double tolerance = 1e-6 * std::max(1.0, p.total);
    cp.at_bound = best.x[c] <= p.lower[c] + tolerance || best.x[c] >= p.upper[c] - tolerance;
    plan.current_return += cp.current_return;
    plan.planned_return += cp.planned_return;
    plan.channels.push_back(std::move(cp));
  }
  plan.uplift = plan.planned_return - plan.current_return;
  // The same two plans judged under every bootstrap draw of the curves.
  const size_t draws = model.channels.front().draws.size();
  std::vector<double> cur, planned, uplift;
  for (size_t d = 0; d < draws; ++d) {
    double a = 0, b = 0;
    for (size_t c = 0; c < n; ++c) {
      const MmmChannel& ch = model.channels[c];
      if (d >= ch.draws.size() || d >= ch.draw_adstock_end.size()) continue;
      a += ForwardReturn(ch.draws[d], ch.draw_adstock_end[d], current[c] / p.periods, p.periods);
      b += ForwardReturn(ch.draws[d], ch.draw_adstock_end[d], best.x[c] / p.periods, p.periods);
    }
    cur.push_back(a), planned.push_back(b), uplift.push_back(b - a);
  }
  plan.current_interval = draws ? Central95(cur) : Interval{plan.current_return, plan.current_return};
  plan.planned_interval = draws ? Central95(planned) : Interval{plan.planned_return, plan.planned_return};
  plan.uplift_interval = draws ? Central95(uplift) : Interval{plan.uplift, plan.uplift};
  return plan;
}

Result<GoalPlan> BudgetForGoal(const MmmModel& model, double goal, BudgetRequest request) {
  if (model.channels.empty()) return Status::InvalidInput("the model has no channels");
  const int periods = request.periods > 0 ? request.periods : DefaultPeriods(model);
  request.periods = periods;
  const double baseline = model.baseline_per_period * periods;
  double current_total = 0;
  for (const MmmChannel& ch : model.channels) current_total += ch.mean_spend * periods;
  const auto reach = [&](double total) -> Result<BudgetPlan> {
    request.total = total;
    return OptimizeBudget(model, request);
  };
  double low = 0, high = 100 * std::max(current_total, 1.0);
  auto most = reach(high);
  if (!most.ok()) return most.status();
  if (baseline + most->planned_return < goal)
    return Status::InvalidInput(fmt::format(
        "the goal {:.2f} is out of reach: even {:.2f} spent over {} periods is expected to bring {:.2f}", goal, high,
        periods, baseline + most->planned_return));
  // The expected return of the best plan grows with the budget: bisection.
  for (int i = 0; i < 40 && high - low > 1e-6 * std::max(1.0, high); ++i) {
    const double mid = (low + high) / 2;
    auto plan = reach(std::max(mid, 1e-9));
    if (!plan.ok()) return plan.status();
    (baseline + plan->planned_return >= goal ? high : low) = mid;
  }
  auto plan = reach(high);
  if (!plan.ok()) return plan.status();
  GoalPlan out;
  out.goal = goal;
  out.budget = high;
  const size_t draws = model.channels.front().draws.size();
  int reached = 0;
  for (size_t d = 0; d < draws; ++d) {
    double media = 0;
    for (size_t c = 0; c < model.channels.size(); ++c) {
      const MmmChannel& ch = model.channels[c];
      if (d < ch.draws.size() && d < ch.draw_adstock_end.size())
        media += ForwardReturn(ch.draws[d], ch.draw_adstock_end[d], plan->channels[c].planned / periods, periods);
    }
    reached += baseline + media >= goal;
  }
  out.probability = draws ? static_cast<double>(reached) / static_cast<double>(draws) : 0.5;
  out.plan = std::move(*plan);
  return out;
}

}  // namespace brandlens
