#include "text/general_dictionary.h"

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>

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
  std::string word;
  trie_.Reserve(500000);
  while (U_SUCCESS(err) && it.next(err)) {
    if (it.getString().length() > kMaxChars) continue;
    word.clear();
    it.getString().toUTF8String(word);
    trie_.Insert(word, static_cast<uint16_t>(std::clamp(it.getValue(), 0, 0xFFFE)));
  }
  udata_close(memory);
  trie_.Freeze();
}

}  // namespace brandlens
