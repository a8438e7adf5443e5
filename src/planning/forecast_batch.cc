#include "planning/forecast_batch.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "core/parallel.h"

namespace brandlens {

namespace {

int64_t MedianSpacing(const std::vector<int64_t>& times) {
  std::vector<int64_t> gaps;
  for (size_t i = 1; i < times.size(); ++i) gaps.push_back(times[i] - times[i - 1]);
  if (gaps.empty()) return 1;
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
  return std::max<int64_t>(1, gaps[gaps.size() / 2]);
}

}  // namespace

Status SortByTime(InputSeries& s) {
  std::vector<size_t> order(s.times.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s.times[a] < s.times[b]; });
  std::vector<int64_t> times;
  std::vector<double> values;
  for (size_t i : order) {
    if (!times.empty() && s.times[i] == times.back())
      return Status::InvalidInput(fmt::format("series '{}' has two values for one time", s.id));
    times.push_back(s.times[i]);
    values.push_back(s.values[i]);
  }
  s.times = std::move(times);
  s.values = std::move(values);
  return Status::Ok();
}

int PeriodForSpacing(int64_t seconds) {
  const auto near = [&](int64_t target) { return std::llabs(seconds - target) <= target / 10; };
  if (near(3600)) return 24;
  if (near(86400)) return 7;
  if (near(7 * 86400)) return 52;
  if (seconds >= 28 * 86400 && seconds <= 31 * 86400) return 12;
  if (seconds >= 89 * 86400 && seconds <= 92 * 86400) return 4;
  return 1;
}

int LongPeriodForSpacing(int64_t seconds) {
  const int period = PeriodForSpacing(seconds);
  return period == 24 ? 168 : period == 7 ? 365 : 0;
}

std::vector<BatchForecast> ForecastBatch(std::vector<InputSeries>& series, const BatchOptions& options) {
  std::vector<BatchForecast> out(series.size());
  const unsigned threads = ThreadsOrCores(options.threads);
  ParallelFor(series.size(), threads, [&](unsigned, size_t i) {
    InputSeries& s = series[i];
    BatchForecast& result = out[i];
    result.id = s.id;
    if (Status sorted = SortByTime(s); !sorted.ok()) {
      result.forecast = sorted;
      return;
    }
    const int64_t spacing = options.times_are_index ? 1 : MedianSpacing(s.times);
    result.period = options.period > 0 ? options.period : options.times_are_index ? 1 : PeriodForSpacing(spacing);
    ForecastOptions fo{options.horizon, result.period, options.levels, options.model};
    // A period given by the user, an index or one named model: one season only.
    if (options.period == 0 && !options.times_are_index && !options.model) fo.long_period = LongPeriodForSpacing(spacing);
    result.forecast = ForecastSeries(s.values, fo);
    const int64_t last = s.times.empty() ? 0 : s.times.back();
    for (int h = 1; h <= options.horizon; ++h) result.times.push_back(last + h * spacing);
  });
  return out;
}

}  // namespace brandlens
