#include "listening/listening_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "listening/metrics.h"
#include "listening/perceptual_map.h"
#include "listening/spam_section.h"
#include "listening/spikes.h"
#include "report/charts.h"
#include "text/keywords.h"

namespace brandlens {

namespace {

// Listening's highlights, by priority (report.h): an alert first, then what
// the brand must act on, then where it stands.
constexpr int kCrisisPriority = 100;
constexpr int kGapPriority = 80;
constexpr int kVoicePriority = 70;
constexpr int kEdgePriority = 60;
constexpr int kLeaderPriority = 50;

double Round(double x, int digits = 3) { return RoundTo(x, digits); }

std::string Percent(double x) { return fmt::format("{:.1f}%", x * 100); }

// Texts of mentions by id, de-duplicated on text (reposts say the same).
Result<std::map<int64_t, std::string>> LoadTexts(Store& store, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  const std::string_view columns[] = {"id", "text"};
  ScanFilter filter;
  filter.ids = ids;
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", columns, filter, [&](RowView& row) {
    out[row.Int(0)] = std::string(row.Text(1));
    return Status::Ok();
  }));
  return out;
}

ReportSection VoiceSection(const ListeningFacts& f, const std::vector<BrandMetrics>& totals) {
  ReportSection s{"voice", "声量与情感 · Share of voice and sentiment", {}, {}, {}};
  ChartSeries sov{"声量占比 SOV"}, engaged{"互动占比 engaged SOV"}, net{"净情感 net sentiment"};
  ReportTable data{"", {"brand", "mentions", "share_of_voice", "sov_low", "sov_high", "engaged_share", "positive", "neutral",
                        "negative", "net_sentiment", "net_low", "net_high"}, {}};
  for (const auto& b : totals) {
    sov.values.push_back(Round(b.share_of_voice.value));
    engaged.values.push_back(Round(b.engaged_share_of_voice.value));
    net.values.push_back(Round(b.net_sentiment.value));
    data.rows.push_back({b.brand, b.volume, Round(b.share_of_voice.value), Round(b.share_of_voice.low),
                         Round(b.share_of_voice.high), Round(b.engaged_share_of_voice.value), b.positive, b.neutral,
                         b.negative, Round(b.net_sentiment.value), Round(b.net_sentiment.low), Round(b.net_sentiment.high)});
  }
  s.charts.push_back(BarChart("chart-voice", "各品牌声量占比与净情感", f.brands, {sov, engaged, net}, std::move(data)));
  for (const auto& b : totals)
    s.summary.push_back(fmt::format("{}: {} mentions, share of voice {} (95% CI {}–{}), net sentiment {:+.2f} ({:+.2f} to {:+.2f})",
                                    b.brand, b.volume, Percent(b.share_of_voice.value), Percent(b.share_of_voice.low),
                                    Percent(b.share_of_voice.high), b.net_sentiment.value, b.net_sentiment.low,
                                    b.net_sentiment.high));
  return s;
}

ReportSection TrendSection(const ListeningFacts& f) {
  ReportSection s{"trend", "趋势 · Trends by month", {}, {}, {}};
  const auto trend = Trend(f, Period::kMonth);
  std::vector<std::string> months;
  for (const auto& p : trend) months.push_back(p.period);
  std::vector<ChartSeries> volume_series, net_series;
  std::vector<std::string> columns = {"month"};
  for (size_t b = 0; b < f.brands.size(); ++b) {
    ChartSeries& v = volume_series.emplace_back(ChartSeries{f.brands[b]});
    ChartSeries& n = net_series.emplace_back(ChartSeries{f.brands[b]});
    for (const auto& p : trend) v.values.push_back(p.volume[b]), n.values.push_back(Round(p.net_sentiment[b]));
    columns.push_back(f.brands[b] + " mentions");
    columns.push_back(f.brands[b] + " net");
  }
  ReportTable data{"", columns, {}};
  for (const auto& p : trend) {
    std::vector<nlohmann::json> row = {p.period};
    for (size_t b = 0; b < f.brands.size(); ++b) row.push_back(p.volume[b]), row.push_back(Round(p.net_sentiment[b]));
    data.rows.push_back(std::move(row));
  }
  s.charts.push_back(LineChart("chart-trend-volume", "月度声量", months, std::move(volume_series), data));
  s.charts.push_back(LineChart("chart-trend-net", "月度净情感", months, std::move(net_series), data));
  ReportTable changes{"情感转折点 · Change points in weekly net sentiment", {"brand", "from_week", "before", "after", "z"}, {}};
  for (const auto& c : FindChangePoints(f)) {
    changes.rows.push_back({c.brand, c.week, Round(c.before), Round(c.after), Round(c.z, 1)});
    s.summary.push_back(fmt::format("{}: net sentiment moved from {:+.2f} to {:+.2f} from the week of {} (z = {:.1f})",
                                    c.brand, c.before, c.after, c.week, c.z));
  }
  s.tables.push_back(std::move(changes));
  return s;
}

