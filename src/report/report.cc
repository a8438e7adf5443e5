#include "report/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/echarts_data.h"
#include "report/html_escape.h"

namespace brandlens {

namespace {

std::string Cell(const nlohmann::json& v) {
  if (v.is_string()) return EscapeHtml(v.get<std::string>());
  if (v.is_number_float()) return fmt::format("{:.3f}", v.get<double>());
  return EscapeHtml(v.dump());
}

void AppendTable(std::string& html, const ReportTable& t) {
  if (!t.title.empty()) html += fmt::format("<h4>{}</h4>\n", EscapeHtml(t.title));
  html += "<table><thead><tr>";
  for (const auto& c : t.columns) html += fmt::format("<th>{}</th>", EscapeHtml(c));
  html += "</tr></thead><tbody>\n";
  for (const auto& row : t.rows) {
    html += "<tr>";
    for (const auto& v : row) html += fmt::format("<td>{}</td>", Cell(v));
    html += "</tr>\n";
  }
  html += "</tbody></table>\n";
}

nlohmann::json TableJson(const ReportTable& t) {
  return {{"title", t.title}, {"columns", t.columns}, {"rows", t.rows}};
}

// JSON inside <script>: "</" must not close the element early.
std::string ScriptSafe(std::string json) {
  for (size_t p = json.find("</"); p != std::string::npos; p = json.find("</", p + 2)) json.replace(p, 2, "<\\/");
  return json;
}

constexpr const char* kStyle = R"css(
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
       margin: 0 auto; max-width: 1100px; padding: 24px; color: #1f2937; }
h1 { margin-bottom: 4px; } .period { color: #6b7280; margin-top: 0; }
.highlights { background: #f3f4f6; border-radius: 8px; padding: 12px 24px; }
section { margin-top: 36px; } .chart { width: 100%; height: 380px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f9fafb; } details { margin-bottom: 12px; } .note { color: #b45309; }
)css";

}  // namespace

std::vector<std::string> Report::TopHighlights() const {
  std::vector<Highlight> sorted = highlights;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Highlight& a, const Highlight& b) { return a.priority > b.priority; });
  std::vector<std::string> out;
  for (size_t i = 0; i < sorted.size() && i < kMaxHighlights; ++i) out.push_back(std::move(sorted[i].text));
  return out;
}

nlohmann::json ReportToJson(const Report& report) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : report.sections) {
    nlohmann::json charts = nlohmann::json::array(), tables = nlohmann::json::array();
    for (const auto& c : s.charts) charts.push_back({{"id", c.id}, {"title", c.title}, {"option", c.option}, {"data", TableJson(c.data)}});
    for (const auto& t : s.tables) tables.push_back(TableJson(t));
    sections.push_back({{"id", s.id}, {"title", s.title}, {"summary", s.summary}, {"charts", charts}, {"tables", tables}});
  }
  return {{"title", report.title}, {"period", report.period}, {"highlights", report.TopHighlights()}, {"sections", sections}};
}

std::string ReportToHtml(const Report& report, const std::string& echarts_js) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n"
      // Script errors are kept where a reader (or the browser test) can see them.
      "<script>window.brandlensErrors = []; window.addEventListener('error', e => "
      "window.brandlensErrors.push(String(e.message)));</script>\n",
      EscapeHtml(report.title), kStyle);
  if (!echarts_js.empty()) html += "<script>\n" + echarts_js + "\n</script>\n";
  html += fmt::format("</head>\n<body>\n<h1>{}</h1>\n<p class=\"period\">{}</p>\n", EscapeHtml(report.title), EscapeHtml(report.period));
  if (echarts_js.empty())
    html += "<p class=\"note\">Charts are unavailable (ECharts was not found); every number is in the tables.</p>\n";
  html += "<div class=\"highlights\"><h2>本期要点 · Highlights</h2><ol>\n";
  for (const auto& h : report.TopHighlights()) html += fmt::format("<li>{}</li>\n", EscapeHtml(h));
  html += "</ol></div>\n";
  nlohmann::json options = nlohmann::json::object();
  for (const auto& s : report.sections) {
    html += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", EscapeHtml(s.id), EscapeHtml(s.title));
    if (!s.summary.empty()) {
      html += "<ul>\n";
      for (const auto& line : s.summary) html += fmt::format("<li>{}</li>\n", EscapeHtml(line));
      html += "</ul>\n";
    }
    for (const auto& c : s.charts) {
      html += fmt::format("<h3>{}</h3>\n<div class=\"chart\" id=\"{}\"></div>\n<details><summary>数据 · data</summary>\n",
                          EscapeHtml(c.title), EscapeHtml(c.id));
      AppendTable(html, c.data);
      html += "</details>\n";
      options[c.id] = c.option;
    }
    for (const auto& t : s.tables) AppendTable(html, t);
    html += "</section>\n";
  }
  if (!echarts_js.empty()) {
    html += "<script>\nconst options = " + ScriptSafe(options.dump()) + ";\n";
    html += R"js(window.brandlensCharts = {};
for (const [id, option] of Object.entries(options)) {
  const chart = echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
  chart.setOption(Object.assign({animation: false}, option));
  window.brandlensCharts[id] = chart;
}
window.addEventListener('resize', () => Object.values(window.brandlensCharts).forEach(c => c.resize()));
window.brandlensReady = true;  // every chart is set up (the browser test waits for this)
)js";
    html += "</script>\n";
  }
  html += "</body>\n</html>\n";
  return html;
}

std::string LoadEcharts() {
  if (const char* env = std::getenv("BRANDLENS_ECHARTS")) {
    std::ifstream in(env, std::ios::binary);
    if (in) {
      std::ostringstream text;
      text << in.rdbuf();
      return text.str();
    }
  }
  return std::string(EmbeddedEcharts());
}

Status WriteReport(const Report& report, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto json_path = dir / "report.json", html_path = dir / "report.html";
  {
    std::ofstream out(json_path, std::ios::binary);
    out << ReportToJson(report).dump(2) << '\n';
    if (!out) return Status::IoError(fmt::format("{}: cannot write", json_path.string()));
  }
  std::ofstream out(html_path, std::ios::binary);
  out << ReportToHtml(report, LoadEcharts());
  out.close();
  if (!out) return Status::IoError(fmt::format("{}: cannot write", html_path.string()));
  return Status::Ok();
}

}  // namespace brandlens
