"""brandlens cluster against scikit-learn, side by side, whole processes.

k-means: 1,000,000 x 16 float32 points in 8 blobs, k = 8, one restart;
scikit-learn's KMeans (k-means++, n_init=1, lloyd) with pandas reading the
same CSV. DBSCAN: 100,000 x 4 points, the same eps / min_samples. Timings
include reading the CSV and writing labels; quality is compared as inertia
(k-means) and as the adjusted Rand index between the two labelings (DBSCAN).
Also, on the demo world's persona matrix (what `brandlens personas`
clusters), k-means inertia against scikit-learn's with the same k and the
same number of restarts.
Prints one JSON object. Usage: cluster_bench.py BRANDLENS [WORKDIR]
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

brandlens = sys.argv[1]
work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="cluster-bench-")
os.makedirs(work, exist_ok=True)

SKLEARN_KMEANS = r"""
import sys, time, json
t = time.time()
import pandas as pd
from sklearn.cluster import KMeans
X = pd.read_csv(sys.argv[1], dtype="float32").to_numpy()
km = KMeans(n_clusters=int(sys.argv[3]), init="k-means++", n_init=1, algorithm="lloyd", random_state=0).fit(X)
pd.DataFrame({"label": km.labels_}).to_csv(sys.argv[2], index=False)
print(json.dumps({"inertia": float(km.inertia_), "iterations": int(km.n_iter_), "seconds": time.time() - t}))
"""

SKLEARN_KMEANS_RESTARTS = r"""
import sys, json
import pandas as pd
from sklearn.cluster import KMeans
X = pd.read_csv(sys.argv[1], dtype="float32").to_numpy()
km = KMeans(n_clusters=int(sys.argv[2]), init="k-means++", n_init=int(sys.argv[3]), algorithm="lloyd",
            random_state=0).fit(X)
print(json.dumps({"inertia": float(km.inertia_)}))
"""

SKLEARN_DBSCAN = r"""
import sys, time, json
t = time.time()
import pandas as pd
from sklearn.cluster import DBSCAN
X = pd.read_csv(sys.argv[1], dtype="float32").to_numpy()
db = DBSCAN(eps=float(sys.argv[3]), min_samples=int(sys.argv[4])).fit(X)
pd.DataFrame({"label": db.labels_}).to_csv(sys.argv[2], index=False)
print(json.dumps({"k": int(db.labels_.max() + 1), "seconds": time.time() - t}))
"""


def blobs(n, dims, centers, spread, seed):
    rng = np.random.default_rng(seed)
    means = rng.uniform(-10, 10, size=(centers, dims))
    which = rng.integers(0, centers, size=n)
    return (means[which] + rng.normal(0, spread, size=(n, dims))).astype(np.float32)


def write_csv(path, points):
    header = ",".join(f"x{j}" for j in range(points.shape[1]))
    np.savetxt(path, points, delimiter=",", header=header, comments="", fmt="%.6g")


def timed(cmd):
    start = time.time()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out[out.index("{"):]), time.time() - start


def ari(a, b):
    from sklearn.metrics import adjusted_rand_score
    return float(adjusted_rand_score(a, b))


def labels(path):
    return np.loadtxt(path, skiprows=1, dtype=np.int64)


result = {}
kmeans_csv = os.path.join(work, "kmeans_1m_16.csv")
if not os.path.exists(kmeans_csv):
    write_csv(kmeans_csv, blobs(1_000_000, 16, 8, 2.0, 1))
ours, ours_wall = timed([brandlens, "cluster", "--input", kmeans_csv, "--k", "8", "--restarts", "1",
                         "--algo", "kmeans", "--output", os.path.join(work, "ours_kmeans.csv")])
theirs, theirs_wall = timed([sys.executable, "-c", SKLEARN_KMEANS, kmeans_csv,
                             os.path.join(work, "sk_kmeans.csv"), "8"])
result["kmeans_1m_x16_k8"] = {
    "brandlens_seconds": round(ours_wall, 3), "sklearn_seconds": round(theirs_wall, 3),
    "speedup": round(theirs_wall / ours_wall, 2),
    "brandlens_inertia": ours["inertia"], "sklearn_inertia": theirs["inertia"],
    "inertia_ratio": round(ours["inertia"] / theirs["inertia"], 5),
    "brandlens_iterations": ours["iterations"], "sklearn_iterations": theirs["iterations"],
}

dbscan_csv = os.path.join(work, "dbscan_100k_4.csv")
if not os.path.exists(dbscan_csv):
    write_csv(dbscan_csv, blobs(100_000, 4, 6, 0.6, 2))
eps, min_points = "0.5", "10"
ours, ours_wall = timed([brandlens, "cluster", "--input", dbscan_csv, "--algo", "dbscan", "--eps", eps,
                         "--min-points", min_points, "--output", os.path.join(work, "ours_dbscan.csv")])
theirs, theirs_wall = timed([sys.executable, "-c", SKLEARN_DBSCAN, dbscan_csv,
                             os.path.join(work, "sk_dbscan.csv"), eps, min_points])
result["dbscan_100k_x4"] = {
    "brandlens_seconds": round(ours_wall, 3), "sklearn_seconds": round(theirs_wall, 3),
    "speedup": round(theirs_wall / ours_wall, 2),
    "brandlens_k": ours["k"], "sklearn_k": theirs["k"],
    "ari": round(ari(labels(os.path.join(work, "ours_dbscan.csv")), labels(os.path.join(work, "sk_dbscan.csv"))), 5),
}
demo = os.path.join(work, "demo")
if not os.path.exists(os.path.join(demo, "workspace.db")):
    subprocess.run([brandlens, "demo", "--out", demo], check=True, capture_output=True)
points_csv = os.path.join(work, "persona_points.csv")
summary, _ = timed([brandlens, "personas", "-p", demo, "--points-output", points_csv])
k = summary["k"]
ours, _ = timed([brandlens, "cluster", "--input", points_csv, "--k", str(k), "--restarts", "4",
                 "--output", os.path.join(work, "persona_labels.csv")])
theirs, _ = timed([sys.executable, "-c", SKLEARN_KMEANS_RESTARTS, points_csv, str(k), "4"])
result["demo_personas_kmeans"] = {
    "users": summary["users"], "k": k, "brandlens_inertia": ours["inertia"], "sklearn_inertia": theirs["inertia"],
    "inertia_ratio": round(ours["inertia"] / theirs["inertia"], 5),
}
result["peak_rss_children_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
print(json.dumps(result))
