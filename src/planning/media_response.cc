#include "planning/media_response.h"

#include <cmath>

namespace brandlens {

double MediaResponse::Saturation(double adstock) const {
  if (adstock <= 0) return 0;
  // x^s / (x^s + K^s) written as 1 / (1 + (K/x)^s): no overflow for large x.
  return 1 / (1 + std::pow(half_saturation / adstock, shape));
}

double MediaResponse::SaturationSlope(double adstock) const {
  if (adstock <= 0) return shape == 1 ? 1 / half_saturation : 0;
  const double q = std::pow(half_saturation / adstock, shape);
  return shape * q / (adstock * (1 + q) * (1 + q));
}

void GeometricAdstock(std::span<const double> spend, double decay, double carried_in, std::span<double> out) {
  double a = carried_in;
  for (size_t t = 0; t < spend.size(); ++t) out[t] = a = spend[t] + decay * a;
}

double ForwardReturn(const MediaResponse& r, double carried_in, double spend_per_period, int periods, double* slope) {
  double a = carried_in, total = 0, d_total = 0, d_a = 0;
  for (int t = 0; t < periods; ++t) {
    a = spend_per_period + r.decay * a;
    d_a = 1 + r.decay * d_a;  // d adstock_t / d spend
    total += r.beta * r.Saturation(a);
    d_total += r.beta * r.SaturationSlope(a) * d_a;
  }
  if (slope) *slope = d_total;
  return total;
}

}  // namespace brandlens
