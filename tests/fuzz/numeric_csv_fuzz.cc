// The numeric CSV of `brandlens cluster`: any bytes parse to a matrix of
// finite numbers with rows × columns values, or to an error; never a crash.
// Then k-means and DBSCAN run on whatever parsed.
#include <cmath>

#include "fuzz_util.h"
#include "personas/dbscan.h"
#include "personas/kmeans.h"
#include "personas/numeric_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  auto m = ParseNumericCsv(fuzz::AsText(data, size), "fuzz.csv", 2);
  if (!m.ok()) return 0;
  if (m->values.size() != m->rows * m->cols || m->columns.size() != m->cols || m->rows == 0) __builtin_trap();
  for (float v : m->values)
    if (!std::isfinite(v)) __builtin_trap();
  if (m->rows > 2000) return 0;  // keep each input fast
  KMeansOptions options;
  options.k = 2;
  options.restarts = 1;
  options.threads = 1;
  auto c = KMeans(*m, options);
  if (c.ok() && (!std::isfinite(c->inertia) || c->labels.size() != m->rows)) __builtin_trap();
  auto d = Dbscan(*m, DbscanOptions{1.0, 2, 1});
  if (d.ok() && d->labels.size() != m->rows) __builtin_trap();
  return 0;
}
