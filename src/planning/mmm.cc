#include "planning/mmm.h"

#include <fmt/format.h>
#include <nlopt.h>

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>

#include "core/parallel.h"
#include "core/timestamp.h"
#include "planning/festivals.h"
#include "planning/global_search.h"
#include "planning/nnls.h"
#include "planning/work_calendar.h"

namespace brandlens {

namespace {

constexpr double kYearDays = 365.2425;
constexpr double kMinRelativeHalfSaturation = 0.1, kMaxRelativeHalfSaturation = 10;
constexpr double kMinShape = 0.5, kMaxShape = 3;

enum Group { kBaseline, kSeason, kFestival, kControl };

// The terms that do not depend on the media parameters, one column each.
struct BaseDesign {
  std::vector<std::string> names;
  std::vector<Group> groups;
  std::vector<std::vector<double>> columns;
  void Add(std::string name, Group g, std::vector<double> column) {
    names.push_back(std::move(name));
    groups.push_back(g);
    columns.push_back(std::move(column));
  }
};

bool Varies(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [&](double x) { return std::abs(x - v.front()) > 1e-12 * (1 + std::abs(x)); });
}

// The festival days of planning/festivals.h, plus the selling seasons that
// lead up to the two big shopping festivals (618's from June 1; 双11's
// pre-sales from about October 20, as Tmall and JD have run them since
// 2021) and the week before the Spring Festival, when logistics stop.
std::vector<FestivalWindow> MixWindows(int32_t first_day, int32_t last_day) {
  std::vector<FestivalWindow> out = FestivalsBetween(first_day, last_day + 30);
  const size_t days = out.size();
  for (size_t i = 0; i < days; ++i) {
    const FestivalWindow w = out[i];
    if (w.name == "618") out.push_back({"618 季", w.first_day - 17, w.last_day});
    if (w.name == "双11") out.push_back({"双11 季", w.first_day - 22, w.last_day});
    if (w.name == "春节") out.push_back({"春节前", w.first_day - 7, w.first_day - 1});
  }
  return out;
}

void AddFestivals(const MmmInput& in, int period_days, BaseDesign& d) {
  const size_t n = in.days.size();
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> by_name;  // level, ramp
  for (const FestivalWindow& w : MixWindows(in.days.front(), in.days.back() + period_days - 1)) {
    // Weekly or coarser periods cannot tell a festival day from its season.
    if (period_days > 1 && (w.name == "618" || w.name == "双11" || w.name == "春节前")) continue;
    auto& [level, ramp] = by_name[w.name];
    level.resize(n);
    ramp.resize(n);
    const double length = w.last_day - w.first_day + 1;
    for (size_t t = 0; t < n; ++t)
      for (int day = in.days[t]; day < in.days[t] + period_days; ++day)
        if (day >= w.first_day && day <= w.last_day) {
          level[t] += 1.0 / period_days;
          ramp[t] += (day - w.first_day + 1) / length / period_days;
        }
  }
  for (auto& [name, columns] : by_name) {
    if (!Varies(columns.first)) continue;
    d.Add(name, kFestival, std::move(columns.first));
    // Daily data can tell a festival's build-up from its level.
    if (period_days == 1) d.Add(name + " ramp", kFestival, std::move(columns.second));
  }
}

BaseDesign BuildBase(const MmmInput& in, int period_days, int budget_of_terms) {
  const size_t n = in.days.size();
  BaseDesign d;
  d.Add("intercept", kBaseline, std::vector<double>(n, 1.0));
  std::vector<double> trend(n);
  for (size_t t = 0; t < n; ++t) trend[t] = static_cast<double>(t) / static_cast<double>(n) - 0.5;
  d.Add("trend", kBaseline, trend);
  for (size_t c = 0; c < in.controls.size(); ++c) {
    // Standardized, so the ridge treats every control alike.
    const auto& v = in.control_values[c];
    double mean = 0, var = 0;
    for (double x : v) mean += x / static_cast<double>(n);
    for (double x : v) var += (x - mean) * (x - mean) / static_cast<double>(n);
    std::vector<double> z(n);
    for (size_t t = 0; t < n; ++t) z[t] = (v[t] - mean) / std::sqrt(var);
    d.Add(in.controls[c], kControl, std::move(z));
  }
  // Optional terms, most valuable first, while the data can carry them.
  const int span = in.days.back() - in.days.front() + period_days;
  const auto room = [&](size_t more) { return static_cast<int>(d.columns.size() + more) <= budget_of_terms; };
  if (span >= 330 && room(period_days >= 28 ? 2 : 4))
    for (int k = 1; k <= (period_days >= 28 ? 1 : 2); ++k) {
      std::vector<double> s(n), c(n);
      for (size_t t = 0; t < n; ++t) {
        const double angle = 2 * M_PI * k * (in.days[t] + period_days / 2.0) / kYearDays;
        s[t] = std::sin(angle);
        c[t] = std::cos(angle);
      }
      d.Add(fmt::format("yearly sin {}", k), kSeason, std::move(s));
      d.Add(fmt::format("yearly cos {}", k), kSeason, std::move(c));
    }
  if (period_days == 1 && n >= 28 && room(6))
    for (int wd = 1; wd < 7; ++wd) {
      std::vector<double> v(n);
      for (size_t t = 0; t < n; ++t) v[t] = ((in.days[t] % 7 + 10) % 7 == wd) ? 1.0 : 0.0;  // 1970-01-01 was a Thursday
      d.Add(fmt::format("weekday {}", wd + 1), kSeason, std::move(v));
    }
  // Daily data: the official calendar's holidays and make-up working days
  // (调休), which move every year, where the table covers the data.
  if (period_days == 1 && room(2)) {
    std::vector<double> holiday(n), makeup(n);
    for (size_t t = 0; t < n; ++t) {
      const OfficialDay kind = OfficialDayOf(in.days[t]);
      holiday[t] = kind == OfficialDay::kHoliday;
      makeup[t] = kind == OfficialDay::kMakeupWorkday;
    }
    if (Varies(holiday)) d.Add("法定假日", kFestival, std::move(holiday));
    if (Varies(makeup)) d.Add("调休上班", kFestival, std::move(makeup));
  }
  BaseDesign festivals;
  AddFestivals(in, period_days, festivals);
  if (room(festivals.columns.size()))
    for (size_t i = 0; i < festivals.columns.size(); ++i)
      d.Add(festivals.names[i], kFestival, std::move(festivals.columns[i]));
  return d;
}

// The media parameters of one channel in the search space:
// decay, log(half-saturation / steady-state adstock at mean spend), shape.
MediaResponse Decode(const double* theta, double mean_spend) {
  MediaResponse r;
  r.decay = theta[0];
  r.half_saturation = std::exp(theta[1]) * mean_spend / (1 - r.decay);
  r.shape = theta[2];
  return r;
}

struct LinearFit {
  Eigen::VectorXd coef;  // base terms, then channels
  double sse = 0;
};

// Everything that stays fixed while the media parameters move: the base
// design and the spend. Solves the linear part for given media parameters.
class MediaFitter {
 public:
  MediaFitter(const BaseDesign& base, const MmmInput& in, size_t fit_rows)
      : n_(in.days.size()), fit_(fit_rows), p_(static_cast<Eigen::Index>(base.columns.size())), spend_(in.spend) {
    base_.resize(static_cast<Eigen::Index>(n_), p_);
    for (Eigen::Index j = 0; j < p_; ++j)
      for (size_t t = 0; t < n_; ++t) base_(static_cast<Eigen::Index>(t), j) = base.columns[static_cast<size_t>(j)][t];
    const auto fit = base_.topRows(static_cast<Eigen::Index>(fit_));
    base_gram_ = fit.transpose() * fit;
    for (const auto& s : spend_) {
      double mean = 0;
      for (double x : s) mean += x / static_cast<double>(n_);
      mean_spend_.push_back(mean);
    }
  }

