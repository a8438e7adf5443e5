// brandlens forecast --input F.csv --id-column ID --time-column T --value-column V --horizon H
//                    [--season auto|N] [--levels 80,95] [--model AAdA] --output out.csv
//                    [--evaluate [--mase-period N]]
// Forecasts every series of a long-format CSV (planning/forecast_batch.h).
// out.csv: id,step,mean, then lo/hi per level (lo80,hi80,lo95,hi95), then
// time — a contract for outside scripts. Prints a JSON summary. With
// --evaluate, each series' last H values are held out and forecast from
// the rest; the JSON then reports sMAPE, MASE, interval coverage and the
// seasonal-naive benchmark instead of writing forecasts.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <unordered_map>

#include "cli/commands.h"
#include "core/timestamp.h"
#include "ingest/csv_columns.h"
#include "planning/forecast_batch.h"
#include "report/charts.h"

namespace brandlens {

namespace {

struct ForecastArgs {
  std::string input, id_column, time_column, value_column, output, season = "auto", levels = "80,95", model;
  std::string time_zone = "Asia/Shanghai", encoding = "auto";
  int horizon = 0, mase_period = 0;
  bool evaluate = false;
};

// An integer index (not a Unix time): digits only, at most 8 of them.
bool IsIndex(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  return !s.empty() && s.size() <= 8 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

struct ReadSeries {
  std::vector<InputSeries> series;
  bool times_are_index = true;
  bool dates_only = true;  // every time at local midnight: print dates
  int64_t skipped_empty = 0;
};

Result<ReadSeries> ReadLongCsv(const ForecastArgs& a, const TimestampParser& time) {
  struct Row {
    size_t series;
    std::string time;
    double value;
  };
  std::vector<Row> rows;
  std::unordered_map<std::string, size_t> index_of;
  ReadSeries out;
  Status bad;
  int64_t malformed = 0;
  Status s = ForEachCsvRow(
      a.input, {a.id_column, a.time_column, a.value_column},
      [&](int64_t line, std::span<const std::string_view> f) -> Status {
        std::string_view v = f[2];
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
        if (v.empty()) {
          ++out.skipped_empty;  // a missing value: the series goes on without it
          return Status::Ok();
        }
        double value = 0;
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
        if (ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(value))
          return Status::InvalidInput(fmt::format("{}:{}: column '{}': '{}' is not a finite number", a.input, line,
                                                  a.value_column, std::string(v.substr(0, 40))));
        auto [it, inserted] = index_of.try_emplace(std::string(f[0]), out.series.size());
        if (inserted) out.series.push_back({std::string(f[0]), {}, {}});
        if (!IsIndex(f[1])) out.times_are_index = false;
        rows.push_back({it->second, std::string(f[1]), value});
        return Status::Ok();
      },
      [&](int64_t line, const std::string& why) {
        if (++malformed == 1) bad = Status::InvalidInput(fmt::format("{}:{}: {}", a.input, line, why));
      },
      a.encoding);
  BRANDLENS_RETURN_IF_ERROR(s);
  if (!bad.ok()) return bad;
  if (rows.empty()) return Status::InvalidInput(fmt::format("{}: no rows with values", a.input));
  for (const Row& r : rows) {
    int64_t t = 0;
    if (out.times_are_index) {
      std::from_chars(r.time.data(), r.time.data() + r.time.size(), t);
    } else {
      auto parsed = time.Parse(r.time);
      if (!parsed.ok())
        return Status::InvalidInput(fmt::format("{}: column '{}': '{}': {}", a.input, a.time_column, r.time,
                                                parsed.status().message()));
      t = *parsed;
      if ((t + time.UtcOffsetSeconds(t)) % 86400 != 0) out.dates_only = false;
    }
    out.series[r.series].times.push_back(t);
    out.series[r.series].values.push_back(r.value);
  }
  return out;
}

std::string FormatTime(int64_t t, const ReadSeries& read, const TimestampParser& time) {
  if (read.times_are_index) return std::to_string(t);
  const std::string date = time.LocalDate(t);
  if (read.dates_only) return date;
  const int64_t seconds = ((t + time.UtcOffsetSeconds(t)) % 86400 + 86400) % 86400;
  return fmt::format("{} {:02d}:{:02d}:{:02d}", date, seconds / 3600, seconds / 60 % 60, seconds % 60);
}

Result<std::vector<double>> ParseLevels(const std::string& text) {
  std::vector<double> levels;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string part = text.substr(start, comma - start);
    double level = 0;
    const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), level);
    if (ec != std::errc() || ptr != part.data() + part.size() || level <= 0 || level >= 100)
      return Status::InvalidInput(fmt::format("--levels: '{}' is not a percentage between 0 and 100", part));
    levels.push_back(level);
    start = comma + 1;
  }
  return levels;
}

