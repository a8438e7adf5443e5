#include "text/casefold_table.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace brandlens {

CasefoldTable::CasefoldTable() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(err);
  if (U_FAILURE(err)) return;  // an empty table: every text goes to ICU, which reports the error
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (U_IS_SURROGATE(c) || !nfkc_cf->hasBoundaryBefore(c)) continue;
    if (nfkc_cf->isInert(c)) {  // cheap, and true of all ideographs
      unchanged_.set(static_cast<size_t>(c));
      continue;
    }
    const icu::UnicodeString folded = nfkc_cf->normalize(icu::UnicodeString(c), err);
    if (U_FAILURE(err)) return;
    if (folded.length() == 1 && folded.charAt(0) == c) {
      unchanged_.set(static_cast<size_t>(c));
      continue;
    }
    std::string utf8;
    folded.toUTF8String(utf8);
    replacement_.emplace(static_cast<char16_t>(c), std::move(utf8));
  }
}

const CasefoldTable& CasefoldTable::Get() {
  static const CasefoldTable table;
  return table;
}

bool CasefoldTable::Fold(std::string_view text, std::string& out) const {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  int32_t kept_from = 0;  // start of the unchanged bytes not yet in `out`
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = p[i];
    if (c < 0x80) {
      ++i;
    } else {
      U8_NEXT(p, i, n, c);
      if (c < 0 || c >= 0x10000) return false;
    }
    if (unchanged_.test(static_cast<size_t>(c))) continue;
    const auto it = replacement_.find(static_cast<char16_t>(c));
    if (it == replacement_.end()) return false;
    out.append(text, static_cast<size_t>(kept_from), static_cast<size_t>(start - kept_from));
    out += it->second;
    kept_from = i;
  }
  out.append(text, static_cast<size_t>(kept_from), static_cast<size_t>(n - kept_from));
  return true;
}

}  // namespace brandlens
