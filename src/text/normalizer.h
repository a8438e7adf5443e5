// Text normalization for analysis: one canonical form of whatever platforms
// and keyboards produce, plus the signals that normalization would erase.
//
// NFKC with case folding (full-width → half-width, Ｓｈａｎ → shan),
// traditional → simplified (OpenCC, only when traditional characters occur),
// HTML entities decoded, URLs / @mentions / bracket emoticons / emoji taken out
// as features, #话题# kept as text and recorded, character runs of three or
// more collapsed (好好好好喝 → 好喝, !!!! → !) and counted as intensity.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace brandlens {

struct NormalizedText {
  std::string text;
  std::vector<std::string> urls, mentions, topics, emoji;  // emoji includes [赞]-style codes
  int exclamations = 0;    // '!' in the original, before collapsing
  int elongations = 0;     // runs of 3+ identical characters
  bool had_traditional = false;
};

class Normalizer {
 public:
  // ICU's NFKC_Casefold data and OpenCC's t2s converter, loaded on the
  // first call and shared by every Normalizer of the process; thread-safe
  // to use once created.
  static Result<std::unique_ptr<Normalizer>> Create();
  ~Normalizer();

  // `input` must be valid UTF-8 (callers validate and report per row).
  void Normalize(std::string_view input, NormalizedText& out) const;

 private:
  struct Impl;  // the loaded tables (immutable, shared)
  static Result<std::shared_ptr<const Impl>> LoadTables();
  explicit Normalizer(std::shared_ptr<const Impl> impl);
  // Traditional → simplified over the clauses holding bytes [first, end).
  void ConvertToSimplified(std::string& text, size_t first, size_t end) const;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace brandlens
