// Least squares with some coefficients held non-negative, in Gram form:
//   minimize  x'Gx - 2c'x   subject to  x_i >= 0 for i >= first_constrained.
// The active-set method of Lawson & Hanson (1974), extended with free
// coefficients that never enter the active set. Written here because
// Eigen 3.4 (Debian 12) has no NNLS and the problems are tiny (tens of
// unknowns, solved thousands of times per marketing-mix fit).
#pragma once

#include <Eigen/Dense>

namespace brandlens {

// G must be symmetric positive definite (add a ridge when in doubt).
Eigen::VectorXd SolvePartlyNonNegative(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment,
                                       Eigen::Index first_constrained);

}  // namespace brandlens