  size_t channels() const { return spend_.size(); }
  Eigen::Index base_terms() const { return p_; }
  double mean_spend(size_t c) const { return mean_spend_[c]; }
  const Eigen::MatrixXd& base() const { return base_; }

  // Saturated adstock of every channel over all rows.
  Eigen::MatrixXd MediaColumns(const std::vector<MediaResponse>& media) const {
    Eigen::MatrixXd h(static_cast<Eigen::Index>(n_), static_cast<Eigen::Index>(spend_.size()));
    std::vector<double> adstock(n_);
    for (size_t c = 0; c < spend_.size(); ++c) {
      GeometricAdstock(spend_[c], media[c].decay, 0, adstock);
      for (size_t t = 0; t < n_; ++t)
        h(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(c)) = media[c].Saturation(adstock[t]);
    }
    return h;
  }

  std::vector<MediaResponse> DecodeAll(const double* theta) const {
    std::vector<MediaResponse> media;
    for (size_t c = 0; c < spend_.size(); ++c) media.push_back(Decode(theta + 3 * c, mean_spend_[c]));
    return media;
  }

  // What the base terms see of a target: computed once per target, not per
  // candidate of the media search.
  struct Target {
    const Eigen::VectorXd* y;
    Eigen::VectorXd base_moment;  // B'y over the fitted rows
    double squared_norm = 0;      // y'y over the fitted rows
  };
  Target Prepare(const Eigen::VectorXd& y) const {
    const auto rows = static_cast<Eigen::Index>(fit_);
    return {&y, base_.topRows(rows).transpose() * y.head(rows), y.head(rows).squaredNorm()};
  }

