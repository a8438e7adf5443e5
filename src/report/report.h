// The report: sections contributed by modules (listening now; personas,
// planning, campaigns later), written as report.json and as one
// self-contained report.html that opens from disk offline, with charts drawn
// by Apache ECharts inlined into the page. Every chart's numbers are also in
// a table beside it and in the JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace brandlens {

struct ReportTable {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<nlohmann::json>> rows;
};

struct ReportChart {
  std::string id;           // unique in the report, used as the element id
  std::string title;
  nlohmann::json option;    // an ECharts option object
  ReportTable data;         // the chart's numbers
};

struct ReportSection {
  std::string id, title;
  std::vector<std::string> summary;  // short findings, one sentence each
  std::vector<ReportChart> charts;
  std::vector<ReportTable> tables;
};

// A finding a module proposes for the top of the report. Higher priority
// first; the report shows the kMaxHighlights most important of all modules'.
struct Highlight {
  int priority = 0;
  std::string text;
};
inline constexpr size_t kMaxHighlights = 5;

struct Report {
  std::string title;
  std::string period;  // e.g. "2024-10-01 – 2026-09-30"
  std::vector<Highlight> highlights;  // as proposed, any number
  std::vector<ReportSection> sections;

  void AddHighlight(int priority, std::string text) { highlights.push_back({priority, std::move(text)}); }
  // The kMaxHighlights of highest priority, in priority order (ties: in the
  // order proposed).
  std::vector<std::string> TopHighlights() const;
};

nlohmann::json ReportToJson(const Report& report);

// `echarts_js`: the ECharts library source to inline (empty: tables only,
// with a note that charts are unavailable).
std::string ReportToHtml(const Report& report, const std::string& echarts_js);

// The ECharts bundle: the file $BRANDLENS_ECHARTS names, else the copy
// compiled into the binary (cmake/embed_file.cmake), so a binary copied
// anywhere writes reports with charts. Empty only when the build found no
// ECharts (npm was missing): reports then have tables only.
std::string LoadEcharts();

// Writes report.json and report.html into `dir`.
Status WriteReport(const Report& report, const std::filesystem::path& dir);

}  // namespace brandlens
