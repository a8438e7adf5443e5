// The personas section of the report: persona cards as a table, users and
// revenue shares per segment, a 2-D map of the segments (first two
// principal components), the distinguishing features of each segment, and
// a highlight naming the best segment to target.
#pragma once

#include "personas/personas.h"
#include "report/report.h"

namespace brandlens {

void AddPersonasSection(const PersonasResult& personas, Report& report);

}  // namespace brandlens
