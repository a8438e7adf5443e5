// The report's building blocks: chart helpers, the report-wide highlight
// rule, and HTML that no data can break out of.
#include "report/report.h"

#include <gtest/gtest.h>

#include "report/charts.h"

namespace brandlens {
namespace {

TEST(ReportChartsTest, EachHelperKeepsItsNumbersAndTable) {
  const ReportTable table{"", {"brand", "sov"}, {{"山茶集", 0.351}, {"青柠社", 0.2}}};
  const auto bars = BarChart("chart-b", "声量", {"山茶集", "青柠社"}, {{"SOV", {0.351, 0.2}}}, table, {.stacked = true});
  EXPECT_EQ(bars.id, "chart-b");
  EXPECT_EQ(bars.option["series"][0]["type"], "bar");
  EXPECT_EQ(bars.option["series"][0]["stack"], "total");
  EXPECT_EQ(bars.option["xAxis"]["data"][1], "青柠社");
  EXPECT_EQ(bars.data.rows.size(), 2u);
  const auto sideways = BarChart("k", "关键词", {"排队", "好喝"}, {{"tf-idf", {1.5, 3.0}}}, {}, {.horizontal = true});
  EXPECT_EQ(sideways.option["yAxis"]["type"], "category");
  EXPECT_EQ(sideways.option["xAxis"]["type"], "value");

  ChartSeries daily{"山茶集", {1, 9, 2}};
  daily.marked_ranges.emplace_back("2025-08-17", "2025-08-18");
  const auto lines = LineChart("l", "负面", {"2025-08-16", "2025-08-17", "2025-08-18"}, {daily}, {},
                               {.y_name = "negative / day", .zoom = true});
  EXPECT_EQ(lines.option["series"][0]["markArea"]["data"][0][0]["xAxis"], "2025-08-17");
  EXPECT_EQ(lines.option["yAxis"]["name"], "negative / day");
  EXPECT_TRUE(lines.option.contains("dataZoom"));

  const auto heat = HeatmapChart("h", "维度", {"price", "taste"}, {"山茶集"}, {{1, 0, 0.4567}}, {});
  EXPECT_EQ(heat.option["series"][0]["data"][0], nlohmann::json({1, 0, 0.46}));
  const auto scatter = ScatterChart("s", "感知图", "PC1", "PC2", {{"山茶集", 0.12345, -1.0}}, {});
  EXPECT_EQ(scatter.option["series"][0]["data"][0]["value"], nlohmann::json({0.123, -1.0}));
}

TEST(ReportHighlightsTest, TheMostImportantFiveOfAllModulesInPriorityOrder) {
  Report r;
  const char* names[] = {"h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7"};
  for (int i = 0; i < 8; ++i) r.AddHighlight(i % 4, names[i]);
  const auto top = r.TopHighlights();
  ASSERT_EQ(top.size(), kMaxHighlights);
  // Priority 3 (h3, h7) first, then 2 (h2, h6), then the first of priority 1:
  // ties keep the order proposed.
  EXPECT_EQ(top, (std::vector<std::string>{"h3", "h7", "h2", "h6", "h1"}));
  EXPECT_EQ(ReportToJson(r)["highlights"].size(), kMaxHighlights);
}

TEST(ReportHtmlTest, DataCannotCloseTheScriptElement) {
  Report r;
  r.title = "t";
  ReportSection s{"x", "x", {}, {}, {}};
  // A keyword that is itself markup, as a hostile post could make one.
  s.charts.push_back(BarChart("chart-x", "x", {"</script><script>alert(1)</script>"}, {{"n", {1}}}, {}));
  r.sections.push_back(s);
  const std::string html = ReportToHtml(r, "var echarts = {init: function () {}};");
  const size_t options = html.find("const options = ");
  ASSERT_NE(options, std::string::npos);
  const size_t end = html.find("</script>", options);
  // The first </script> after the options is the element's own end: the
  // data's copy was escaped.
  EXPECT_EQ(html.substr(options, end - options).find("alert(1)</"), std::string::npos);
  EXPECT_NE(html.find("<\\/script><script>alert(1)<\\/script>"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
