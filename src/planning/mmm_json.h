// A fitted marketing-mix model as JSON (`brandlens mmm --output model.json`)
// and back (`brandlens budget --model model.json`).
//
// Contract for outside scripts: the object has `channels`, an array with
// one object per channel holding at least `name`, `contribution` (total
// over the data, in target units), `contribution_share` (of all channels'
// contribution), `roas` (contribution / spend) and `roas_low`, `roas_high`
// (a 95% bootstrap interval); also `diagnostics` and `decomposition`.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "planning/mmm.h"

namespace brandlens {

std::string MmmModelToJson(const MmmModel& model);

// Reads back what MmmModelToJson wrote (the decomposition is not needed and
// not read). Errors name `source` and the field.
Result<MmmModel> ParseMmmModel(std::string_view json, const std::string& source);

}  // namespace brandlens