// Mean absolute error of the seasonal naive method in-sample: MASE's scale.
double MaseScale(const std::vector<double>& y, int period) {
  const size_t m = static_cast<size_t>(std::max(1, period));
  double sum = 0;
  for (size_t t = m; t < y.size(); ++t) sum += std::abs(y[t] - y[t - m]);
  return y.size() > m ? sum / static_cast<double>(y.size() - m) : 0;
}

Status Evaluate(std::vector<InputSeries> series, BatchOptions options, const ForecastArgs& a, double read_seconds) {
  const auto start = std::chrono::steady_clock::now();
  const auto h = static_cast<size_t>(options.horizon);
  std::vector<std::vector<double>> actual(series.size()), history(series.size());
  // Sorted, so the hold-out is the latest H values of each series.
  std::vector<InputSeries>& train = series;
  for (size_t i = 0; i < train.size(); ++i) {
    // A series that cannot be sorted fails again in ForecastBatch and is counted there.
    if (!SortByTime(train[i]).ok() || train[i].values.size() <= h) continue;
    actual[i].assign(train[i].values.end() - static_cast<std::ptrdiff_t>(h), train[i].values.end());
    train[i].values.resize(train[i].values.size() - h);
    train[i].times.resize(train[i].times.size() - h);
    history[i] = train[i].values;
  }
  const auto results = ForecastBatch(train, options);
  double smape = 0, mase = 0, naive_smape = 0, naive_mase = 0;
  std::map<double, double> covered;
  int64_t scored = 0, failed = 0, points = 0;
  std::map<std::string, int64_t> methods;
  for (size_t i = 0; i < results.size(); ++i) {
    if (actual[i].empty()) continue;
    if (!results[i].forecast.ok()) {
      ++failed;
      continue;
    }
    const SeriesForecast& f = results[i].forecast.value();
    ++methods[f.method.rfind("ETS(", 0) == 0 ? "ETS" : f.method];
    const int mase_period = a.mase_period > 0 ? a.mase_period : results[i].period;
    const double scale = MaseScale(history[i], mase_period);
    double abs_error = 0, naive_abs = 0;
    for (size_t s = 0; s < h; ++s) {
      abs_error += std::abs(actual[i][s] - f.mean[s]);
      naive_abs += std::abs(actual[i][s] - f.seasonal_naive[s]);
      for (const auto& band : f.bands)
        covered[band.level] += actual[i][s] >= band.lower[s] && actual[i][s] <= band.upper[s];
    }
    points += static_cast<int64_t>(h);
    smape += Smape(actual[i], f.mean);
    naive_smape += Smape(actual[i], f.seasonal_naive);
    if (scale > 0) {
      mase += abs_error / static_cast<double>(h) / scale;
      naive_mase += naive_abs / static_cast<double>(h) / scale;
    }
    ++scored;
  }
  const double n = std::max<double>(1, static_cast<double>(scored));
  nlohmann::json out = {
      {"series", series.size()}, {"scored", scored}, {"failed", failed}, {"horizon", options.horizon},
      {"smape", RoundTo(smape / n, 4)}, {"mase", RoundTo(mase / n, 4)},
      {"seasonal_naive", {{"smape", RoundTo(naive_smape / n, 4)}, {"mase", RoundTo(naive_mase / n, 4)}}},
      {"methods", methods},
      {"read_seconds", RoundTo(read_seconds)},
      {"seconds", RoundTo(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count())}};
  for (const auto& [level, count] : covered)
    out["coverage"][fmt::format("{}", level)] = RoundTo(count / std::max<double>(1, static_cast<double>(points)), 4);
  fmt::print("{}\n", out.dump());
  return Status::Ok();
}

}  // namespace

