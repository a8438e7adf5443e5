#include "text/spam.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <unordered_map>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/utf8.h"

namespace brandlens {

namespace {

// Words that solicit contact or sell, matched on case- and width-folded
// text, in both scripts where they differ. Strong ones are advertising on
// their own; weak ones are also what customers say (私信客服没人回, 领了优惠券,
// 加微辣, 扣扣搜搜, 店家刷单) and count only with a link or together with
// another one and an id-like code.
constexpr std::string_view kStrongTerms[] = {
    "加v", "+v", "vx", "v信", "薇信", "wx号", "加我微信", "加微信", "私聊我", "qq群", "加群", "淘口令", "复制这段",
    "複製這段", "日赚", "日賺", "招代理", "代理加盟", "看我主页", "看我主頁", "主页有惊喜", "主頁有驚喜"};
constexpr std::string_view kWeakTerms[] = {
    "私信", "私我", "扣扣", "威信", "刷单", "刷單", "优惠券", "優惠券", "领券", "領券", "券后", "券後", "代购",
    "代購", "免费领", "免費領", "免费送", "免費送", "点击链接", "點擊鏈接", "戳链接", "福利", "抽奖", "抽獎",
    "低价出", "低價出", "代金券", "转发抽", "轉發抽", "关注+转发", "關注+轉發", "兼职", "兼職", "返现", "返現",
    "优惠码", "優惠碼", "折扣码", "折扣碼", "进群", "進群", "下单立减", "下單立減"};

// The shape of a near-copy test: 32 MinHash values in 8 bands of 4. Two
// texts whose 3-gram sets have Jaccard similarity 0.7 share a band with
// probability 1 - (1 - 0.7^4)^8 = 0.89; at 0.3, 0.06.
constexpr int kHashes = 32;
constexpr int kBands = 8;
constexpr int kRows = kHashes / kBands;
using Signature = std::array<uint64_t, kHashes>;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A mainland mobile number: 11 digits starting 13–19, not part of a longer run.
bool HasMobileNumber(std::string_view s) {
  for (size_t i = 0; i + 11 <= s.size(); ++i) {
    if (s[i] != '1' || (i > 0 && IsDigit(s[i - 1])) || s[i + 1] < '3') continue;
    size_t j = i;
    while (j < s.size() && IsDigit(s[j])) ++j;
    if (j - i == 11) return true;
    i = j;
  }
  return false;
}

// An id-like code: five or more ASCII letters and digits with at least one digit (tea4821, A61234).
bool HasCode(std::string_view s) {
  size_t run = 0;
  bool digit = false;
  for (char c : s) {
    const bool alnum = IsDigit(c) || (c >= 'a' && c <= 'z');
    run = alnum ? run + 1 : 0;
    digit = alnum && (digit || IsDigit(c));
    if (!alnum) digit = false;
    if (run >= 5 && digit) return true;
  }
  return false;
}

// u_isalnum without the property lookup for ASCII and the common Han block.
bool IsLetterOrDigit(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  return c > 0 && u_isalnum(c);
}

// A text as spam detection reads it: full-width ASCII folded to ASCII and
// upper case to lower (what keyboards and copy-paste teams vary), whether it
// holds a link, and its letters and digits outside links as code points
// (what near-copies share once emoji, punctuation and spacing are set
// aside). Cheaper than the analyzer's normalization, which this pass does
// not need: copies share their script, and the contact words are the same
// in both scripts.
struct FoldedText {
  std::string text;
  bool has_link = false;
  std::vector<UChar32> content;
};

void Fold(std::string_view raw, FoldedText& out) {
  out.text.clear();
  out.content.clear();
  const auto* p = reinterpret_cast<const uint8_t*>(raw.data());
  const auto n = static_cast<int32_t>(raw.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {  // ASCII, most bytes of links and codes: no decoding
      const char b = static_cast<char>(p[i++]);
      out.text.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A')) : b);
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
    if (c == 0x3000) c = ' ';                     // ideographic space
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    uint8_t buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    out.text.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
  }
  std::string_view text = out.text;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0 || text.compare(i, 4, "www.") == 0) {
      out.has_link = true;
      while (i < text.size() && static_cast<unsigned char>(text[i]) > ' ' && static_cast<unsigned char>(text[i]) < 0x80)
        ++i;
      continue;
    }
    UChar32 c;
    const auto* q = reinterpret_cast<const uint8_t*>(text.data());
    auto at = static_cast<int32_t>(i);
    U8_NEXT(q, at, static_cast<int32_t>(text.size()), c);
    i = static_cast<size_t>(at);
    if (IsLetterOrDigit(c)) out.content.push_back(c);
  }
}

// 32 minima from one hash per 3-gram: hash k is the 3-gram's hash times an
// odd constant plus another (multiply-add permutations of 64-bit values),
// which costs two instructions where a fresh hash would cost ten.
void MinHash(const std::vector<UChar32>& chars, Signature& signature) {
  static const std::array<std::pair<uint64_t, uint64_t>, kHashes> kPermutations = [] {
    std::array<std::pair<uint64_t, uint64_t>, kHashes> p{};
    for (int k = 0; k < kHashes; ++k)
      p[k] = {MixBits(static_cast<uint64_t>(2 * k + 1)) | 1, MixBits(static_cast<uint64_t>(2 * k + 2))};
    return p;
  }();
  signature.fill(UINT64_MAX);
  for (size_t i = 0; i + 3 <= chars.size(); ++i) {
    const uint64_t shingle = MixBits((static_cast<uint64_t>(chars[i]) << 42) ^ (static_cast<uint64_t>(chars[i + 1]) << 21) ^
                                 static_cast<uint64_t>(chars[i + 2]));
    for (int k = 0; k < kHashes; ++k)
      signature[k] = std::min(signature[k], shingle * kPermutations[k].first + kPermutations[k].second);
  }
}

double Similarity(const Signature& a, const Signature& b) {
  int same = 0;
  for (int k = 0; k < kHashes; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kHashes;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a), b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

std::string_view SpamKindName(SpamKind kind) {
  switch (kind) {
    case SpamKind::kNone: return "";
    case SpamKind::kAdvertising: return "advertising";
    case SpamKind::kCoordinated: return "coordinated";
  }
  return "";
}

SpamDetector::SpamDetector(const Options& options) : options_(options) {}

std::string SpamDetector::AdvertisingReason(std::string_view text) {
  if (!IsValidUtf8(text)) return "";
  FoldedText folded;
  Fold(text, folded);
  return AdvertisingReason(folded.text, folded.has_link);
}

std::string SpamDetector::AdvertisingReason(std::string_view s, bool has_link) {
  // One walk over the text: at each byte that can open a term (a term's
  // first byte), compare the terms that open with it. 44 searches of the
  // whole text each were a tenth of `analyze`'s time.
  // Chinese terms share few lead bytes, so the second byte is checked
  // before the comparison (every term has two bytes or more).
  struct Term {
    std::string_view text;
    bool strong;
  };
  static const auto kByFirstByte = [] {
    std::array<std::vector<Term>, 256> table;
    for (std::string_view t : kStrongTerms) table[static_cast<unsigned char>(t[0])].push_back({t, true});
    for (std::string_view t : kWeakTerms) table[static_cast<unsigned char>(t[0])].push_back({t, false});
    return table;
  }();
  std::string_view weak[2];
  size_t weak_found = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    for (const auto& [term, strong] : kByFirstByte[static_cast<unsigned char>(s[i])]) {
      if (term[1] != s[i + 1] || s.compare(i, term.size(), term) != 0) continue;
      if (strong) return fmt::format("advertising: solicits contact ({})", term);
      if (weak_found < 2 && (weak_found == 0 || weak[0] != term)) weak[weak_found++] = term;
    }
  }
  if (HasMobileNumber(s)) return "advertising: gives a mobile number";
  if (weak_found > 0 && has_link) return fmt::format("advertising: {} with a link", weak[0]);
  if (weak_found >= 2 && HasCode(s)) return fmt::format("advertising: {} and {} with a code", weak[0], weak[1]);
  return "";
}

SpamReport SpamDetector::Detect(std::span<const SpamPost> posts, unsigned threads) const {
  SpamReport report;
  report.verdicts.resize(posts.size());
  std::vector<Signature> signatures(posts.size());
  std::vector<char> comparable(posts.size(), 0);
  threads = ThreadsOrCores(threads);
  std::vector<FoldedText> folded(threads);
  ParallelFor(posts.size(), threads, [&](unsigned worker, size_t i) {
    std::string_view text = posts[i].text;
    if (text.empty() || !IsValidUtf8(text)) return;
    // A repost's own words come before the quoted chain.
    const size_t quoted = text.find("//@");
    FoldedText& own = folded[worker];
    Fold(text.substr(0, quoted), own);
    std::string reason = AdvertisingReason(own.text, own.has_link);
    if (reason.empty() && quoted != std::string_view::npos) reason = AdvertisingReason(text.substr(quoted));
    if (!reason.empty()) {
      report.verdicts[i] = {SpamKind::kAdvertising, std::move(reason), -1};
      return;
    }
    if (own.content.size() < options_.min_chars) return;
    MinHash(own.content, signatures[i]);
    comparable[i] = 1;
  });

  // Candidates share a band: runs of equal band keys.
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  for (uint32_t i = 0; i < posts.size(); ++i) {
    if (!comparable[i]) continue;
    for (int b = 0; b < kBands; ++b) {
      uint64_t key = MixBits(static_cast<uint64_t>(b) + 1);
      for (int r = 0; r < kRows; ++r) key = MixBits(key ^ signatures[i][b * kRows + r]);
      keys.emplace_back(key, i);
    }
  }
  std::sort(keys.begin(), keys.end());
  UnionFind groups(posts.size());
  for (size_t run = 0; run < keys.size();) {
    size_t end = run + 1;
    while (end < keys.size() && keys[end].first == keys[run].first) ++end;
    // Each member is compared with the run's first and with its
    // predecessor: two comparisons each, however large the run.
    auto join_if_near = [&](uint32_t a, uint32_t b) {
      if (groups.Find(a) == groups.Find(b)) return;  // joined already (copies share most bands)
      const bool authored = !posts[a].author.empty() && !posts[b].author.empty();
      if (Similarity(signatures[a], signatures[b]) >=
          (authored ? options_.min_similarity : options_.min_similarity_without_authors))
        groups.Join(a, b);
    };
    // Small runs: every pair. Large ones (thousands of copies of one text)
    // compare each member with the run's first and its predecessor only.
    constexpr size_t kAllPairsUpTo = 64;
    if (end - run <= kAllPairsUpTo) {
      for (size_t a = run; a < end; ++a)
        for (size_t b = a + 1; b < end; ++b) join_if_near(keys[a].second, keys[b].second);
    } else {
      for (size_t k = run + 1; k < end; ++k) {
        join_if_near(keys[run].second, keys[k].second);
        join_if_near(keys[k - 1].second, keys[k].second);
      }
    }
    run = end;
  }

  // How much each author posts: coordinated accounts post little else.
  std::unordered_map<std::string_view, int32_t> posts_by_author;
  for (const auto& p : posts)
    if (!p.author.empty()) ++posts_by_author[p.author];
  std::unordered_map<uint32_t, std::vector<uint32_t>> members;
  for (uint32_t i = 0; i < posts.size(); ++i)
    if (comparable[i] && groups.Find(i) != i) members[groups.Find(i)].push_back(i);
  for (auto& [root, rest] : members) {
    SpamCluster cluster;
    cluster.posts.push_back(root);
    cluster.posts.insert(cluster.posts.end(), rest.begin(), rest.end());
    std::vector<std::string_view> authors;
    int32_t unknown_authors = 0, low_activity = 0;
    bool times_known = true;
    cluster.first_at = INT64_MAX;
    cluster.last_at = INT64_MIN;
    for (uint32_t i : cluster.posts) {
      const SpamPost& p = posts[i];
      if (p.author.empty()) {
        ++unknown_authors;
      } else {
        authors.push_back(p.author);
      }
      times_known = times_known && p.posted_at != 0;
      cluster.first_at = std::min(cluster.first_at, p.posted_at);
      cluster.last_at = std::max(cluster.last_at, p.posted_at);
    }
    std::sort(authors.begin(), authors.end());
    authors.erase(std::unique(authors.begin(), authors.end()), authors.end());
    for (std::string_view a : authors) low_activity += posts_by_author[a] <= options_.low_activity_posts;
    cluster.authors = static_cast<int32_t>(authors.size()) + unknown_authors;
    if (cluster.authors < options_.min_authors) continue;
    // A crisis also brings near-identical posts in a burst, from real
    // customers who post about other things too: only accounts that post
    // little else make a burst coordinated. Without authors, only size
    // tells, so the bar is higher.
    const bool burst = !times_known || cluster.last_at - cluster.first_at <= options_.burst_seconds;
    const bool fresh_accounts =
        authors.empty() ? cluster.posts.size() >= options_.min_posts_without_authors
                        : low_activity >= options_.low_activity_share * static_cast<double>(authors.size());
    if (burst && fresh_accounts) report.clusters.push_back(std::move(cluster));
  }
  std::sort(report.clusters.begin(), report.clusters.end(), [](const SpamCluster& a, const SpamCluster& b) {
    return a.posts.size() != b.posts.size() ? a.posts.size() > b.posts.size() : a.posts[0] < b.posts[0];
  });
  for (size_t c = 0; c < report.clusters.size(); ++c) {
    const SpamCluster& cluster = report.clusters[c];
    const double hours = static_cast<double>(cluster.last_at - cluster.first_at) / 3600.0;
    const bool authors_known = std::any_of(cluster.posts.begin(), cluster.posts.end(),
                                           [&](uint32_t i) { return !posts[i].author.empty(); });
    const std::string reason = fmt::format(
        "coordinated: one of {} near-identical posts{}{}", cluster.posts.size(),
        authors_known ? fmt::format(" by {} authors", cluster.authors) : "",
        cluster.first_at > 0 ? fmt::format(" within {:.0f} hours", hours) : "");
    for (uint32_t i : cluster.posts) report.verdicts[i] = {SpamKind::kCoordinated, reason, static_cast<int32_t>(c)};
  }
  for (const auto& v : report.verdicts) {
    report.advertising += v.kind == SpamKind::kAdvertising;
    report.coordinated += v.kind == SpamKind::kCoordinated;
  }
  return report;
}

}  // namespace brandlens
