#include "report/charts.h"

#include <cmath>

namespace brandlens {

namespace {

nlohmann::json Names(const std::vector<ChartSeries>& series) {
  nlohmann::json names = nlohmann::json::array();
  for (const auto& s : series) names.push_back(s.name);
  return names;
}

nlohmann::json SeriesJson(const ChartSeries& s, const char* type) {
  nlohmann::json out = {{"name", s.name}, {"type", type}, {"data", s.values}};
  if (!s.marked_ranges.empty()) {
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& [first, last] : s.marked_ranges) areas.push_back({{{"xAxis", first}}, {{"xAxis", last}}});
    out["markArea"] = {{"itemStyle", {{"color", "rgba(215,48,39,0.15)"}}}, {"data", areas}};
  }
  return out;
}

}  // namespace

double RoundTo(double x, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(x * f) / f;
}

ReportChart LineChart(std::string id, std::string title, std::vector<std::string> categories,
                      std::vector<ChartSeries> series, ReportTable data, const LineChartOptions& options) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& s : series) {
    auto line = SeriesJson(s, "line");
    if (options.zoom) line["showSymbol"] = false;  // thousands of points
    lines.push_back(std::move(line));
  }
  nlohmann::json y_axis = {{"type", "value"}};
  if (!options.y_name.empty()) y_axis["name"] = options.y_name;
  nlohmann::json option = {{"tooltip", {{"trigger", "axis"}}}, {"legend", {{"data", Names(series)}}},
                           {"xAxis", {{"type", "category"}, {"data", std::move(categories)}}},
                           {"yAxis", std::move(y_axis)}, {"series", std::move(lines)}};
  if (options.zoom) option["dataZoom"] = {{{"type", "slider"}}};
  return {std::move(id), std::move(title), std::move(option), std::move(data)};
}

ReportChart BarChart(std::string id, std::string title, std::vector<std::string> categories,
                     std::vector<ChartSeries> series, ReportTable data, const BarChartOptions& options) {
  nlohmann::json bars = nlohmann::json::array();
  for (const auto& s : series) {
    auto bar = SeriesJson(s, "bar");
    if (options.stacked) bar["stack"] = "total";
    bars.push_back(std::move(bar));
  }
  nlohmann::json category_axis = {{"type", "category"}, {"data", std::move(categories)}};
  nlohmann::json value_axis = {{"type", "value"}};
  nlohmann::json option = {{"tooltip", {{"trigger", "axis"}}}, {"series", std::move(bars)}};
  if (series.size() > 1) option["legend"] = {{"data", Names(series)}};
  if (options.horizontal) {
    option["grid"] = {{"left", 110}};
    option["xAxis"] = std::move(value_axis);
    option["yAxis"] = std::move(category_axis);
  } else {
    option["xAxis"] = std::move(category_axis);
    option["yAxis"] = std::move(value_axis);
  }
  return {std::move(id), std::move(title), std::move(option), std::move(data)};
}

ReportChart HeatmapChart(std::string id, std::string title, std::vector<std::string> x_categories,
                         std::vector<std::string> y_categories, const std::vector<HeatmapCell>& cells,
                         ReportTable data, double min, double max) {
  nlohmann::json points = nlohmann::json::array();
  for (const auto& c : cells) points.push_back({c.x, c.y, RoundTo(c.value, 2)});
  nlohmann::json option = {
      {"tooltip", {{"position", "top"}}},
      {"grid", {{"left", 90}, {"bottom", 60}}},
      {"xAxis", {{"type", "category"}, {"data", std::move(x_categories)}}},
      {"yAxis", {{"type", "category"}, {"data", std::move(y_categories)}}},
      {"visualMap", {{"min", min}, {"max", max}, {"calculable", true}, {"orient", "horizontal"}, {"left", "center"},
                     {"bottom", 0}, {"inRange", {{"color", {"#d73027", "#f7f7f7", "#1a9850"}}}}}},
      {"series", {{{"type", "heatmap"}, {"data", std::move(points)}, {"label", {{"show", true}}}}}}};
  return {std::move(id), std::move(title), std::move(option), std::move(data)};
}

ReportChart ScatterChart(std::string id, std::string title, std::string x_name, std::string y_name,
                         const std::vector<ScatterPoint>& points, ReportTable data) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& p : points) values.push_back({{"name", p.label}, {"value", {RoundTo(p.x), RoundTo(p.y)}}});
  nlohmann::json option = {
      {"tooltip", nlohmann::json::object()},
      {"xAxis", {{"type", "value"}, {"name", std::move(x_name)}}},
      {"yAxis", {{"type", "value"}, {"name", std::move(y_name)}}},
      {"series", {{{"type", "scatter"}, {"symbolSize", 24}, {"data", std::move(values)},
                   {"label", {{"show", true}, {"formatter", "{b}"}, {"position", "top"}}}}}}};
  return {std::move(id), std::move(title), std::move(option), std::move(data)};
}

}  // namespace brandlens