  // The hot path of the search: only the media columns' products are new
  // for each candidate; the residual sum of squares comes from the normal
  // equations (y'y - 2c'x + x'Gx), never from the n x k design.
  LinearFit Solve(const double* theta, const Target& target) const {
    const Eigen::MatrixXd h = MediaColumns(DecodeAll(theta));
    const auto rows = static_cast<Eigen::Index>(fit_);
    const Eigen::Index c = h.cols(), k = p_ + c;
    const auto fitted_h = h.topRows(rows);
    Eigen::MatrixXd gram(k, k);
    gram.topLeftCorner(p_, p_) = base_gram_;
    gram.bottomLeftCorner(c, p_).noalias() = fitted_h.transpose() * base_.topRows(rows);
    gram.topRightCorner(p_, c) = gram.bottomLeftCorner(c, p_).transpose();
    gram.bottomRightCorner(c, c).noalias() = fitted_h.transpose() * fitted_h;
    Eigen::VectorXd moment(k);
    moment.head(p_) = target.base_moment;
    moment.tail(c).noalias() = fitted_h.transpose() * target.y->head(rows);
    const Eigen::MatrixXd plain = gram;
    // A ridge of 1e-6 of each term's own scale: conditioning for collinear
    // channels and terms, with no visible pull on the estimates.
    for (Eigen::Index j = 0; j < k; ++j) gram(j, j) += 1e-6 * gram(j, j) + 1e-12;
    LinearFit out;
    out.coef = SolvePartlyNonNegative(gram, moment, p_);
    out.sse = std::max(0.0, target.squared_norm - 2 * moment.dot(out.coef) + out.coef.dot(plain * out.coef));
    return out;
  }

