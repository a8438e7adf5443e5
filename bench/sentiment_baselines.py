#!/usr/bin/python3
"""Trained sentiment: brandlens against fastText's command-line tool and a
scikit-learn TF-IDF + logistic regression, on the same seeded 80/20 split of
a labelled CSV, in one run. Both baselines segment with jieba first, as a
notebook user would. Prints one JSON object.

usage: sentiment_baselines.py BRANDLENS DATA.csv TEXT_COLUMN LABEL_COLUMN
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import jieba
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

jieba.setLogLevel(60)


def split(path, text_col, label_col, work):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [(r[text_col], r[label_col]) for r in csv.DictReader(f) if r[text_col].strip()]
    random.Random(42).shuffle(rows)
    k = int(len(rows) * 0.8)
    parts = {"train": rows[:k], "test": rows[k:]}
    for name, part in parts.items():
        with open(os.path.join(work, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["text", "label"])
            w.writerows(part)
    return parts


def fasttext_cli(parts, work):
    files = {}
    for name, part in parts.items():
        files[name] = os.path.join(work, name + ".ft")
        with open(files[name], "w", encoding="utf-8") as f:
            for text, label in part:
                tokens = " ".join(t for t in jieba.lcut(text.replace("\n", " ")) if t.strip())
                f.write(f"__label__{label} {tokens}\n")
    model = os.path.join(work, "ft")
    start = time.time()
    subprocess.run(["fasttext", "supervised", "-input", files["train"], "-output", model, "-epoch", "25",
                    "-wordNgrams", "2", "-verbose", "0", "-thread", "1"], check=True)
    out = subprocess.run(["fasttext", "test", model + ".bin", files["test"]], check=True, capture_output=True,
                         text=True).stdout
    precision = float([l for l in out.splitlines() if l.startswith("P@1")][0].split()[1])
    return {"accuracy": precision, "seconds": time.time() - start}


def sklearn_tfidf_lr(parts):
    start = time.time()
    vectorizer = TfidfVectorizer(tokenizer=jieba.lcut, ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x_train = vectorizer.fit_transform([t for t, _ in parts["train"]])
    y_train = [l for _, l in parts["train"]]
    classifier = LogisticRegression(max_iter=2000, C=4.0).fit(x_train, y_train)
    predicted = classifier.predict(vectorizer.transform([t for t, _ in parts["test"]]))
    correct = sum(p == l for p, (_, l) in zip(predicted, parts["test"]))
    return {"accuracy": correct / len(parts["test"]), "seconds": time.time() - start}


def brandlens(binary, work):
    start = time.time()
    model = os.path.join(work, "brandlens.bin")
    subprocess.run([binary, "sentiment", "train", "--input", os.path.join(work, "train.csv"), "--text-column", "text",
                    "--label-column", "label", "--out", model], check=True, capture_output=True)
    out = subprocess.run([binary, "eval", "sentiment", "--input", os.path.join(work, "test.csv"), "--text-column",
                          "text", "--label-column", "label", "--model", model], check=True, capture_output=True,
                         text=True).stdout
    result = json.loads(out)
    return {"accuracy": result["accuracy"], "macro_f1": result["macro_f1"], "seconds": time.time() - start}


def main():
    binary, data, text_col, label_col = sys.argv[1:5]
    with tempfile.TemporaryDirectory() as work:
        parts = split(data, text_col, label_col, work)
        ours = brandlens(binary, work)
        ft = fasttext_cli(parts, work)
        lr = sklearn_tfidf_lr(parts)
    print(json.dumps({
        "benchmark": "sentiment_trained_80_20",
        "data": os.path.basename(data),
        "train": len(parts["train"]), "test": len(parts["test"]),
        "brandlens": ours, "fasttext_cli_jieba": ft, "sklearn_tfidf_lr_jieba": lr,
        "accuracy_minus_fasttext": ours["accuracy"] - ft["accuracy"],
        "accuracy_minus_sklearn": ours["accuracy"] - lr["accuracy"],
    }, indent=2))


if __name__ == "__main__":
    main()
