// Spam, advertising and coordinated posting (水军): mentions that are not
// one customer's own opinion and must stay out of the numbers.
//
//  - Advertising: a text that solicits contact or sells (加V, vx, 私我, a
//    mobile number, a coupon code with a link…). Decided per text.
//  - Coordinated: near-identical texts (MinHash over character 3-grams of
//    the normalized text, so inserted emoji, punctuation and small edits do
//    not hide a copy) from at least three different authors, arriving in a
//    burst, mostly from accounts that post little else. Decided over the
//    whole corpus: a cluster is the connected group of near-copies.
//
// Short texts are never near-duplicates of each other (two customers who
// both write 很好吃 agree; they do not coordinate), and a repost is compared
// by its own words, before the quoted original (…//@author: original); an
// ad it quotes still makes it advertising (reposting spreads the ad).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>


namespace brandlens {

struct SpamPost {
  std::string_view text;
  std::string_view author;  // empty: unknown (each such post counts as its own author)
  int64_t posted_at = 0;    // Unix seconds; 0: unknown
};

enum class SpamKind : uint8_t { kNone, kAdvertising, kCoordinated };

struct SpamVerdict {
  SpamKind kind = SpamKind::kNone;
  std::string reason;   // for people: "advertising: asks to add a WeChat id (加v)"
  int32_t cluster = -1;  // index into SpamReport::clusters when coordinated
};

struct SpamCluster {
  std::vector<uint32_t> posts;  // indices into the posts given to Detect
  int32_t authors = 0;          // distinct authors
  int64_t first_at = 0, last_at = 0;
};

struct SpamReport {
  std::vector<SpamVerdict> verdicts;  // one per post
  std::vector<SpamCluster> clusters;  // coordinated clusters, largest first
  int64_t advertising = 0, coordinated = 0;
};

class SpamDetector {
 public:
  struct Options {
    size_t min_chars = 12;          // shorter texts (letters and digits only) are never near-copies
    double min_similarity = 0.5;    // estimated Jaccard of 3-gram sets for a near-copy
    // …when a post's author is unknown: scraped exports often append the
    // same page footer to every review, which makes different reviews look
    // half alike; only copies stay this close.
    double min_similarity_without_authors = 0.8;
    int32_t min_authors = 3;        // a coordinated cluster has at least this many authors
    int64_t burst_seconds = 3 * 86400;  // …arrives within this span,
    double low_activity_share = 0.5;    // …and this share of its authors post little else
    int32_t low_activity_posts = 2;     // "little": at most this many posts in the corpus
    size_t min_posts_without_authors = 10;  // with no author known, a cluster this large
  };

  SpamDetector() : SpamDetector(Options{}) {}
  explicit SpamDetector(const Options& options);

  // Why `text` reads as an advertisement, or empty when it does not (and
  // for text that is not valid UTF-8).
  static std::string AdvertisingReason(std::string_view text);

  // Every post's verdict and the coordinated clusters. Texts must be valid
  // UTF-8 (invalid ones are judged clean).
  SpamReport Detect(std::span<const SpamPost> posts, unsigned threads = 0) const;

 private:
  // `folded`: case- and width-folded text; `has_link`: whether it holds a URL.
  static std::string AdvertisingReason(std::string_view folded, bool has_link);
  Options options_;
};

std::string_view SpamKindName(SpamKind kind);  // "", "advertising", "coordinated"

}  // namespace brandlens