ReportSection PlatformSection(const ListeningFacts& f) {
  ReportSection s{"platforms", "平台 · Platforms", {}, {}, {}};
  ReportTable data{"", {"platform", "brand", "mentions", "net_sentiment"}, {}};
  std::vector<ChartSeries> volume;
  for (const auto& brand : f.brands) volume.push_back({brand});
  for (size_t p = 0; p < f.platforms.size(); ++p) {
    const auto totals = BrandTotals(f, f.first_day, f.last_day, static_cast<int>(p));
    for (size_t b = 0; b < totals.size(); ++b) {
      volume[b].values.push_back(totals[b].volume);
      data.rows.push_back({f.platforms[p], totals[b].brand, totals[b].volume, Round(totals[b].net_sentiment.value)});
    }
  }
  s.charts.push_back(BarChart("chart-platforms", "各平台声量", f.platforms, std::move(volume), std::move(data),
                              {.stacked = true}));
  return s;
}

ReportSection AspectSection(const ListeningFacts& f, Report& report) {
  ReportSection s{"aspects", "维度对比 · Aspects by brand", {}, {}, {}};
  const auto cells = AspectMatrix(f);
  std::vector<HeatmapCell> heat;
  ReportTable data{"", {"brand", "aspect", "positive", "neutral", "negative", "net"}, {}};
  for (size_t b = 0; b < f.brands.size(); ++b)
    for (size_t a = 0; a < f.aspects.size(); ++a) {
      const AspectCell& c = cells[b][a];
      heat.push_back({a, b, c.net()});
      data.rows.push_back({f.brands[b], f.aspects[a], c.positive, c.neutral, c.negative, Round(c.net())});
    }
  s.charts.push_back(HeatmapChart("chart-aspects", "品牌 × 维度净情感", f.aspects, f.brands, heat, std::move(data)));

  const auto contrasts = CompareAspects(f, cells);
  ReportTable table{"本品 vs 竞品（双比例检验） · Own brand against each competitor",
                    {"aspect", "competitor", "own_positive_rate", "competitor_positive_rate", "z", "p_value", "verdict"}, {}};
  const AspectContrast* best = nullptr;
  const AspectContrast* worst = nullptr;
  for (const auto& c : contrasts) {
    table.rows.push_back({c.aspect, c.competitor, Round(c.own_rate), Round(c.competitor_rate), Round(c.z, 2),
                          Round(c.p_value, 4), std::string(VerdictName(c.verdict))});
    if (c.verdict == Verdict::kStrength && (!best || c.z > best->z)) best = &c;
    if (c.verdict == Verdict::kWeakness && (!worst || c.z < worst->z)) worst = &c;
    if (c.verdict != Verdict::kNone)
      s.summary.push_back(fmt::format("{} vs {} on {}: {} ({} vs {} positive, p = {:.3g})", f.brands[0], c.competitor,
                                      c.aspect, VerdictName(c.verdict), Percent(c.own_rate), Percent(c.competitor_rate), c.p_value));
  }
  s.tables.push_back(std::move(table));
  if (best)
    report.AddHighlight(kEdgePriority, fmt::format("最大优势 Strongest edge: {} beats {} on {} ({} vs {} positive).", f.brands[0],
                                     best->competitor, best->aspect, Percent(best->own_rate), Percent(best->competitor_rate)));
  if (worst)
    report.AddHighlight(kGapPriority, fmt::format("最大短板 Biggest gap: {} trails {} on {} ({} vs {} positive).", f.brands[0],
                                     worst->competitor, worst->aspect, Percent(worst->own_rate), Percent(worst->competitor_rate)));

  const auto map = PerceptualMap(f, cells);
  if (!map.empty()) {
    std::vector<ScatterPoint> points;
    ReportTable coords{"", {"brand", "x", "y"}, {}};
    for (size_t b = 0; b < map.size(); ++b) {
      points.push_back({f.brands[b], map[b].first, map[b].second});
      coords.rows.push_back({f.brands[b], Round(map[b].first), Round(map[b].second)});
    }
    s.charts.push_back(ScatterChart("chart-perceptual-map", "感知图（品牌在各维度净情感上的主成分投影）", "PC1", "PC2",
                                    points, std::move(coords)));
  }
  return s;
}