 private:
  size_t n_, fit_;
  Eigen::Index p_;
  const std::vector<std::vector<double>>& spend_;
  Eigen::MatrixXd base_, base_gram_;
  std::vector<double> mean_spend_;
};

struct SearchBox {
  std::vector<double> lower, upper;
};

SearchBox MediaBox(size_t channels, int period_days) {
  // Carry-over beyond these would outlast the data's own resolution.
  const double max_decay = period_days == 1 ? 0.9 : period_days <= 7 ? 0.8 : 0.6;
  SearchBox box;
  for (size_t c = 0; c < channels; ++c) {
    box.lower.insert(box.lower.end(), {0.0, std::log(kMinRelativeHalfSaturation), kMinShape});
    box.upper.insert(box.upper.end(), {max_decay, std::log(kMaxRelativeHalfSaturation), kMaxShape});
  }
  return box;
}

struct LocalProblem {
  const MediaFitter* fitter;
  const MediaFitter::Target* target;
  int* evaluations;
};

double LocalObjective(unsigned, const double* x, double*, void* data) {
  auto* p = static_cast<LocalProblem*>(data);
  ++*p->evaluations;
  const double sse = p->fitter->Solve(x, *p->target).sse;
  return std::isfinite(sse) ? sse : HUGE_VAL;
}

// BOBYQA from `theta`, inside the box; returns the refined point.
std::vector<double> RefineLocally(const MediaFitter& fitter, const MediaFitter::Target& target, std::vector<double> theta,
                                  const SearchBox& box, int max_evaluations, double tolerance, int* evaluations) {
  LocalProblem problem{&fitter, &target, evaluations};
  nlopt_opt opt = nlopt_create(NLOPT_LN_BOBYQA, static_cast<unsigned>(theta.size()));
  nlopt_set_lower_bounds(opt, box.lower.data());
  nlopt_set_upper_bounds(opt, box.upper.data());
  nlopt_set_min_objective(opt, LocalObjective, &problem);
  nlopt_set_maxeval(opt, max_evaluations);
  nlopt_set_xtol_rel(opt, tolerance);
  // First steps of a tenth of the box: wide enough that a replicate can
  // leave the point estimate's basin when its data say so.
  std::vector<double> step(theta.size());
  for (size_t i = 0; i < theta.size(); ++i) step[i] = 0.1 * (box.upper[i] - box.lower[i]);
  nlopt_set_initial_step(opt, step.data());
  for (size_t i = 0; i < theta.size(); ++i) theta[i] = std::clamp(theta[i], box.lower[i], box.upper[i]);
  double value = 0;
  std::vector<double> start = theta;
  if (nlopt_optimize(opt, theta.data(), &value) < 0) theta = start;  // keep the global point
  nlopt_destroy(opt);
  return theta;
}

std::vector<double> SearchMedia(const MediaFitter& fitter, const Eigen::VectorXd& y, const SearchBox& box,
                                const MmmOptions& options, int* evaluations) {
  const MediaFitter::Target target = fitter.Prepare(y);
  const auto objective = [&](const std::vector<double>& theta) { return fitter.Solve(theta.data(), target).sse; };
  GlobalSearchOptions g;
  g.generations = options.generations;
  g.seed = options.seed;
  const GlobalOptimum best = MinimizeGlobally(objective, box.lower, box.upper, g);
  *evaluations += best.evaluations;
  return RefineLocally(fitter, target, best.x, box, 2000, 1e-7, evaluations);
}

Eigen::VectorXd ToVector(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

double Mape(const Eigen::VectorXd& actual, const Eigen::VectorXd& fitted) {
  double sum = 0;
  int count = 0;
  for (Eigen::Index i = 0; i < actual.size(); ++i)
    if (actual(i) != 0) sum += std::abs(actual(i) - fitted(i)) / std::abs(actual(i)), ++count;
  return count ? 100 * sum / count : 0;
}

double RSquared(const Eigen::VectorXd& actual, const Eigen::VectorXd& fitted) {
  const double mean = actual.mean();
  const double total = (actual.array() - mean).square().sum();
  return total > 0 ? 1 - (actual - fitted).squaredNorm() / total : 0;
}

Status Validate(const MmmInput& in, int* period_days) {
  const size_t n = in.days.size();
  if (in.channels.empty()) return Status::InvalidInput("no channels: name at least one spend column");
  if (in.target.size() != n || in.spend.size() != in.channels.size() ||
      in.control_values.size() != in.controls.size())
    return Status::InvalidInput("the target, spend and control columns must have one value per period");
  if (n < 8) return Status::InvalidInput(fmt::format("{} periods are too few for a marketing-mix model", n));
  *period_days = in.days[1] - in.days[0];
  if (*period_days < 1) return Status::InvalidInput("the dates must increase");
  for (size_t t = 1; t < n; ++t)
    if (in.days[t] - in.days[t - 1] != *period_days)
      return Status::InvalidInput(fmt::format(
          "the periods are not equally spaced: after {} comes {} (expected {}); fill in the missing periods",
          CivilFromDays(in.days[t - 1]), CivilFromDays(in.days[t]), CivilFromDays(in.days[t - 1] + *period_days)));
  for (double v : in.target)
    if (!std::isfinite(v)) return Status::InvalidInput("the target holds a value that is not a finite number");
  for (size_t c = 0; c < in.channels.size(); ++c) {
    const auto& s = in.spend[c];
    if (s.size() != n) return Status::InvalidInput(fmt::format("channel '{}': one spend per period", in.channels[c]));
    for (size_t t = 0; t < n; ++t)
      if (!std::isfinite(s[t]) || s[t] < 0)
        return Status::InvalidInput(fmt::format("channel '{}': spend on {} is {} (must be a number >= 0)",
                                                in.channels[c], CivilFromDays(in.days[t]), s[t]));
    if (std::all_of(s.begin(), s.end(), [](double x) { return x == 0; }))
      return Status::InvalidInput(fmt::format("channel '{}' has no spend at all: leave it out", in.channels[c]));
    if (!Varies(s))
      return Status::InvalidInput(fmt::format(
          "channel '{}' spends the same every period: its effect cannot be told from the baseline", in.channels[c]));
  }
  for (size_t c = 0; c < in.controls.size(); ++c) {
    if (in.control_values[c].size() != n)
      return Status::InvalidInput(fmt::format("control '{}': one value per period", in.controls[c]));
    for (double v : in.control_values[c])
      if (!std::isfinite(v)) return Status::InvalidInput(fmt::format("control '{}' holds a value that is not a finite number", in.controls[c]));
    if (!Varies(in.control_values[c]))
      return Status::InvalidInput(fmt::format("control '{}' never changes: it cannot explain anything", in.controls[c]));
  }
  return Status::Ok();
}

std::vector<std::string> CollinearityWarnings(const MmmInput& in) {
  std::vector<std::string> out;
  const auto correlation = [](const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    double ma = 0, mb = 0;
    for (size_t i = 0; i < a.size(); ++i) ma += a[i] / n, mb += b[i] / n;
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < a.size(); ++i)
      sab += (a[i] - ma) * (b[i] - mb), saa += (a[i] - ma) * (a[i] - ma), sbb += (b[i] - mb) * (b[i] - mb);
    return sab / std::sqrt(saa * sbb);
  };
  for (size_t a = 0; a < in.channels.size(); ++a)
    for (size_t b = a + 1; b < in.channels.size(); ++b) {
      const double r = correlation(in.spend[a], in.spend[b]);
      if (std::abs(r) > 0.9)
        out.push_back(fmt::format("channels '{}' and '{}' move together (r = {:.2f}): how their effect splits is uncertain",
                                  in.channels[a], in.channels[b], r));
    }
  return out;
}

// Residuals resampled in moving blocks, which keeps their autocorrelation.
Eigen::VectorXd BlockResample(const Eigen::VectorXd& residuals, size_t block, std::mt19937_64& rng) {
  const auto n = static_cast<size_t>(residuals.size());
  block = std::min(block, n);
  std::uniform_int_distribution<size_t> start(0, n - block);
  Eigen::VectorXd out(residuals.size());
  for (size_t t = 0; t < n;) {
    const size_t s = start(rng);
    for (size_t i = 0; i < block && t < n; ++i, ++t) out(static_cast<Eigen::Index>(t)) = residuals(static_cast<Eigen::Index>(s + i));
  }
  return out;
}

size_t RecentPeriods(int period_days, size_t n) {
  return std::clamp<size_t>(static_cast<size_t>(90 / period_days), 1, n);
}

}  // namespace

