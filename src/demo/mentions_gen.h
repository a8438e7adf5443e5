// Synthetic mentions with known truth: who is mentioned, the sentiment, the
// aspects with their polarity, and what kind of text it is (spam, repost,
// sarcasm, comparison, traditional script, English).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/cast.h"
#include "demo/rng.h"

namespace brandlens::demo {

enum class Platform { kWeibo, kXiaohongshu, kDianping, kDouyin };
std::string_view PlatformName(Platform p);

enum MentionFlag : uint32_t {
  kSpam = 1, kRepost = 2, kSarcasm = 4, kComparative = 8, kTraditional = 16, kEnglish = 32,
  kQuestion = 64, kCrisis = 128, kRhetorical = 256, kNegation = 512, kContrast = 1024,
  kCoordinated = 2048,  // with kSpam: one of a planted 水军 campaign's posts
};

struct AspectTruth {
  Aspect aspect;
  int polarity;  // +1 or -1
};

struct DemoMention {
  Platform platform;
  std::string source_id;
  std::string author;
  int day = 0;
  int64_t posted_at = 0;  // Unix seconds
  std::string text;
  int64_t likes = 0, shares = 0, comments = 0;
  // Truth
  int brand = -1;         // primary brand index into Brands(), -1 for none (spam)
  int other_brand = -1;   // the brand compared with, if any
  int sentiment = 0;      // -1, 0, +1 toward the primary brand
  std::vector<AspectTruth> aspects;
  uint32_t flags = 0;
};

// About `daily_mentions` organic mentions a day over the world's 730 days,
// plus crisis bursts, advertising spam, reposts and two coordinated
// campaigns (~20k in all at the default 25).
std::vector<DemoMention> GenerateMentions(Rng& rng, double daily_mentions);

}  // namespace brandlens::demo