Status OpinionSection(const ListeningFacts& f, Store& store, ReportSection& s) {
  const auto praises = TopOpinions(f, 0, SentimentLabel::kPositive, 10),
             pains = TopOpinions(f, 0, SentimentLabel::kNegative, 10);
  std::vector<int64_t> ids;
  for (const auto* list : {&praises, &pains})
    for (const auto& o : *list) ids.insert(ids.end(), o.mention_ids.begin(), o.mention_ids.end());
  auto texts = LoadTexts(store, ids);
  if (!texts.ok()) return texts.status();
  for (const auto& [title, list] : {std::pair{std::string("好评点 · Top praises"), &praises},
                                    std::pair{std::string("痛点 · Top pain points"), &pains}}) {
    ReportTable t{title, {"aspect", "opinion", "count", "example"}, {}};
    for (const auto& o : *list) {
      std::set<std::string> seen;
      std::string quotes;
      for (int64_t id : o.mention_ids) {
        const auto it = texts->find(id);
        if (it == texts->end() || !seen.insert(it->second).second) continue;
        quotes += (quotes.empty() ? "" : " ｜ ") + it->second;
      }
      t.rows.push_back({o.aspect, o.opinion, o.count, quotes});
    }
    s.tables.push_back(std::move(t));
  }
  return Status::Ok();
}

ReportSection KeywordSection(const ListeningFacts& f) {
  ReportSection s{"keywords", "关键词 · Keywords by brand (TF-IDF)", {}, {}, {}};
  KeywordIndex index;
  std::vector<std::string> terms;
  std::vector<std::string_view> groups;
  // Facts come in mention order, one per (mention, brand): each mention is
  // one document, counted in every brand it names.
  for (size_t i = 0; i < f.mentions.size();) {
    const int64_t id = f.mentions[i].mention_id;
    groups.clear();
    for (; i < f.mentions.size() && f.mentions[i].mention_id == id; ++i) groups.push_back(f.brands[f.mentions[i].brand]);
    auto it = f.keywords.find(id);
    if (it == f.keywords.end()) continue;
    const auto kw = nlohmann::json::parse(it->second, nullptr, false);
    if (!kw.is_array()) continue;
    terms.clear();
    for (const auto& w : kw)
      if (w.is_string()) terms.push_back(w.get<std::string>());
    index.Add(groups, terms);
  }
  for (size_t b = 0; b < f.brands.size(); ++b) {
    const auto top = index.Top(f.brands[b], 15);
    std::vector<std::string> words;  // bottom to top: the best at the top of the chart
    ChartSeries scores{"tf-idf"};
    ReportTable data{"", {"term", "tfidf", "count"}, {}};
    for (auto it = top.rbegin(); it != top.rend(); ++it) {
      words.push_back(it->term);
      scores.values.push_back(Round(it->score, 1));
    }
    for (const auto& k : top) data.rows.push_back({k.term, Round(k.score, 1), k.count});
    s.charts.push_back(BarChart(fmt::format("chart-keywords-{}", b), f.brands[b] + " 关键词", std::move(words),
                                {std::move(scores)}, std::move(data), {.horizontal = true}));
  }
  return s;
}

ReportSection ComparisonSection(const ListeningFacts& f) {
  ReportSection s{"comparisons", "对比提及 · Comparative mentions", {}, {}, {}};
  ReportTable t{"", {"winner", "loser", "mentions"}, {}};
  for (const auto& c : CountComparisons(f)) t.rows.push_back({c.winner, c.loser, c.count});
  s.tables.push_back(std::move(t));
  return s;
}

