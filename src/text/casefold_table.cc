#include "text/casefold_table.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "core/utf8.h"

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
  size_t kept_from = 0;  // start of the unchanged bytes not yet in `out`
  bool folded = true;
  ForEachCodePoint(text, [&](size_t offset, UChar32 c) {
    if (c >= 0 && c < 0x10000 && unchanged_.test(static_cast<size_t>(c))) return true;
    const auto it = c >= 0 && c < 0x10000 ? replacement_.find(static_cast<char16_t>(c)) : replacement_.end();
    if (it == replacement_.end()) return folded = false;  // invalid UTF-8, or ICU's to fold
    out.append(text, kept_from, offset - kept_from);
    out += it->second;
    kept_from = offset + static_cast<size_t>(U8_LENGTH(c));
    return true;
  });
  if (folded) out.append(text, kept_from, text.size() - kept_from);
  return folded;
}

}  // namespace brandlens
