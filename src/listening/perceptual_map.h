// A perceptual map: brands placed in two dimensions by the first two
// principal components of their net sentiment over aspects.
#pragma once

#include <utility>
#include <vector>

#include "listening/facts.h"
#include "listening/metrics.h"

namespace brandlens {

// One (x, y) per brand; empty with fewer than three brands or two aspects.
std::vector<std::pair<double, double>> PerceptualMap(const ListeningFacts& f,
                                                     const std::vector<std::vector<AspectCell>>& cells);

}  // namespace brandlens
