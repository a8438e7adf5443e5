// Forecasting any series: bytes become a horizon, a season and values
// (one number per line, unparseable lines skipped, huge and tiny values
// included); the forecast is an error or finite means and bands in order.
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "planning/forecaster.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  if (size < 2) return 0;
  const int horizon = 1 + data[0] % 24, period = 1 + data[1] % 60;
  std::string_view text = fuzz::AsText(data + 2, size - 2);
  std::vector<double> y;
  while (!text.empty() && y.size() < 400) {
    const size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    double v = 0;
    const auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), v);
    if (ec == std::errc() && std::isfinite(v)) y.push_back(v);
    text.remove_prefix(std::min(text.size(), end + 1));
  }
  auto f = ForecastSeries(y, ForecastOptions{horizon, period, {80, 95}, std::nullopt});
  if (!f.ok()) return 0;
  if (f->mean.size() != static_cast<size_t>(horizon)) __builtin_trap();
  // Finite inputs whose magnitude allows it give finite forecasts.
  bool modest = true;
  for (double v : y) modest &= std::abs(v) < 1e100;
  if (!modest) return 0;
  for (double v : f->mean)
    if (!std::isfinite(v)) __builtin_trap();
  for (const auto& band : f->bands)
    for (size_t i = 0; i < band.lower.size(); ++i)
      if (!std::isfinite(band.lower[i]) || !std::isfinite(band.upper[i]) || band.lower[i] > band.upper[i])
        __builtin_trap();
  return 0;
}
