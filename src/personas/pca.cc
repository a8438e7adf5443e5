#include "personas/pca.h"

#include <Eigen/Dense>

#include <algorithm>

namespace brandlens {

Pca FitPca(const PointMatrix& points, double variance_share, size_t max_components) {
  const auto d = static_cast<Eigen::Index>(points.cols);
  Pca pca;
  pca.input_dims = points.cols;
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(d);
  Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(d, d);
  Eigen::VectorXd row(d);
  for (size_t i = 0; i < points.rows; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) row[j] = points.values[i * points.cols + static_cast<size_t>(j)];
    mean += row;
  }
  const double n = std::max<double>(1, static_cast<double>(points.rows));
  mean /= n;
  for (size_t i = 0; i < points.rows; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) row[j] = points.values[i * points.cols + static_cast<size_t>(j)] - mean[j];
    covariance.selfadjointView<Eigen::Lower>().rankUpdate(row);
  }
  covariance = covariance.selfadjointView<Eigen::Lower>();
  covariance /= n;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
  // Eigenvalues come in increasing order: walk them from the largest.
  const Eigen::VectorXd values = solver.eigenvalues().cwiseMax(0.0);
  const double total = values.sum();
  pca.mean.assign(mean.data(), mean.data() + d);
  double explained = 0;
  const size_t limit = max_components ? std::min<size_t>(max_components, points.cols) : points.cols;
  for (Eigen::Index c = d - 1; c >= 0 && pca.kept() < limit; --c) {
    Eigen::VectorXd v = solver.eigenvectors().col(c);
    // An eigenvector's sign is arbitrary: make its largest loading positive
    // so maps read the same way run after run.
    Eigen::Index top = 0;
    v.cwiseAbs().maxCoeff(&top);
    if (v[top] < 0) v = -v;
    pca.components.insert(pca.components.end(), v.data(), v.data() + d);
    const double share = total > 0 ? values[c] / total : 0;
    pca.explained_variance.push_back(share);
    explained += share;
    if (explained >= variance_share || total <= 0) break;
  }
  return pca;
}

PointMatrix Project(const Pca& pca, const PointMatrix& points) {
  PointMatrix out;
  out.rows = points.rows;
  out.cols = pca.kept();
  out.values.resize(out.rows * out.cols);
  for (size_t c = 0; c < out.cols; ++c) out.columns.push_back("PC" + std::to_string(c + 1));
  for (size_t i = 0; i < points.rows; ++i)
    for (size_t c = 0; c < out.cols; ++c) {
      double sum = 0;
      for (size_t j = 0; j < pca.input_dims; ++j)
        sum += (points.values[i * points.cols + j] - pca.mean[j]) * pca.components[c * pca.input_dims + j];
      out.values[i * out.cols + c] = static_cast<float>(sum);
    }
  return out;
}

}  // namespace brandlens
