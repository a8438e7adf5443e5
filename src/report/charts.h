// Building blocks for report sections: the charts a section draws, each
// with the table of its numbers beside it. A module's section is a few
// calls to these, not ECharts option code of its own.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "report/report.h"

namespace brandlens {

// One named series over a chart's categories; values are numbers (or null
// for a gap).
struct ChartSeries {
  std::string name;
  nlohmann::json values = nlohmann::json::array();
  // Category ranges to shade on this series ([first, last] category labels),
  // e.g. a crisis window.
  std::vector<std::pair<std::string, std::string>> marked_ranges;
};

struct LineChartOptions {
  std::string y_name;  // axis title
  bool zoom = false;   // a slider under long time axes
};

// Lines over ordered categories (months, days).
ReportChart LineChart(std::string id, std::string title, std::vector<std::string> categories,
                      std::vector<ChartSeries> series, ReportTable data, const LineChartOptions& options = {});

struct BarChartOptions {
  bool stacked = false;     // series stacked per category
  bool horizontal = false;  // categories on the y axis (long labels, rankings)
};

// Bars per category, one colour per series.
ReportChart BarChart(std::string id, std::string title, std::vector<std::string> categories,
                     std::vector<ChartSeries> series, ReportTable data, const BarChartOptions& options = {});

// A grid of values in [min, max]: x categories by y categories, coloured
// from red (min) through white to green (max), each cell labelled.
struct HeatmapCell {
  size_t x, y;
  double value;
};
ReportChart HeatmapChart(std::string id, std::string title, std::vector<std::string> x_categories,
                         std::vector<std::string> y_categories, const std::vector<HeatmapCell>& cells,
                         ReportTable data, double min = -1, double max = 1);

// Labelled points on two value axes.
struct ScatterPoint {
  std::string label;
  double x, y;
};
ReportChart ScatterChart(std::string id, std::string title, std::string x_name, std::string y_name,
                         const std::vector<ScatterPoint>& points, ReportTable data);

// Rounds for display and for the JSON (3 digits unless told).
double RoundTo(double x, int digits = 3);

}  // namespace brandlens