CommandAction AddForecastCommand(CLI::App& app) {
  auto a = std::make_shared<ForecastArgs>();
  auto* cmd = app.add_subcommand("forecast", "Forecast every series of a long-format CSV (ETS, Theta)");
  cmd->add_option("--input", a->input, "CSV with one row per series and time")->required();
  cmd->add_option("--id-column", a->id_column, "Column naming the series")->required();
  cmd->add_option("--time-column", a->time_column, "Column with the time: a date, a timestamp or an integer index")
      ->required();
  cmd->add_option("--value-column", a->value_column, "Column with the value")->required();
  cmd->add_option("--horizon", a->horizon, "Steps to forecast")->required();
  cmd->add_option("--season", a->season, "Season length, or auto (from the spacing of the times)")->capture_default_str();
  cmd->add_option("--levels", a->levels, "Prediction interval levels in percent")->capture_default_str();
  cmd->add_option("--output", a->output, "Where to write the forecasts (CSV)");
  cmd->add_option("--model", a->model, "One ETS model for every series, e.g. AAdA (default: chosen per series)");
  cmd->add_option("--time-zone", a->time_zone, "Zone of naive timestamps")->capture_default_str();
  cmd->add_option("--encoding", a->encoding, "auto, utf-8, gbk, ...");
  cmd->add_flag("--evaluate", a->evaluate, "Hold out each series' last H values and print accuracy instead");
  cmd->add_option("--mase-period", a->mase_period, "With --evaluate: MASE's seasonal lag (default: the season)");
  return [a]() -> Status {
    if (a->horizon < 1) return Status::InvalidInput("--horizon must be at least 1");
    if (!a->evaluate && a->output.empty()) return Status::InvalidInput("--output is required (or --evaluate)");
    BatchOptions options;
    options.horizon = a->horizon;
    if (a->season != "auto") {
      const auto [ptr, ec] = std::from_chars(a->season.data(), a->season.data() + a->season.size(), options.period);
      if (ec != std::errc() || ptr != a->season.data() + a->season.size() || options.period < 1)
        return Status::InvalidInput(fmt::format("--season must be auto or a positive number (got '{}')", a->season));
    }
    if (!a->model.empty()) {
      auto spec = ParseEtsSpec(a->model);
      if (!spec.ok()) return spec.status().WithPrefix("--model: ");
      options.model = *spec;
    }
    auto levels = ParseLevels(a->levels);
    if (!levels.ok()) return levels.status();
    options.levels = *levels;
    auto time = TimestampParser::Create(a->time_zone);
    if (!time.ok()) return time.status();
    const auto start = std::chrono::steady_clock::now();
    auto read = ReadLongCsv(*a, **time);
    if (!read.ok()) return read.status();
    options.times_are_index = read->times_are_index;
    const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (a->evaluate) return Evaluate(read->series, options, *a, read_seconds);

    const auto results = ForecastBatch(read->series, options);
    std::ofstream out(a->output, std::ios::binary);
    if (!out) return Status::IoError(fmt::format("{}: cannot write the file", a->output));
    out << "id,step,mean";
    for (double level : options.levels) out << fmt::format(",lo{0},hi{0}", level);
    out << ",time\n";
    int64_t failed = 0;
    std::map<std::string, int64_t> methods;
    nlohmann::json errors = nlohmann::json::array();
    for (const BatchForecast& r : results) {
      if (!r.forecast.ok()) {
        if (++failed <= 5) errors.push_back({{"id", r.id}, {"error", r.forecast.status().message()}});
        continue;
      }
      const SeriesForecast& f = r.forecast.value();
      ++methods[f.method.rfind("ETS(", 0) == 0 ? "ETS" : f.method];
      const std::string id = r.id.find_first_of(",\"\n") == std::string::npos ? r.id : nlohmann::json(r.id).dump();
      for (size_t s = 0; s < f.mean.size(); ++s) {
        out << fmt::format("{},{},{:.6g}", id, s + 1, f.mean[s]);
        for (const auto& band : f.bands) out << fmt::format(",{:.6g},{:.6g}", band.lower[s], band.upper[s]);
        out << ',' << FormatTime(r.times[s], *read, **time) << '\n';
      }
    }
    if (!out.flush()) return Status::IoError(fmt::format("{}: writing failed", a->output));
    nlohmann::json summary = {
        {"series", results.size()}, {"failed", failed}, {"horizon", a->horizon}, {"methods", methods},
        {"skipped_empty_values", read->skipped_empty}, {"output", a->output},
        {"seconds", RoundTo(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count())}};
    if (!errors.empty()) summary["errors"] = errors;
    fmt::print("{}\n", summary.dump());
    return Status::Ok();
  };
}

}  // namespace brandlens
