// Where the article gate's doubt line should stand for pages no training saw (nt77, stop 77; docs/scaling.md "Stop 77:
// a banner is never published as a story: the doubt line set from held-out trainings"). One training's out-of-fold
// rows say nothing of it: the committed text gate doubts its own tuning pages at 0.3 per 100 up to 5 times the
// threshold, but the checking half's real pages sit lower (nt76). So: in a tree trained with PERTURB=k (each draw leaves
// about an eighth of the tuning pages out of every cleaning step: train/try-clean-perturbed.ts's copies, or
// `PERTURB=k TRAIN_ON=tuning OUT=<copy>/src/clean/weights npx tsx train/train-clean.ts` in a copy of the tree)
//   npx tsx train/try-gate-doubt.ts score k rows-k.json
// cleans (src/pipeline/article.ts cleanArticle, with the build's checks) every TUNING page of extraction-dev and webpages-dev (each page once), real and stripped of its article lines
// (as eval:notices), text and HTML, with and without the URL, and writes for each published one the lowest of the gate
// models' probability / threshold and whether draw k left the page out (k = 0: the committed weights, in-sample); then
//   npx tsx train/try-gate-doubt.ts table rows-0.json rows-1.json ...
// prints, per path, the rows doubted per 100 at multiples m of the threshold: in-sample, the draws' trained pages and
// their held-out pages. DOUBT_RATIOS in train/article-gate.ts is the largest m at which the held-out real rows are
// doubted at most 0.5 per 100 more than at 2. Tuning half only; prints counts, never a page.
import { readFileSync, writeFileSync } from "node:fs";
import { cleanArticle } from "../src/pipeline/article.ts";
import { defaultRules } from "../src/clean/index.ts";
import { articleGate, articleGateModel, articleGateRow, htmlArticleGateModel, type GateModel, gateProbability } from "../src/clean/rules/article-gate.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import { logit } from "../src/model/logistic.ts";
import { notLanguage } from "../src/ingest/index.ts";
import { wordCount } from "../src/text/article-text.ts";
import { finish } from "../src/clean/text.ts";
import { distinctPages, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { tokens } from "../eval/lib/extraction-score.ts";
import { strippedDump } from "./lib/furniture-pages.ts";
import { strippedHtml } from "./article-gate.ts";
import { perturbedOut } from "./lib/bagging.ts";
import { loadDates } from "../eval/lib/clean-corpus.ts";
import { NOTICE_PAGES } from "../eval/lib/notice-pages.ts";
import { NOTICE_HTML_PAGES } from "../eval/lib/notice-html-pages.ts";
import { TRAINING_NOTICES, trainingNoticeHtml } from "./lib/notice-training-pages.ts";

interface Row { id: string; path: "text" | "html"; url: boolean; kind: "real" | "stripped" | "notice" | "dates"; out: boolean; published: boolean; ratio: number | null; probs?: number[] | null }

/** The committed gate's lowest probability / threshold over its models for the page the rules before it left (null: no row). */
let last: number | null = null;
/** Each gate model's probability for the same page (the plain model, then `notices`): PROBS=1 writes them as `probs`. */
let lastProbs: number[] | null = null;
const recording: CleanRule = {
  name: "article-gate",
  apply(doc) {
    const x = articleGateRow(doc);
    const m: GateModel = doc.origin === "html" ? htmlArticleGateModel() : articleGateModel();
    lastProbs = x ? (m.notices ? [m, m.notices] : [m]).map((g) => gateProbability(g, x)) : null;
    last = x ? Math.min(...(m.notices ? [m, m.notices] : [m]).map((g) => gateProbability(g, x) / g.threshold)) : null;
    articleGate.apply(doc);
  },
};
const rules = defaultRules.map((r) => (r.name === "article-gate" ? recording : r));
const fromLocate = rules.slice(rules.findIndex((r) => r.name === "locate-article"));
const readable = (title: string, paragraphs: readonly string[]) => wordCount(paragraphs) >= 15 && !notLanguage([title, ...paragraphs].join("\n"));

const PROBS = process.env.PROBS === "1";
/** TEXT_ONLY=1: the text dumps alone (the HTML path skipped). */
const TEXT_ONLY = process.env.TEXT_ONLY === "1";

function score(k: string, out: string): void {
  const rows: Row[] = [];
  for (const p of distinctPages(loadExtraction(), loadWebpages()).filter((q) => q.half === "tune")) {
    const left = k !== "0" && perturbedOut(k, p.id);
    for (const withUrl of [true, false]) {
      const url = withUrl ? p.url : null;
      const push = (path: Row["path"], kind: Row["kind"], published: boolean) => rows.push({ id: p.id, path, url: withUrl, kind, out: left, published, ratio: last, ...(PROBS ? { probs: lastProbs } : {}) });
      const text = (body: string, kind: Row["kind"]) => {
        last = null;
        lastProbs = null;
        push("text", kind, "article" in cleanArticle(devSource(`${p.id}.txt`, "text", body, url), rules));
      };
      text(p.text, "real");
      const stripped = strippedDump(p);
      if (tokens(stripped).length > 0) text(stripped, "stripped");
      if (!p.html || TEXT_ONLY) continue;
      last = null;
      lastProbs = null;
      push("html", "real", "article" in cleanArticle(devSource(`${p.id}.html`, "html", p.html, url), rules));
      const doc = strippedHtml(p, url);
      if (!doc) continue;
      last = null;
      lastProbs = null;
      for (const rule of fromLocate) rule.apply(doc);
      const r = finish(doc);
      push("html", "stripped", !r.rejected && readable(r.title, r.paragraphs));
    }
  }
  // With NOTICES=1 (nt78) also the tuning half's notice pages (text and HTML, eval/lib/notice-pages.ts and
  // notice-html-pages.ts) and the training-only ones (train/lib/notice-training-pages.ts, their dump and their page in a
  // plain site's chrome), and dates-dev's tuning pages (real, kind "dates"), each as the build cleans it. A fold
  // training (k = fold<i>of<K>) leaves a notice page out by its own id, as train:clean does.
  if (process.env.NOTICES === "1") {
    const one = (id: string, path: Row["path"], kind: Row["kind"], body: string, url: string | null, left: boolean) => {
      last = null;
      lastProbs = null;
      const published = "article" in cleanArticle(devSource(`${id}.${path === "text" ? "txt" : "html"}`, path, body, url), rules);
      rows.push({ id, path, url: url !== null, kind, out: left, published, ratio: last, ...(PROBS ? { probs: lastProbs } : {}) });
    };
    const left = (id: string) => k !== "0" && perturbedOut(k, id);
    for (const withUrl of [true, false]) {
      const url = (id: string) => (withUrl ? `https://news.example/${id}` : null);
      for (const n of NOTICE_PAGES.filter((q) => q.half === "tune")) one(n.id, "text", "notice", n.text, url(n.id), left(n.id));
      for (const n of TEXT_ONLY ? [] : NOTICE_HTML_PAGES.filter((q) => q.half === "tune")) one(n.id, "html", "notice", n.html, url(n.id), left(n.id));
      for (const n of TRAINING_NOTICES) {
        one(n.id, "text", "notice", n.text, url(n.id), left(n.id));
        if (!TEXT_ONLY) one(n.id, "html", "notice", trainingNoticeHtml(n), url(n.id), left(n.id));
      }
      for (const p of loadDates().filter((q) => q.half === "tune")) {
        one(p.id, "text", "dates", p.text, withUrl ? p.url : null, left(p.id));
        if (p.html && !TEXT_ONLY) one(p.id, "html", "dates", p.html, withUrl ? p.url : null, left(p.id));
      }
    }
  }
  writeFileSync(out, JSON.stringify(rows));
  console.log(`${rows.length} rows (${rows.filter((r) => r.out).length} left out of draw ${k})`);
}

function table(files: readonly string[]): void {
  const all = files.flatMap((f) => {
    const k = /rows-(\w+)\.json$/.exec(f)?.[1] ?? "";
    return (JSON.parse(readFileSync(f, "utf8")) as Row[]).map((r) => ({ ...r, k }));
  });
  const ms = (process.env.MS ?? "2,2.5,3,3.25,3.5,3.75,4,4.5,5").split(",").map(Number);
  const of = (r: { ratio: number | null }) => r.ratio ?? Infinity;
  for (const path of ["text", "html"] as const) {
    console.log(`${path}: m ${ms.join(" ")}`);
    const groups: [string, (r: Row & { k: string }) => boolean][] = [
      ["in-sample", (r) => r.k === "0"],
      ["draws, trained on", (r) => r.k !== "0" && !r.out],
      ["draws, held out", (r) => r.k !== "0" && r.out],
    ];
    for (const [label, sel] of groups) {
      for (const kind of ["real", "dates", "stripped", "notice"] as const) {
        for (const url of [undefined, true, false]) {
          const v = all.filter((r) => sel(r) && r.path === path && r.kind === kind && r.published && (url === undefined || r.url === url)).map(of);
          if (v.length === 0) continue;
          // Rows doubted per 100 published rows, and (counts) how many.
          console.log(`  ${label} ${kind}${url === undefined ? "" : url ? " with URL" : " without URL"} (${v.length}): ${ms.map((m) => ((100 * v.filter((x) => x < m).length) / v.length).toFixed(1)).join(" ")}   [${ms.map((m) => v.filter((x) => x < m).length).join(" ")}]`);
        }
      }
    }
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "score" && args.length === 2) score(args[0]!, args[1]!);
else if (mode === "table" && args.length > 0) table(args);
else throw new Error("usage: try-gate-doubt.ts score K rows-K.json | table rows-*.json");