Interval Central95(std::vector<double> draws) {
  if (draws.empty()) return {};
  std::sort(draws.begin(), draws.end());
  const auto at = [&](double q) {
    return draws[static_cast<size_t>(std::lround(q * static_cast<double>(draws.size() - 1)))];
  };
  return {at(0.025), at(0.975)};
}

Result<MmmModel> FitMmm(const MmmInput& in, const MmmOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  int period_days = 1;
  BRANDLENS_RETURN_IF_ERROR(Validate(in, &period_days));
  const size_t n = in.days.size(), channels = in.channels.size();
  const int media_terms = static_cast<int>(3 * channels + channels);
  // At least 3 periods per estimated quantity, or optional terms go.
  const int term_budget = static_cast<int>(n) / 3 - media_terms;
  const int required = 2 + static_cast<int>(in.controls.size());
  if (term_budget < required)
    return Status::InvalidInput(fmt::format(
        "{} periods are too few for {} channels and {} controls: a marketing-mix model needs about {}",
        n, channels, in.controls.size(), 3 * (required + media_terms)));
  const BaseDesign base = BuildBase(in, period_days, term_budget);

  MmmModel model;
  MmmDiagnostics& diag = model.diagnostics;
  diag.periods = static_cast<int>(n);
  diag.period_days = period_days;
  diag.terms = base.names;
  diag.parameters = static_cast<int>(base.columns.size()) + media_terms;
  diag.warnings = CollinearityWarnings(in);
  const Eigen::VectorXd y = ToVector(in.target);
  const SearchBox box = MediaBox(channels, period_days);

  // Held-out check first: the whole search on the earlier periods only.
  const size_t holdout = options.holdout > 0 ? static_cast<size_t>(options.holdout)
                                             : std::max<size_t>(4, n / 10);
  if (n - holdout >= static_cast<size_t>(5 * diag.parameters) / 2) {
    const MediaFitter early(base, in, n - holdout);
    const std::vector<double> theta = SearchMedia(early, y, box, options, &diag.evaluations);
    const LinearFit fit = early.Solve(theta.data(), early.Prepare(y));
    const Eigen::MatrixXd h = early.MediaColumns(early.DecodeAll(theta.data()));
    const Eigen::VectorXd predicted =
        early.base() * fit.coef.head(early.base_terms()) + h * fit.coef.tail(static_cast<Eigen::Index>(channels));
    const auto tail = static_cast<Eigen::Index>(holdout);
    diag.holdout_periods = static_cast<int>(holdout);
    diag.holdout_mape = Mape(y.tail(tail), predicted.tail(tail));
    diag.holdout_r2 = RSquared(y.tail(tail), predicted.tail(tail));
  } else {
    diag.warnings.push_back("too few periods to hold some out: no out-of-sample check");
  }

  const MediaFitter fitter(base, in, n);
  const std::vector<double> theta = SearchMedia(fitter, y, box, options, &diag.evaluations);
  const LinearFit fit = fitter.Solve(theta.data(), fitter.Prepare(y));
  const std::vector<MediaResponse> media = fitter.DecodeAll(theta.data());
  const Eigen::MatrixXd h = fitter.MediaColumns(media);
  const auto p = fitter.base_terms();
  const Eigen::VectorXd betas = fit.coef.tail(static_cast<Eigen::Index>(channels));
  const Eigen::VectorXd fitted = fitter.base() * fit.coef.head(p) + h * betas;
  diag.r2 = RSquared(y, fitted);
  diag.mape = Mape(y, fitted);

  MmmDecomposition& dec = model.decomposition;
  dec.days = in.days;
  dec.actual = in.target;
  dec.fitted.assign(fitted.data(), fitted.data() + n);
  for (auto* part : {&dec.baseline, &dec.seasonality, &dec.festivals, &dec.controls}) part->assign(n, 0);
  for (Eigen::Index j = 0; j < p; ++j) {
    std::vector<double>& part = base.groups[static_cast<size_t>(j)] == kBaseline ? dec.baseline
                                : base.groups[static_cast<size_t>(j)] == kSeason ? dec.seasonality
                                : base.groups[static_cast<size_t>(j)] == kFestival ? dec.festivals
                                                                                    : dec.controls;
    for (size_t t = 0; t < n; ++t) part[t] += fit.coef(j) * fitter.base()(static_cast<Eigen::Index>(t), j);
  }
  const size_t recent = RecentPeriods(period_days, n), year = std::min(n, static_cast<size_t>(std::ceil(kYearDays / period_days)));
  for (size_t t = n - year; t < n; ++t)
    model.baseline_per_period += (dec.baseline[t] + dec.seasonality[t] + dec.festivals[t] + dec.controls[t]) / static_cast<double>(year);

  double total_contribution = 0;
  std::vector<double> adstock(n);
  for (size_t c = 0; c < channels; ++c) {
    MmmChannel ch;
    ch.name = in.channels[c];
    ch.response = media[c];
    ch.response.beta = betas(static_cast<Eigen::Index>(c));
    std::vector<double> part(n);
    for (size_t t = 0; t < n; ++t) part[t] = ch.response.beta * h(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(c));
    dec.channels.push_back(part);
    for (size_t t = 0; t < n; ++t) ch.spend += in.spend[c][t], ch.contribution += part[t];
    for (size_t t = n - recent; t < n; ++t) ch.mean_spend += in.spend[c][t] / static_cast<double>(recent);
    GeometricAdstock(in.spend[c], ch.response.decay, 0, adstock);
    ch.adstock_end = adstock.back();
    total_contribution += ch.contribution;
    model.channels.push_back(std::move(ch));
  }
  const auto steady_marginal = [](const MediaResponse& r, double spend) {
    return r.beta * r.SaturationSlope(spend / (1 - r.decay)) / (1 - r.decay);
  };
  for (MmmChannel& ch : model.channels) {
    ch.contribution_share = total_contribution > 0 ? ch.contribution / total_contribution : 0;
    ch.roas = ch.contribution / ch.spend;
    ch.marginal_roas = steady_marginal(ch.response, ch.mean_spend);
  }

  // Bootstrap: each replicate's target is the fit plus resampled residual
  // blocks; its media parameters start from the point estimate. Replicate r
  // draws from its own seeded generator, so threads cannot change results.
  // Fitted residuals are smaller than the noise by the parameters the fit
  // spent on them; scaled back by sqrt(n / (n - parameters)) (the usual
  // leverage correction) so the replicates carry the noise's full spread.
  const double dof = static_cast<double>(n) - diag.parameters;
  const Eigen::VectorXd residuals = (y - fitted) * std::sqrt(static_cast<double>(n) / std::max(1.0, dof));
  const auto replicates = static_cast<size_t>(std::max(0, options.bootstrap));
  const size_t block = std::max<size_t>(2, static_cast<size_t>(std::ceil(1.5 * std::cbrt(static_cast<double>(n)))));
  std::vector<std::vector<MediaResponse>> draws(replicates);
  std::vector<std::vector<double>> contributions(replicates);
  std::vector<int> evaluations(replicates, 0);
  ParallelFor(replicates, ThreadsOrCores(options.threads), [&](unsigned, size_t r) {
    std::mt19937_64 rng(options.seed * 1000003 + r);
    const Eigen::VectorXd y_star = fitted + BlockResample(residuals, block, rng);
    const MediaFitter::Target target = fitter.Prepare(y_star);
    // Replicates need the return to about 1e-4, not the point estimate's 1e-7.
    const std::vector<double> t_star = RefineLocally(fitter, target, theta, box, 400, 1e-4, &evaluations[r]);
    const LinearFit f_star = fitter.Solve(t_star.data(), target);
    draws[r] = fitter.DecodeAll(t_star.data());
    const Eigen::MatrixXd h_star = fitter.MediaColumns(draws[r]);
    for (size_t c = 0; c < channels; ++c) {
      draws[r][c].beta = f_star.coef(p + static_cast<Eigen::Index>(c));
      contributions[r].push_back(draws[r][c].beta * h_star.col(static_cast<Eigen::Index>(c)).sum());
    }
  });
  for (int e : evaluations) diag.evaluations += e;
  for (size_t c = 0; c < channels && replicates > 0; ++c) {
    MmmChannel& ch = model.channels[c];
    std::vector<double> contribution, roas, marginal;
    for (size_t r = 0; r < replicates; ++r) {
      contribution.push_back(contributions[r][c]);
      roas.push_back(contributions[r][c] / ch.spend);
      marginal.push_back(steady_marginal(draws[r][c], ch.mean_spend));
      ch.draws.push_back(draws[r][c]);
      GeometricAdstock(in.spend[c], draws[r][c].decay, 0, adstock);
      ch.draw_adstock_end.push_back(adstock.back());
    }
    ch.contribution_interval = Central95(contribution);
    ch.roas_interval = Central95(roas);
    ch.marginal_roas_interval = Central95(marginal);
  }
  if (replicates == 0)
    for (MmmChannel& ch : model.channels) {
      ch.contribution_interval = {ch.contribution, ch.contribution};
      ch.roas_interval = {ch.roas, ch.roas};
      ch.marginal_roas_interval = {ch.marginal_roas, ch.marginal_roas};
    }
  diag.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return model;
}

}  // namespace brandlens
