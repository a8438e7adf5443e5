#include "text/general_dictionary.h"

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace brandlens {

const GeneralDictionary& GeneralDictionary::Get() {
  static const GeneralDictionary instance;
  return instance;
}

GeneralDictionary::GeneralDictionary() {
  // The break-iterator data package holds cjdict: an index block whose first
  // entry is the byte offset of a UCharsTrie mapping each word to its cost.
  UErrorCode err = U_ZERO_ERROR;
  UDataMemory* memory = udata_open(U_ICUDATA_NAME "-brkitr", "dict", "cjdict", &err);
  if (U_FAILURE(err)) return;
  const auto* indexes = static_cast<const int32_t*>(udata_getMemory(memory));
  const auto* data = reinterpret_cast<const char16_t*>(reinterpret_cast<const char*>(indexes) + indexes[0]);
  icu::UCharsTrie::Iterator it(data, 0, err);
  CodepointTrie::WordList words;
  words.points.reserve(1000000);
  words.ends.reserve(400000);
  words.values.reserve(400000);
  while (U_SUCCESS(err) && it.next(err)) {
    const icu::UnicodeString& word = it.getString();
    if (word.length() > kMaxChars) continue;
    for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) words.points.push_back(static_cast<char32_t>(word.char32At(i)));
    words.ends.push_back(static_cast<uint32_t>(words.points.size()));
    words.values.push_back(static_cast<uint16_t>(std::clamp(it.getValue(), 0, 0xFFFE)));
  }
  udata_close(memory);
  trie_ = CodepointTrie::Build(std::move(words));
}

}  // namespace brandlens
