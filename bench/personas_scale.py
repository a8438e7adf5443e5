"""brandlens personas at scale: time and peak memory for N users.

Generates N users in 8 behaviour groups with ~4 orders each (and
products), imports them into a fresh project, then runs `brandlens
personas` under /usr/bin/time. Peak memory is compared with the raw
feature matrix (users x features x 8 bytes) and the orders themselves.
Prints one JSON object. Usage: personas_scale.py BRANDLENS USERS [WORKDIR]
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

brandlens, users = sys.argv[1], int(sys.argv[2])
work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="personas-scale-")
os.makedirs(work, exist_ok=True)
rng = np.random.default_rng(5)
groups = rng.integers(0, 8, size=users)
categories = ["tea", "coffee", "snack", "bakery"]
channels = ["app", "store", "meituan", "eleme"]

with open(os.path.join(work, "products.csv"), "w") as f:
    f.write("product_id,name,category,price\n")
    for p in range(16):
        f.write(f"P{p},product {p},{categories[p % 4]},{10 + p}\n")
with open(os.path.join(work, "users.csv"), "w") as f:
    f.write("user_id,signup_at,gender,age\n")
    ages = 18 + groups * 4 + rng.integers(0, 5, size=users)
    for u in range(users):
        f.write(f"U{u},2025-01-01 10:00,{'female' if groups[u] % 2 else 'male'},{ages[u]}\n")
counts = rng.poisson(1 + groups, size=users)
with open(os.path.join(work, "orders.csv"), "w") as f:
    f.write("order_id,user_id,ordered_at,product_id,quantity,amount,channel\n")
    order = 0
    for u in range(users):
        g = groups[u]
        for _ in range(counts[u]):
            order += 1
            day = 1 + (order * 7 + u) % 28
            product = (g * 2 + order % 2) % 16
            qty = 1 + g % 3
            f.write(f"O{order},U{u},2025-06-{day:02d} {8 + g}:00:00,P{product},{qty},{(10 + product) * qty},"
                    f"{channels[g % 4]}\n")
with open(os.path.join(work, "brandlens.toml"), "w") as f:
    f.write('[project]\nname = "scale"\n[[brands]]\nname = "A"\nown = true\n')
    for kind in ("products", "users", "orders"):
        f.write(f'[[sources]]\nkind = "{kind}"\npath = "{kind}.csv"\n')

if os.path.exists(os.path.join(work, "workspace.db")):
    os.remove(os.path.join(work, "workspace.db"))
for kind in ("products", "users", "orders"):
    subprocess.run([brandlens, "import", kind, os.path.join(work, f"{kind}.csv"), "-p", work], check=True,
                   capture_output=True)
run = subprocess.run(["/usr/bin/time", "-v", brandlens, "personas", "-p", work], check=True, capture_output=True,
                     text=True)
summary = json.loads(run.stdout)
peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
wall = re.search(r"Elapsed \(wall clock\) time.*: (.+)", run.stderr).group(1)
features = len(summary["features"])  # every feature computed (double per user), used or not
orders = int(counts.sum())
print(json.dumps({
    "users": users, "orders": orders, "k": summary["k"], "seconds": summary["seconds"], "wall": wall,
    "peak_rss_mb": round(peak_kb / 1024, 1),
    "raw_feature_matrix_mb": round(users * features * 8 / 2**20, 1),
    "peak_over_feature_matrix": round(peak_kb * 1024 / (users * features * 8), 2),
    "bytes_per_user": round(peak_kb * 1024 / users),
}))
