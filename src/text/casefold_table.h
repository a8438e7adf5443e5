// NFKC_Casefold without ICU's per-text machinery, for the characters where
// that is exact. A table read off ICU once per process: for each BMP code
// point that has a normalization boundary before it, its own NFKC_Casefold
// image. When every character of a text has a boundary before it, the
// normalization of the text is the concatenation of its characters'
// normalizations (that is what the boundary means), so the table gives
// ICU's answer byte for byte; any other text is left to ICU.
//
// Why by hand: ICU's normalizeUTF8 was 6% of the whole analysis, and Chinese
// text (ideographs, ASCII, full-width punctuation, all with boundaries) never
// needs its composition logic. tests/text/casefold_table_test.cc checks the
// table against ICU for every BMP code point and for mixed random texts.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <bitset>
#include <string>
#include <string_view>

namespace brandlens {

class CasefoldTable {
 public:
  // The process-wide table (built on first use, ~65k ICU property reads).
  static const CasefoldTable& Get();

  // Appends NFKC_Casefold(text) to `out` and returns true, or returns false
  // (with `out` in an unspecified state) when `text` has a character the
  // table cannot fold alone, or invalid UTF-8.
  bool Fold(std::string_view text, std::string& out) const;

 private:
  CasefoldTable();
  std::bitset<0x10000> unchanged_;                          // boundary before, folds to itself
  absl::flat_hash_map<char16_t, std::string> replacement_;  // boundary before, folds to this
};

}  // namespace brandlens