Status CrisisSection(const ListeningFacts& f, Store& store, const SpikeOptions& spike_options, ReportSection& s,
                     Report& report) {
  const auto spikes = DetectSpikes(f, spike_options);
  // Daily negative volume per brand, with the alert windows marked.
  std::vector<std::string> days;
  for (int32_t d = f.first_day; d <= f.last_day; ++d) days.push_back(CivilFromDays(d));
  std::vector<ChartSeries> series;
  for (uint16_t b = 0; b < f.brands.size(); ++b) {
    ChartSeries& negatives = series.emplace_back(ChartSeries{f.brands[b], DailyNegatives(f, b)});
    for (const auto& sp : spikes)
      if (sp.brand == f.brands[b]) negatives.marked_ranges.emplace_back(CivilFromDays(sp.first_day), CivilFromDays(sp.last_day));
  }
  std::vector<int64_t> ids;
  for (const auto& sp : spikes) ids.insert(ids.end(), sp.top_mentions.begin(), sp.top_mentions.end());
  auto texts = LoadTexts(store, ids);
  if (!texts.ok()) return texts.status();
  ReportTable data{"", {"brand", "start", "end", "peak_day", "negatives", "baseline_per_day", "peak_z", "aspects",
                        "keywords", "top_mentions"}, {}};
  for (const auto& sp : spikes) {
    std::string aspects, keywords, quotes;
    for (const auto& [a, n] : sp.aspects) aspects += fmt::format("{}{} ({})", aspects.empty() ? "" : ", ", a, n);
    for (const auto& [k, w] : sp.keywords) keywords += fmt::format("{}{}", keywords.empty() ? "" : ", ", k);
    std::set<std::string> seen;
    for (int64_t id : sp.top_mentions) {
      auto it = texts->find(id);
      if (it != texts->end() && seen.insert(it->second).second) quotes += (quotes.empty() ? "" : " ｜ ") + it->second;
    }
    data.rows.push_back({sp.brand, CivilFromDays(sp.first_day), CivilFromDays(sp.last_day), CivilFromDays(sp.peak_day),
                         sp.negatives, Round(sp.baseline, 1), Round(sp.z, 1), aspects, keywords, quotes});
    s.summary.push_back(fmt::format("{}: {} negative mentions {} – {} (baseline {:.1f}/day, peak z = {:.1f}); about {}; "
                                    "words: {}",
                                    sp.brand, sp.negatives, CivilFromDays(sp.first_day), CivilFromDays(sp.last_day),
                                    sp.baseline, sp.z, aspects, keywords));
  }
  if (!spikes.empty()) {
    const Spike& last = *std::max_element(spikes.begin(), spikes.end(),
                                          [](const Spike& a, const Spike& b) { return a.first_day < b.first_day; });
    report.AddHighlight(kCrisisPriority,
                        fmt::format("危机预警 Latest alert: {} had {} negative mentions {} – {}, about {}.", last.brand,
                                    last.negatives, CivilFromDays(last.first_day), CivilFromDays(last.last_day),
                                    last.aspects.empty() ? "—" : last.aspects.front().first));
  }
  s.charts.push_back(LineChart("chart-crisis", "每日负面声量与预警窗口", std::move(days), std::move(series),
                               std::move(data), {.y_name = "negative / day", .zoom = true}));
  return Status::Ok();
}

}  // namespace

Status AddListeningSections(const ListeningFacts& f, Store& store, const ListeningConfig& config, Report& report) {
  if (f.mentions.empty() || f.brands.empty()) {
    report.AddHighlight(kVoicePriority, "No analysed brand mentions yet: import mentions and run `brandlens run`.");
    return Status::Ok();
  }
  report.period = fmt::format("{} – {}", CivilFromDays(f.first_day), CivilFromDays(f.last_day));
  const auto totals = BrandTotals(f, f.first_day, f.last_day);
  // Highlight: the own brand's voice and sentiment, this quarter against the one before.
  const int32_t quarter = std::max(f.first_day, f.last_day - 90);
  const auto recent = BrandTotals(f, quarter + 1, f.last_day), before = BrandTotals(f, quarter - 90, quarter);
  report.AddHighlight(kVoicePriority, fmt::format(
      "声量 Share of voice: {} holds {} over the last 90 days ({:+.1f} points on the 90 days before); net sentiment "
      "{:+.2f} ({:+.2f}).",
      f.brands[0], Percent(recent[0].share_of_voice.value),
      (recent[0].share_of_voice.value - before[0].share_of_voice.value) * 100, recent[0].net_sentiment.value,
      recent[0].net_sentiment.value - before[0].net_sentiment.value));
  const auto leader = std::max_element(totals.begin(), totals.end(), [](const BrandMetrics& a, const BrandMetrics& b) {
    return a.net_sentiment.value < b.net_sentiment.value;
  });
  report.AddHighlight(kLeaderPriority,
                      fmt::format("口碑 Best-liked brand overall: {} (net sentiment {:+.2f}); {} is at {:+.2f}.",
                                  leader->brand, leader->net_sentiment.value, f.brands[0], totals[0].net_sentiment.value));
  report.sections.push_back(VoiceSection(f, totals));
  report.sections.push_back(TrendSection(f));
  report.sections.push_back(PlatformSection(f));
  report.sections.push_back(AspectSection(f, report));
  ReportSection opinions{"opinions", "好评与痛点 · Praises and pain points (" + f.brands[0] + ")", {}, {}, {}};
  BRANDLENS_RETURN_IF_ERROR(OpinionSection(f, store, opinions));
  report.sections.push_back(std::move(opinions));
  report.sections.push_back(KeywordSection(f));
  report.sections.push_back(ComparisonSection(f));
  ReportSection crisis{"crisis", "危机预警 · Spikes and crisis alerts", {}, {}, {}};
  BRANDLENS_RETURN_IF_ERROR(CrisisSection(f, store, config.spikes, crisis, report));
  report.sections.push_back(std::move(crisis));
  return AddSpamSection(f, store, report);
}

}  // namespace brandlens
