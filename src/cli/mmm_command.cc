// brandlens mmm --input F.csv --date-column D --target Y --channels a,b,c
//               [--controls x,y] --output model.json [--bootstrap N] [--seed S]
// Fits a marketing-mix model (planning/mmm.h) to one row per period: a
// date (YYYY-MM-DD; days or weeks, equally spaced), the target, the spend
// of each channel and any controls. Writes model.json (the contract of
// planning/mmm_json.h) and prints a table of channels.
#include <fmt/format.h>

#include <fstream>

#include "cli/cells.h"
#include "cli/commands.h"
#include "core/timestamp.h"
#include "planning/mmm.h"
#include "planning/mmm_json.h"

namespace brandlens {

namespace {

struct MmmArgs {
  std::string input, date_column, target, channels, controls, output, encoding = "auto";
  int bootstrap = 100, holdout = 0;
  uint64_t seed = 1;
  unsigned threads = 0;
};

bool IsDate(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

Result<MmmInput> ReadMmmCsv(const MmmArgs& a) {
  MmmInput in;
  in.channels = SplitList(a.channels);
  in.controls = SplitList(a.controls);
  if (in.channels.empty()) return Status::InvalidInput("--channels: name at least one spend column");
  std::vector<std::string> columns = {a.date_column, a.target};
  columns.insert(columns.end(), in.channels.begin(), in.channels.end());
  columns.insert(columns.end(), in.controls.begin(), in.controls.end());
  in.spend.resize(in.channels.size());
  in.control_values.resize(in.controls.size());
  struct Row {
    int32_t day;
    int64_t line;
    std::vector<double> values;  // target, channels, controls
  };
  std::vector<Row> rows;
  Status read = ForEachStrictCsvRow(
      a.input, columns,
      [&](int64_t line, std::span<const std::string_view> f) -> Status {
        std::string_view date = f[0].substr(0, 10);
        if (!IsDate(date))
          return Status::InvalidInput(fmt::format("{}:{}: column '{}': '{}' is not a date (YYYY-MM-DD)", a.input, line,
                                                  a.date_column, std::string(f[0].substr(0, 40))));
        Row row{DayNumber(date), line, {}};
        for (size_t i = 1; i < f.size(); ++i) {
          auto v = ParseNumberCell(f[i], a.input, line, columns[i]);
          if (!v.ok()) return v.status();
          if (*v < 0 && i >= 2 && i < 2 + in.channels.size())
            return Status::InvalidInput(fmt::format("{}:{}: column '{}': spend cannot be negative ({})", a.input, line,
                                                    columns[i], *v));
          row.values.push_back(*v);
        }
        rows.push_back(std::move(row));
        return Status::Ok();
      },
      a.encoding);
  BRANDLENS_RETURN_IF_ERROR(read);
  std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.day < y.day; });
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i].day == rows[i - 1].day)
      return Status::InvalidInput(fmt::format("{}:{}: column '{}': {} appears twice (also on line {})", a.input,
                                              rows[i].line, a.date_column, CivilFromDays(rows[i].day), rows[i - 1].line));
  for (const Row& r : rows) {
    in.days.push_back(r.day);
    in.target.push_back(r.values[0]);
    for (size_t c = 0; c < in.channels.size(); ++c) in.spend[c].push_back(r.values[1 + c]);
    for (size_t c = 0; c < in.controls.size(); ++c) in.control_values[c].push_back(r.values[1 + in.channels.size() + c]);
  }
  return in;
}

}  // namespace

CommandAction AddMmmCommand(CLI::App& app) {
  auto a = std::make_shared<MmmArgs>();
  CLI::App* cmd = app.add_subcommand("mmm", "Fit a marketing-mix model: each channel's contribution and ROAS");
  cmd->add_option("--input", a->input, "CSV with one row per period")->required();
  cmd->add_option("--date-column", a->date_column, "Column with the period's date (YYYY-MM-DD)")->required();
  cmd->add_option("--target", a->target, "Column with the target (sales, revenue)")->required();
  cmd->add_option("--channels", a->channels, "Spend columns, comma-separated")->required();
  cmd->add_option("--controls", a->controls, "Extra regressors, comma-separated (price, promotions...)");
  cmd->add_option("--output", a->output, "Where to write model.json")->required();
  cmd->add_option("--bootstrap", a->bootstrap, "Bootstrap replicates for the intervals")->capture_default_str();
  cmd->add_option("--holdout", a->holdout, "Last periods held out for the diagnostics (0: 10%)");
  cmd->add_option("--seed", a->seed, "Seed of the searches and the bootstrap")->capture_default_str();
  cmd->add_option("--threads", a->threads, "Threads (0: one per core)");
  cmd->add_option("--encoding", a->encoding, "Input encoding (auto, utf-8, gb18030)")->capture_default_str();
  return [a]() -> Status {
    auto input = ReadMmmCsv(*a);
    if (!input.ok()) return input.status();
    MmmOptions options;
    options.bootstrap = a->bootstrap;
    options.holdout = a->holdout;
    options.seed = a->seed;
    options.threads = a->threads;
    auto model = FitMmm(*input, options);
    if (!model.ok()) return model.status().WithPrefix(a->input + ": ");
    std::ofstream out(a->output, std::ios::binary);
    if (!(out << MmmModelToJson(*model))) return Status::IoError(fmt::format("{}: cannot write the file", a->output));
    const MmmDiagnostics& d = model->diagnostics;
    fmt::print("{} periods of {} day(s); R² {:.3f}, MAPE {:.1f}%; held-out {} periods: MAPE {:.1f}%; {:.1f} s\n",
               d.periods, d.period_days, d.r2, d.mape, d.holdout_periods, d.holdout_mape, d.seconds);
    fmt::print("{:<16} {:>14} {:>14} {:>7} {:>8} {:>19} {:>9}\n", "channel", "spend", "contribution", "share", "ROAS",
               "ROAS 95%", "mROAS");
    for (const MmmChannel& ch : model->channels)
      fmt::print("{:<16} {:>14.2f} {:>14.2f} {:>6.1f}% {:>8.3f} {:>9.3f}–{:<9.3f} {:>9.3f}\n", ch.name, ch.spend,
                 ch.contribution, 100 * ch.contribution_share, ch.roas, ch.roas_interval.low, ch.roas_interval.high,
                 ch.marginal_roas);
    for (const std::string& w : d.warnings) fmt::print("warning: {}\n", w);
    fmt::print("model written to {}\n", a->output);
    return Status::Ok();
  };
}

}  // namespace brandlens
