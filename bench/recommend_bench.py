"""brandlens recommend --evaluate against the notebook a user would write
instead (pandas + scipy.sparse + scikit-learn's cosine_similarity), side by
side on the same implicit-feedback log, whole processes.

The log: USERS users in 20 taste groups over ITEMS items; each group
prefers its own Zipf-ranked items; users view, cart and buy in sessions
over 180 days (about 20 events per user). Both sides hold out the last 30
days, train on the rest with the same confidence weights (view 1, cart 3,
purchase 5; log(1 + sum)), leave out items a user already bought (this
log has few repeats), and score precision/recall/NDCG@10 on the holdout's
buyers. The notebook uses plain cosine over all items; brandlens shrinks
the cosine of items with few common users and keeps 50 neighbours.
brandlens's time includes opening the workspace and reading the events
from SQLite (the import is timed separately); the notebook's includes
reading the CSV. Prints one JSON object.
Usage: recommend_bench.py BRANDLENS [WORKDIR] [USERS] [ITEMS]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

brandlens = sys.argv[1]
work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="recommend-bench-")
users = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
items = int(sys.argv[4]) if len(sys.argv) > 4 else 3_000
os.makedirs(work, exist_ok=True)

NOTEBOOK = r"""
import sys, time, json
t = time.time()
import numpy as np, pandas as pd
from scipy import sparse
from sklearn.metrics.pairwise import cosine_similarity
k = 10
ev = pd.read_csv(sys.argv[1], parse_dates=["occurred_at"])
ev["w"] = ev["type"].map({"view": 1.0, "cart": 3.0, "purchase": 5.0})
cut = ev["occurred_at"].max() - pd.Timedelta(days=30)
train, test = ev[ev["occurred_at"] < cut], ev[(ev["occurred_at"] >= cut) & (ev["type"] == "purchase")]
u_codes = {u: i for i, u in enumerate(train["user_id"].unique())}
i_codes = {it: i for i, it in enumerate(ev["item_id"].unique())}
g = train.groupby(["user_id", "item_id"])["w"].sum().reset_index()
X = sparse.csr_matrix((np.log1p(g["w"].to_numpy()), (g["user_id"].map(u_codes), g["item_id"].map(i_codes))),
                      shape=(len(u_codes), len(i_codes)))
S = cosine_similarity(X.T, dense_output=True)
np.fill_diagonal(S, 0)
bought = train[train["type"] == "purchase"].groupby("user_id")["item_id"].apply(set)
popular = train[train["type"] == "purchase"]["item_id"].value_counts().index.to_numpy()
items = np.array(list(i_codes.keys()))
relevant = test.groupby("user_id")["item_id"].apply(set)
p = r = n = 0.0
for user, rel in relevant.items():
    owned = bought.get(user, set())
    if user in u_codes:
        scores = X[u_codes[user]] @ S
        scores = np.asarray(scores).ravel()
        for it in owned: scores[i_codes[it]] = -1
        top = np.argsort(-scores)[: k + len(owned)]
        recs = [items[j] for j in top if scores[j] > 0][:k]
    else:
        recs = []
    for it in popular:
        if len(recs) >= k: break
        if it not in owned and it not in recs: recs.append(it)
    hits = [1 if it in rel else 0 for it in recs]
    dcg = sum(h / np.log2(i + 2) for i, h in enumerate(hits))
    ideal = sum(1 / np.log2(i + 2) for i in range(min(len(rel), k)))
    p += sum(hits) / k; r += sum(hits) / len(rel); n += dcg / ideal
m = len(relevant)
print(json.dumps({"users": m, "precision": p / m, "recall": r / m, "ndcg": n / m, "seconds": time.time() - t}))
"""


def generate(path):
    rng = np.random.default_rng(11)
    groups = 20
    # Each group ranks the items its own way; preference ~ 1 / rank^1.1.
    ranks = np.array([rng.permutation(items) for _ in range(groups)])
    weights = 1.0 / np.arange(1, items + 1) ** 1.1
    weights /= weights.sum()
    start = np.datetime64("2025-01-01T00:00:00")
    with open(path, "w") as f:
        f.write("user_id,occurred_at,type,item_id\n")
        for u in range(users):
            g = rng.integers(groups)
            for _ in range(rng.poisson(4) + 1):
                at = start + np.timedelta64(int(rng.integers(180 * 86400)), "s")
                viewed = ranks[g][rng.choice(items, size=3, p=weights)]
                for j, item in enumerate(viewed):
                    when = str(at + np.timedelta64(60 * j, "s")).replace("T", " ")
                    f.write(f"U{u},{when},view,I{item}\n")
                    if j == 0 and rng.random() < 0.5:
                        f.write(f"U{u},{when},cart,I{item}\n")
                        if rng.random() < 0.6:
                            f.write(f"U{u},{when},purchase,I{item}\n")


events = os.path.join(work, "events.csv")
generate(events)
project = os.path.join(work, "project")
os.makedirs(project, exist_ok=True)
with open(os.path.join(project, "brandlens.toml"), "w") as f:
    f.write('[project]\nname = "bench"\ntime_zone = "UTC"\n[[brands]]\nname = "b"\nown = true\n'
            '[campaigns]\nrecommend_repeat = "no"\n')
db = os.path.join(project, "workspace.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)
t = time.time()
subprocess.run([brandlens, "import", "events", events, "-p", project, "--time-zone", "UTC"], check=True,
               stdout=subprocess.DEVNULL)
import_seconds = time.time() - t
t = time.time()
out = subprocess.run([brandlens, "recommend", "-p", project, "--evaluate", "--k", "10", "--holdout-days", "30"],
                     check=True, capture_output=True, text=True).stdout
ours_seconds = time.time() - t
ours = json.loads(out)
nb = subprocess.run(["/usr/bin/python3", "-c", NOTEBOOK, events], check=True, capture_output=True, text=True)
theirs = json.loads(nb.stdout)
print(json.dumps({
    "bench": "recommend", "users": users, "items": items,
    "events": sum(1 for _ in open(events)) - 1,
    "brandlens": {"seconds": round(ours_seconds, 2), "import_seconds": round(import_seconds, 2),
                  "evaluated_users": ours["users"], **{k: round(v, 4) for k, v in ours["model"].items()},
                  "popularity": {k: round(v, 4) for k, v in ours["popularity"].items()}},
    "sklearn_notebook": {"seconds": round(theirs["seconds"], 2), "evaluated_users": theirs["users"],
                         "precision": round(theirs["precision"], 4), "recall": round(theirs["recall"], 4),
                         "ndcg": round(theirs["ndcg"], 4)},
    "speedup": round(theirs["seconds"] / ours_seconds, 2),
}))
