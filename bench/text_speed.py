#!/usr/bin/python3
"""Text analysis speed: brandlens's full analysis (normalize, segment, brands,
sentiment, aspects, keywords, JSON out) against jieba's default segmentation
alone (Debian python3-jieba), on the same real reviews, in one run. Also the
scaling with threads and the peak memory as the input grows. Each speed is
the best of three runs, for both tools: the box is shared and noisy.

usage: text_speed.py BRANDLENS DATA.csv TEXT_COLUMN [DOCS]
Prints one JSON object.
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import jieba

jieba.setLogLevel(60)


def load(path, column, docs):
    with open(path, encoding="utf-8-sig", newline="") as f:
        texts = [r[column] for r in csv.DictReader(f) if r[column].strip()]
    out = []
    while len(out) < docs:
        out.extend(texts)
    return out[:docs]


def write(texts, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["text"])
        for t in texts:
            w.writerow([t])


def jieba_docs_per_second(texts):
    jieba.initialize()  # dictionary loading is not counted
    start = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    return len(texts) / (time.perf_counter() - start)


JIEBA_PROCESS = """
import csv, sys, jieba
jieba.setLogLevel(60)
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        jieba.lcut(row["text"])
"""


def whole_process_seconds(command):
    """Best of three wall times of a whole process, start-up and loading included."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def brandlens_run(binary, path, threads):
    """(docs/s as brandlens reports it, peak RSS in MB)."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "analyze", "--input", path, "--text-column", "text",
                           "--threads", str(threads), "--output", "/dev/null"], capture_output=True, text=True, check=True)
    rate = float(re.search(r"([0-9.]+) docs/s", proc.stderr).group(1))
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return rate, peak_kb / 1024


def main():
    binary, data, column = sys.argv[1:4]
    docs = int(sys.argv[4]) if len(sys.argv) > 4 else 20000
    texts = load(data, column, docs)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "docs.csv")
        write(texts, path)
        big = os.path.join(work, "docs4x.csv")
        write(texts * 4, big)
        jieba_rate = max(jieba_docs_per_second(texts) for _ in range(3))
        runs = [brandlens_run(binary, path, 1) for _ in range(3)]
        one, peak_1x = max(r[0] for r in runs), max(r[1] for r in runs)
        two = max(brandlens_run(binary, path, 2)[0] for _ in range(3))
        _, peak_4x = brandlens_run(binary, big, 2)
        # Whole processes on the 4x file (issue 11's comparison): jieba's
        # segmentation alone against brandlens's whole analysis, lexicon only
        # and the default (self-training first, spam over all rows).
        analyze = [binary, "analyze", "--input", big, "--text-column", "text", "--output", "/dev/null"]
        jieba_s = whole_process_seconds(["/usr/bin/python3", "-c", JIEBA_PROCESS, big])
        lexicon_s = whole_process_seconds(analyze + ["--lexicon-only"])
        default_s = whole_process_seconds(analyze)
    print(json.dumps({
        "benchmark": "text_analysis_speed",
        "docs": len(texts), "megabytes": round(megabytes, 2),
        "jieba_lcut_docs_per_s": round(jieba_rate),
        "brandlens_full_analysis_docs_per_s": {"threads_1": round(one), "threads_2": round(two)},
        "ratio_vs_jieba_single_thread": round(one / jieba_rate, 2),
        "thread_scaling_2_vs_1": round(two / one, 2),
        "peak_rss_mb": {"docs_1x": round(peak_1x), "docs_4x": round(peak_4x)},
        "whole_process_docs_4x": {
            "docs": 4 * len(texts),
            "jieba_segmentation_s": round(jieba_s, 2),
            "brandlens_lexicon_only_s": round(lexicon_s, 2),
            "brandlens_default_s": round(default_s, 2),
            "ratio_lexicon_only_vs_jieba": round(jieba_s / lexicon_s, 2),
            "ratio_default_vs_jieba": round(jieba_s / default_s, 2),
            "default_cost_vs_lexicon_only": round(default_s / lexicon_s, 2),
        },
    }, indent=2))


if __name__ == "__main__":
    main()
