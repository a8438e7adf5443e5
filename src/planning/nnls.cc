#include "planning/nnls.h"

#include <vector>

namespace brandlens {

namespace {

// Solves the unconstrained problem restricted to the `passive` coordinates.
Eigen::VectorXd SolveOn(const Eigen::MatrixXd& g, const Eigen::VectorXd& c, const std::vector<bool>& passive) {
  std::vector<Eigen::Index> idx;
  for (Eigen::Index i = 0; i < g.rows(); ++i)
    if (passive[static_cast<size_t>(i)]) idx.push_back(i);
  const auto k = static_cast<Eigen::Index>(idx.size());
  Eigen::MatrixXd sub(k, k);
  Eigen::VectorXd rhs(k);
  for (Eigen::Index a = 0; a < k; ++a) {
    rhs(a) = c(idx[static_cast<size_t>(a)]);
    for (Eigen::Index b = 0; b < k; ++b) sub(a, b) = g(idx[static_cast<size_t>(a)], idx[static_cast<size_t>(b)]);
  }
  const Eigen::VectorXd z = sub.ldlt().solve(rhs);
  Eigen::VectorXd out = Eigen::VectorXd::Zero(g.rows());
  for (Eigen::Index a = 0; a < k; ++a) out(idx[static_cast<size_t>(a)]) = z(a);
  return out;
}

}  // namespace

Eigen::VectorXd SolvePartlyNonNegative(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment,
                                       Eigen::Index first_constrained) {
  const Eigen::Index n = gram.rows();
  std::vector<bool> passive(static_cast<size_t>(n), false);
  for (Eigen::Index i = 0; i < first_constrained; ++i) passive[static_cast<size_t>(i)] = true;
  Eigen::VectorXd x = SolveOn(gram, moment, passive);
  const double tolerance = 1e-10 * (1 + moment.cwiseAbs().maxCoeff());
  // Each outer step frees the constrained coordinate whose gradient most
  // wants to grow; the inner loop walks back to feasibility. 3n outer steps
  // bound the work (the method converges in far fewer on these problems).
  for (Eigen::Index outer = 0; outer < 3 * n + 3; ++outer) {
    const Eigen::VectorXd w = moment - gram * x;
    Eigen::Index enter = -1;
    double best = tolerance;
    for (Eigen::Index i = first_constrained; i < n; ++i)
      if (!passive[static_cast<size_t>(i)] && w(i) > best) best = w(i), enter = i;
    if (enter < 0) break;
    passive[static_cast<size_t>(enter)] = true;
    for (Eigen::Index inner = 0; inner <= n; ++inner) {
      const Eigen::VectorXd z = SolveOn(gram, moment, passive);
      double step = 1;
      Eigen::Index blocking = -1;
      for (Eigen::Index i = first_constrained; i < n; ++i)
        if (passive[static_cast<size_t>(i)] && z(i) <= 0) {
          const double s = x(i) / (x(i) - z(i));
          if (s < step) step = s, blocking = i;
        }
      if (blocking < 0) {
        x = z;
        break;
      }
      x += step * (z - x);
      for (Eigen::Index i = first_constrained; i < n; ++i)
        if (passive[static_cast<size_t>(i)] && x(i) <= 1e-15 * (1 + std::abs(z(i)))) {
          passive[static_cast<size_t>(i)] = false;
          x(i) = 0;
        }
    }
  }
  return x;
}

}  // namespace brandlens
