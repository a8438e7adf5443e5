#include "text/lexicon.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "text/lexicon_data.h"

namespace brandlens {

namespace {

// Lexicon words use '-' for a space in multi-word English entries.
std::string Word(std::string_view field) {
  std::string w(field);
  for (char& c : w)
    if (c == '-' && w.size() > 1) c = ' ';
  return w;
}

float Number(std::string_view field) { return std::stof(std::string(field)); }

}  // namespace

Lexicon::Lexicon(const std::string& industry) {
  absl::flat_hash_set<std::string> dictionary;
  // Only words starting with a CJK character need the dictionary: ICU keeps
  // Latin words whole already.
  auto remember = [&](const std::string& w) {
    if (w.size() > 3 && static_cast<unsigned char>(w[0]) >= 0xE0) dictionary.insert(w);
    if (const size_t space = w.find(' '); space != std::string::npos) phrase_starts_.insert(w.substr(0, space));
  };
  for (std::string_view file : {"sentiment_zh", "sentiment_en"}) {
    ForEachLexiconLine(EmbeddedLexicon(file), [&](const std::vector<std::string_view>& f) {
      const float weight = Number(f[0]);
      for (size_t i = 1; i < f.size(); ++i) {
        const std::string w = Word(f[i]);
        words_[w].polarity = weight;  // later lines win: slang sections refine general ones
        words_[w].has_polarity = true;
        remember(w);
      }
    });
  }
  ForEachLexiconLine(EmbeddedLexicon("negators"), [&](const std::vector<std::string_view>& f) {
    const NegatorScope scope = f[0] == "weak" ? NegatorScope::kWeak : NegatorScope::kFull;
    for (size_t i = 1; i < f.size(); ++i) {
      WordInfo& w = words_[Word(f[i])];
      w.is_negator = true;
      w.negator = scope;
      remember(Word(f[i]));
    }
  });
  ForEachLexiconLine(EmbeddedLexicon("degree"), [&](const std::vector<std::string_view>& f) {
    for (size_t i = 1; i < f.size(); ++i) words_[Word(f[i])].degree = Number(f[0]), remember(Word(f[i]));
  });
  ForEachLexiconLine(EmbeddedLexicon("clause_markers"), [&](const std::vector<std::string_view>& f) {
    static const std::map<std::string_view, ClauseRole> kRoles = {{"contrast", ClauseRole::kContrast},
                                                                  {"reservation", ClauseRole::kReservation},
                                                                  {"concession", ClauseRole::kConcession},
                                                                  {"summary", ClauseRole::kSummary},
                                                                  {"wish", ClauseRole::kWish},
                                                                  {"expectation", ClauseRole::kExpectation},
                                                                  {"rhetorical", ClauseRole::kRhetorical},
                                                                  {"reply", ClauseRole::kReply}};
    const ClauseMarker marker{kRoles.at(f[0]), Number(f[1])};
    for (size_t i = 2; i < f.size(); ++i) {
      WordInfo& w = words_[Word(f[i])];
      if (!w.is_marker) w.is_marker = true, w.marker = marker;
      remember(Word(f[i]));
    }
  });
  ForEachLexiconLine(EmbeddedLexicon("emoji"), [&](const std::vector<std::string_view>& f) {
    for (size_t i = 1; i < f.size(); ++i) emoji_[std::string(f[i])] = Number(f[0]);
  });
  ForEachLexiconLine(EmbeddedLexicon("contextual"), [&](const std::vector<std::string_view>& f) {
    const std::string target(f[1]);
    words_[target].context_target = true;
    remember(target);
    for (size_t i = 2; i < f.size(); ++i) {
      contextual_[target + '\x1F' + std::string(f[i])] = Number(f[0]);
      words_[std::string(f[i])].context_adjective = true;
    }
  });
  for (std::string_view file : {"stopwords_zh", "stopwords_en"})
    ForEachLexiconLine(EmbeddedLexicon(file), [&](const std::vector<std::string_view>& f) {
      for (auto w : f) words_[std::string(w)].stop_word = true;
    });
  // The industry's aspects first, so that a term both lists (卫生) takes the
  // industry's meaning (hygiene for food, not the general environment).
  for (const std::string& scope : {industry, std::string("general")}) {
    ForEachLexiconLine(EmbeddedLexicon("aspects"), [&](const std::vector<std::string_view>& f) {
      if (f.size() < 3 || f[0] != scope) return;
      const std::string aspect(f[1]);
      const std::string* id = nullptr;
      for (const auto& name : aspect_names_)
        if (*name == aspect) id = name.get();
      if (!id) {
        aspect_names_.push_back(std::make_unique<std::string>(aspect));
        id = aspect_names_.back().get();
      }
      for (size_t i = 2; i < f.size(); ++i) {
        WordInfo& w = words_[Word(f[i])];
        if (!w.aspect) w.aspect = id;
        remember(Word(f[i]));
      }
    });
  }
  ForEachLexiconLine(EmbeddedLexicon("ambiguous"), [&](const std::vector<std::string_view>& f) {
    for (auto w : f) remember(std::string(w));
  });
  for (const auto& [word, info] : words_) {
    if (!info.is_negator && info.degree == 0) continue;
    int32_t i = 0;
    U8_FWD_1(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()));
    modifier_starts_.insert(word.substr(0, static_cast<size_t>(i)));
  }
  dictionary_words_.assign(dictionary.begin(), dictionary.end());
  std::sort(dictionary_words_.begin(), dictionary_words_.end());
}

const float* Lexicon::Contextual(std::string_view target, std::string_view adjective) const {
  std::string key;
  key.reserve(target.size() + adjective.size() + 1);
  key.append(target).push_back('\x1F');
  key.append(adjective);
  auto it = contextual_.find(key);
  return it == contextual_.end() ? nullptr : &it->second;
}

const Lexicon& Lexicon::Builtin(const std::string& industry) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Lexicon>> cache;
  std::lock_guard lock(mu);
  auto& slot = cache[industry];
  if (!slot) slot.reset(new Lexicon(industry));
  return *slot;
}

const std::vector<std::string>& Lexicon::Industries() {
  static const std::vector<std::string> kIndustries = [] {
    std::vector<std::string> out = {"general"};
    ForEachLexiconLine(EmbeddedLexicon("aspects"), [&](const std::vector<std::string_view>& f) {
      if (!f.empty() && std::find(out.begin(), out.end(), f[0]) == out.end()) out.emplace_back(f[0]);
    });
    return out;
  }();
  return kIndustries;
}

}  // namespace brandlens
