#include "listening/spam_section.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace brandlens {

namespace {

// A coordinated campaign is worth a highlight (below a crisis and the
// voice figures) once it is this large.
constexpr int kSpamPriority = 65;
constexpr size_t kHighlightedClusterPosts = 10;

struct ClusterSummary {
  int64_t cluster = 0;
  std::vector<int64_t> mentions;
  std::set<std::string> authors;
  int64_t first_at = INT64_MAX, last_at = INT64_MIN;
  std::string example;
};

std::string UtcTime(int64_t t) { return fmt::format("{:%Y-%m-%d %H:%M} UTC", fmt::gmtime(static_cast<std::time_t>(t))); }

}  // namespace

Status AddSpamSection(const ListeningFacts& facts, Store& store, Report& report) {
  ReportSection s{"spam", "水军与广告 · Spam and coordinated posting", {}, {}, {}};
  // What this report left out: brand mentions in its date range.
  int64_t advertising = 0, coordinated_posts = 0;
  std::set<int64_t> left_out_ids;
  for (const SpamFact& f : facts.spam) {
    ++(f.coordinated ? coordinated_posts : advertising);
    left_out_ids.insert(f.mention_id);
  }
  const auto left_out = static_cast<int64_t>(facts.spam.size());
  std::map<int64_t, ClusterSummary> clusters;
  const std::string_view spam_columns[] = {"mention_id", "cluster"};
  const ColumnEquals coordinated[] = {{"kind", std::string_view("coordinated")}};
  ScanFilter of_clusters;
  of_clusters.equals = coordinated;
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mention_spam", spam_columns, of_clusters, [&](RowView& row) {
    // Clusters as far as this report's mentions go (all of them when spam is counted in).
    if (row.IsNull(1) || (!facts.spam_included && !left_out_ids.contains(row.Int(0)))) return Status::Ok();
    ClusterSummary& c = clusters[row.Int(1)];
    c.cluster = row.Int(1);
    c.mentions.push_back(row.Int(0));
    return Status::Ok();
  }));
  std::vector<ClusterSummary> largest;
  for (auto& [id, c] : clusters) largest.push_back(std::move(c));
  std::sort(largest.begin(), largest.end(), [](const ClusterSummary& a, const ClusterSummary& b) {
    return a.mentions.size() != b.mentions.size() ? a.mentions.size() > b.mentions.size() : a.cluster < b.cluster;
  });
  if (largest.size() > kSpamClustersShown) largest.resize(kSpamClustersShown);

  std::vector<int64_t> ids;
  std::map<int64_t, ClusterSummary*> owner;
  for (auto& c : largest)
    for (int64_t id : c.mentions) ids.push_back(id), owner[id] = &c;
  if (!ids.empty()) {
    const std::string_view columns[] = {"id", "author", "posted_at", "text"};
    ScanFilter filter;
    filter.ids = ids;
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", columns, filter, [&](RowView& row) {
      ClusterSummary& c = *owner[row.Int(0)];
      // An unknown author counts as one of their own, as detection counts them.
      c.authors.emplace(row.IsNull(1) ? fmt::format("\x1f{}", row.Int(0)) : std::string(row.Text(1)));
      c.first_at = std::min(c.first_at, row.Int(2));
      c.last_at = std::max(c.last_at, row.Int(2));
      if (c.example.empty()) c.example = std::string(row.Text(3));
      return Status::Ok();
    }));
  }

  if (facts.spam_included) {
    s.summary.push_back(fmt::format("{} coordinated clusters were found; spam is counted in the figures above "
                                    "([listening] include_spam = true).", clusters.size()));
  } else {
    s.summary.push_back(fmt::format("{} brand mentions were left out of every figure above: {} advertising and {} "
                                    "coordinated posts in {} clusters ([listening] include_spam = true counts them).",
                                    left_out, advertising, coordinated_posts, clusters.size()));
  }
  if (!largest.empty() && largest.front().mentions.size() >= kHighlightedClusterPosts) {
    const ClusterSummary& top = largest.front();
    const double hours = static_cast<double>(top.last_at - top.first_at) / 3600.0;
    report.AddHighlight(kSpamPriority, fmt::format("水军 Coordinated posting: {} near-identical posts by {} accounts "
                                                   "within {:.0f} hours, e.g. “{}”.",
                                                   top.mentions.size(), top.authors.size(), hours, top.example));
  }
  ReportTable t{"最大的协同发帖群 · Largest coordinated clusters",
                {"cluster", "posts", "authors", "first", "last", "example"}, {}};
  for (const auto& c : largest)
    t.rows.push_back({c.cluster, static_cast<int64_t>(c.mentions.size()), static_cast<int64_t>(c.authors.size()),
                      UtcTime(c.first_at), UtcTime(c.last_at), c.example});
  s.tables.push_back(std::move(t));
  report.sections.push_back(std::move(s));
  return Status::Ok();
}

}  // namespace brandlens
