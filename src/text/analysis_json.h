// The JSON form of an analysis, as `brandlens analyze` writes it (one
// object per input row). Documented in docs/ARCHITECTURE.md.
#pragma once

#include <nlohmann/json.hpp>

#include "text/analyzer.h"

namespace brandlens {

// With `explain`, also the tokens and each scored opinion with its weight
// and clause weight: why the score is what it is.
nlohmann::json AnalysisToJson(const Analysis& a, const std::vector<BrandConfig>& brands, bool explain = false);

}  // namespace brandlens
