// Spam detection over posts from outside: each input line is a post, its
// author chosen from a few so that clusters form. Any bytes (invalid UTF-8
// included) give one verdict per post, and every coordinated verdict
// points at a cluster that holds the post.
#include <algorithm>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "text/spam.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  const std::string_view input = fuzz::AsText(data, size);
  static const char* kAuthors[] = {"", "a", "b", "c", "d"};
  std::vector<SpamPost> posts;
  for (size_t start = 0, i = 0; start <= input.size(); ++i) {
    size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    posts.push_back({input.substr(start, end - start), kAuthors[i % 5], static_cast<int64_t>(i) * 60});
    start = end + 1;
  }
  const SpamReport report = SpamDetector().Detect(posts, 1);
  if (report.verdicts.size() != posts.size()) __builtin_trap();
  for (uint32_t i = 0; i < posts.size(); ++i) {
    const SpamVerdict& v = report.verdicts[i];
    if (v.kind != SpamKind::kCoordinated) continue;
    if (v.cluster < 0 || static_cast<size_t>(v.cluster) >= report.clusters.size()) __builtin_trap();
    const auto& members = report.clusters[static_cast<size_t>(v.cluster)].posts;
    if (std::find(members.begin(), members.end(), i) == members.end()) __builtin_trap();
  }
  return 0;
}
