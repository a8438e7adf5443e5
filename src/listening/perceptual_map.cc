// PCA by eigen-decomposition of the small aspect covariance matrix (Eigen).
#include "listening/perceptual_map.h"

#include <Eigen/Dense>

namespace brandlens {

std::vector<std::pair<double, double>> PerceptualMap(const ListeningFacts& f,
                                                     const std::vector<std::vector<AspectCell>>& cells) {
  const auto brands = static_cast<Eigen::Index>(f.brands.size());
  const auto aspects = static_cast<Eigen::Index>(f.aspects.size());
  if (brands < 3 || aspects < 2) return {};
  Eigen::MatrixXd x(brands, aspects);
  for (Eigen::Index b = 0; b < brands; ++b)
    for (Eigen::Index a = 0; a < aspects; ++a) x(b, a) = cells[static_cast<size_t>(b)][static_cast<size_t>(a)].net();
  x.rowwise() -= x.colwise().mean();
  const Eigen::MatrixXd covariance = x.transpose() * x / static_cast<double>(brands - 1);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
  // Eigenvalues ascend: the last two columns are the main components.
  const Eigen::MatrixXd components = solver.eigenvectors().rightCols(2).rowwise().reverse();
  const Eigen::MatrixXd projected = x * components;
  std::vector<std::pair<double, double>> out;
  for (Eigen::Index b = 0; b < brands; ++b) out.emplace_back(projected(b, 0), projected(b, 1));
  return out;
}

}  // namespace brandlens
