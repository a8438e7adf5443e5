// How paid media turns spend into return: geometric adstock (spend carried
// over into later periods at rate `decay`) followed by Hill saturation.
//
//   adstock_t = spend_t + decay * adstock_{t-1}
//   return_t  = beta * adstock_t^shape / (adstock_t^shape + half_saturation^shape)
//
// The same parametrization the demo world plants (demo/marketing_gen.h), so
// a fitted model can be read against the truth directly.
#pragma once

#include <span>
#include <vector>

namespace brandlens {

struct MediaResponse {
  double decay = 0;            // 0 <= decay < 1
  double half_saturation = 1;  // adstock at half the maximum return, > 0
  double shape = 1;            // Hill exponent, > 0 (>1: S-shaped)
  double beta = 0;             // maximum return per period, >= 0

  double Saturation(double adstock) const;  // in [0, 1)
  // d Saturation / d adstock.
  double SaturationSlope(double adstock) const;
};

// Adstock of `spend` period by period, starting from `carried_in`.
void GeometricAdstock(std::span<const double> spend, double decay, double carried_in, std::span<double> out);

// Return over `periods` future periods of a constant `spend_per_period`,
// starting from adstock `carried_in`; `slope` (if not null) receives its
// derivative with respect to spend_per_period. Carry-over past the last
// period is not counted: a plan is judged on its own horizon.
double ForwardReturn(const MediaResponse& r, double carried_in, double spend_per_period, int periods,
                     double* slope = nullptr);

}  // namespace brandlens
