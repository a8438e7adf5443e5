// The JSON form of an analysis, as `brandlens analyze` writes it (one object
// per input row; shape documented in docs/ARCHITECTURE.md). Written straight
// into a string: building a DOM per row was a quarter of analyze's time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"
#include "text/sentiment_model.h"
#include "text/spam.h"

namespace brandlens {

// Appends one JSON object (no newline) for row `line` (and `id` when not
// empty). The label and score are the model's prediction; "spam" is
// whether the row is spam, with "spam_reason" when it is. With `explain`,
// also the tokens, the raw score and each scored opinion.
void AppendAnalysisJson(std::string& out, const Analysis& a, const SentimentPrediction& prediction,
                        const SpamVerdict& spam, const std::vector<BrandConfig>& brands, int64_t line,
                        std::string_view id, bool explain);

// Appends {"line": N, ("id": ...,) "error": "..."}.
void AppendErrorJson(std::string& out, int64_t line, std::string_view id, std::string_view error);

// Appends `s` as a JSON string literal (UTF-8 kept; quotes, backslashes and
// control characters escaped).
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace brandlens
