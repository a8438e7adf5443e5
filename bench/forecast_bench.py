"""brandlens forecast against statsmodels' ExponentialSmoothing, side by side.

The same 1,000 synthetic monthly series (level, trend, multiplicative-ish
season of 12, noise; 120 points to fit, 12 held out). statsmodels fits one
given model per series (additive damped trend, additive season) and
forecasts; brandlens chooses its model per series (ETS by AICc, Theta, their
average, by a hold-out) — more work — in one whole process, reading the CSV
included. Reports seconds per series, the speed ratio and both sMAPEs on the
held-out points. With the M4 weekly data beside the project
(../shared/data/m4_weekly), also brandlens's sMAPE / MASE there against the
published Theta benchmark.
Prints one JSON object. Usage: forecast_bench.py BRANDLENS [WORKDIR]
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np

brandlens = sys.argv[1]
work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="forecast-bench-")
os.makedirs(work, exist_ok=True)
rng = np.random.default_rng(3)
n_series, fit_len, horizon = 1000, 120, 12
series = []
for i in range(n_series):
    t = np.arange(fit_len + horizon)
    level = rng.uniform(50, 500)
    trend = rng.normal(0, 0.004) * level
    season = 1 + rng.uniform(0, 0.3) * np.sin(2 * np.pi * (t + rng.integers(0, 12)) / 12)
    y = (level + trend * t) * season + rng.normal(0, 0.05 * level, size=t.size)
    series.append(np.maximum(y, 1.0))

long_csv = os.path.join(work, "series.csv")
with open(long_csv, "w") as f:
    f.write("id,t,y\n")
    for i, y in enumerate(series):
        for j, v in enumerate(y):
            f.write(f"s{i},{j + 1},{v:.4f}\n")


def smape(a, f):
    a, f = np.asarray(a), np.asarray(f)
    return float(np.mean(2 * np.abs(a - f) / (np.abs(a) + np.abs(f))) * 100)


from statsmodels.tsa.holtwinters import ExponentialSmoothing  # noqa: E402

start = time.time()
sm_smape = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for y in series:
        model = ExponentialSmoothing(y[:fit_len], trend="add", damped_trend=True, seasonal="add",
                                     seasonal_periods=12).fit()
        sm_smape.append(smape(y[fit_len:], model.forecast(horizon)))
sm_seconds = time.time() - start

start = time.time()
out = subprocess.run([brandlens, "forecast", "--input", long_csv, "--id-column", "id", "--time-column", "t",
                      "--value-column", "y", "--horizon", str(horizon), "--season", "12", "--evaluate"],
                     check=True, capture_output=True, text=True).stdout
ours_seconds = time.time() - start
ours = json.loads(out)
# Like for like: the same single model statsmodels fits.
start = time.time()
same = json.loads(subprocess.run([brandlens, "forecast", "--input", long_csv, "--id-column", "id", "--time-column", "t",
                                  "--value-column", "y", "--horizon", str(horizon), "--season", "12", "--model",
                                  "AAdA", "--evaluate"], check=True, capture_output=True, text=True).stdout)
same_seconds = time.time() - start
result = {
    "series": n_series,
    "brandlens_ms_per_series": round(1000 * ours_seconds / n_series, 3),
    "statsmodels_ms_per_series": round(1000 * sm_seconds / n_series, 3),
    "speedup": round(sm_seconds / ours_seconds, 1),
    "brandlens_smape": ours["smape"],
    "statsmodels_smape": round(float(np.mean(sm_smape)), 4),
    "brandlens_coverage": ours.get("coverage"),
    "same_model_ms_per_series": round(1000 * same_seconds / n_series, 3),
    "same_model_speedup": round(sm_seconds / same_seconds, 1),
    "same_model_smape": same["smape"],
}

m4 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "m4_weekly")
if os.path.exists(os.path.join(m4, "Weekly-train.csv")):
    def rows(path):
        with open(path) as f:
            r = csv.reader(f)
            next(r)
            return {row[0]: [v for v in row[1:] if v != ""] for row in r}
    train, test = rows(os.path.join(m4, "Weekly-train.csv")), rows(os.path.join(m4, "Weekly-test.csv"))
    m4_csv = os.path.join(work, "m4_weekly.csv")
    with open(m4_csv, "w") as f:
        f.write("id,t,y\n")
        for k, values in train.items():
            for j, v in enumerate(values + test[k]):
                f.write(f"{k},{j + 1},{v}\n")
    out = subprocess.run([brandlens, "forecast", "--input", m4_csv, "--id-column", "id", "--time-column", "t",
                          "--value-column", "y", "--horizon", "13", "--season", "52", "--evaluate",
                          "--mase-period", "1"], check=True, capture_output=True, text=True).stdout
    m = json.loads(out)
    result["m4_weekly"] = {"series": m["scored"], "smape": m["smape"], "mase": m["mase"],
                           "coverage": m.get("coverage"), "theta_smape": 9.093, "theta_mase": 2.637}
print(json.dumps(result))
