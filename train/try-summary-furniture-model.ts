// `npx tsx train/try-summary-furniture-model.ts` (fs63, a trial: measured, not adopted): learns whether a prose
// sentence of a cleaned article is page furniture the cleaner kept, as a summariser-side guard would. Examples: every full prose sentence
// (src/summarise candidates) of the cleaned articles of the TUNING halves of extraction-dev and webpages-dev (each
// page's text dump and its HTML, cleaned as the build cleans them) and of bbc-dev's articles. Labels, by rules
// fixed before training: extraction-dev, furniture when under half of the sentence's token 4-grams are in the
// page's true body; webpages-dev, furniture when it holds a `without` snippet or one holds it (white space
// folded) and no `with` snippet does, article text when a `with` snippet does, else left out; bbc-dev, all
// article text. Features: train/lib/summary-furniture.ts (the cleaner's text line model read on the sentence
// alone and on its paragraph, the sentence's place, the share of its terms the other paragraphs use). Logistic regression (L2 below); the threshold is the one with
// the most furniture found less COST times the article sentences taken for it, over the tuning examples. The
// checking halves' figures are printed beside, never used. OUT=file writes the model (none by default);
// FEATURES=a,b a subset; L2, COST; AUC=1 each feature's AUC alone; SHOW=1, POSITIVES=1 the tuning half's flags
// and furniture sentences.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { collectCandidates, MAX_SENTENCES_PER_ARTICLE, type Candidate } from "../src/summarise/candidates.ts";
import { Vocabulary } from "../src/summarise/terms.ts";
import { cleanedDevPage, FURNITURE_FEATURES, furnitureRows } from "./lib/summary-furniture.ts";
import { logit } from "../src/model/logistic.ts";
import { loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { shingles } from "../eval/lib/extraction-score.ts";
import { HALVES, halfOf, type Half } from "../eval/lib/split.ts";
import { bestThreshold, trainLogistic, type Example } from "./lib/logistic.ts";

const L2 = Number(process.env.L2 ?? 10);
const COST = Number(process.env.COST ?? 2);
const root = fileURLToPath(new URL("../", import.meta.url));
const corpus = `${root}../shared/corpus/`;
const fold = (s: string) => s.replace(/\s+/g, " ").trim();

interface Labelled extends Example {
  half: Half;
  set: string;
  id: string;
  text: string;
}

function notInBody(sentence: string, body: Map<string, number>): boolean {
  let n = 0, hit = 0;
  for (const [k, v] of shingles(sentence)) {
    n += v;
    hit += Math.min(v, body.get(k) ?? 0);
  }
  return n > 0 && hit < 0.5 * n;
}
const inSnippets = (sentence: string, snippets: readonly string[]) => {
  const s = fold(sentence);
  return snippets.some((x) => {
    const f = fold(x);
    return f.length > 0 && (s.includes(f) || f.includes(s));
  });
};

const examples: Labelled[] = [];
function add(set: string, id: string, half: Half, title: string | undefined, text: string, label: (s: string) => 0 | 1 | null): void {
  const lines = text.split(/\n+/).map((l) => l.trim());
  // The summariser's candidates, paragraph by paragraph (whether one is full prose is the paragraph's own affair).
  const vocabulary = new Vocabulary();
  const candidates: Array<Candidate & { paragraph: number }> = [];
  for (let k = 0; k < lines.length && candidates.length < MAX_SENTENCES_PER_ARTICLE; k++) {
    for (const c of collectCandidates([{ title, text: lines[k]! }], vocabulary)) if (!c.dateline) candidates.push({ ...c, paragraph: k });
  }
  const rows = furnitureRows(lines, candidates);
  candidates.forEach((c, i) => {
    const y = c.prose ? label(c.text) : null;
    if (y !== null) examples.push({ x: rows[i]!, y, half, set, id, text: c.text });
  });
}
const cleaned = cleanedDevPage;
for (const page of loadExtraction()) {
  const body = shingles(page.truth!);
  for (const format of ["text", "html"] as const) {
    const a = cleaned(page, format);
    if (a) add(`extraction-${format}`, page.id, page.half, a.title, a.text, (s) => (notInBody(s, body) ? 1 : 0));
  }
}
for (const page of loadWebpages()) {
  for (const format of ["text", "html"] as const) {
    const a = cleaned(page, format);
    if (a) add(`webpages-${format}`, page.id, page.half, a.title, a.text, (s) => (inSnippets(s, page.with!) ? 0 : inSnippets(s, page.without!) ? 1 : null));
  }
}
for (const line of readFileSync(`${corpus}bbc-dev.jsonl`, "utf8").split("\n").filter(Boolean)) {
  const r = JSON.parse(line) as { id: string; title: string; text: string };
  add("bbc", r.id, halfOf(r.id), r.title, r.text, () => 0);
}

// A trial on some features only (FEATURES=a,b,c): the model is written with those, for this script's figures.
const only = process.env.FEATURES ? process.env.FEATURES.split(",") : null;
const columns = only ? only.map((f) => FURNITURE_FEATURES.indexOf(f)) : null;
if (columns?.some((k) => k < 0)) throw new Error(`unknown feature in ${only}`);
if (columns) for (const e of examples) e.x = columns.map((k) => e.x[k]!);
const tune = examples.filter((e) => e.half === "tune");
const model = trainLogistic(tune, {
  name: "summarise/furniture",
  features: only ?? [...FURNITURE_FEATURES],
  l2: L2,
  trainedOn: `fs63: prose sentences of the cleaned articles of extraction-dev and webpages-dev (text dumps and HTML) and of bbc-dev, tuning halves; L2 ${L2}; threshold: most furniture found less ${COST} x article sentences taken`,
});
const p = (e: Example) => 1 / (1 + Math.exp(-logit(model, e.x)));
model.threshold = bestThreshold(tune.map(p), tune.map((e) => e.y), (tp, fp) => tp - COST * fp);
if (process.env.OUT) writeFileSync(process.env.OUT, `${JSON.stringify(model, null, 2)}\n`);

console.log(`L2 ${L2}, cost ${COST}: threshold ${model.threshold}`);
for (const half of HALVES) {
  const sets = [...new Set(examples.map((e) => e.set))];
  for (const set of sets) {
    const es = examples.filter((e) => e.half === half && e.set === set);
    const flagged = es.filter((e) => p(e) >= model.threshold);
    const tp = flagged.filter((e) => e.y === 1).length;
    console.log(`  ${half} ${set.padEnd(16)} ${String(es.length).padStart(5)} sentences, ${String(es.filter((e) => e.y === 1).length).padStart(4)} furniture; flagged ${flagged.length}, ${tp} furniture (P ${flagged.length ? (tp / flagged.length).toFixed(2) : "-"})`);
  }
}
if (process.env.SHOW) for (const e of tune.filter((x) => p(x) >= model.threshold)) console.log(`${e.y ? "F" : "a"} ${p(e).toFixed(2)} ${e.set} ${e.text.slice(0, 140)}`);
if (process.env.POSITIVES) for (const e of tune.filter((x) => x.y === 1)) console.log(`${p(e).toFixed(2)} ${e.set} ${e.text.slice(0, 150)}`);
if (process.env.AUC) {
  // Each feature's AUC alone on the tuning half's page sentences (bbc-dev left out): how well it orders furniture first.
  const pages = tune.filter((e) => e.set !== "bbc");
  const names = only ?? [...FURNITURE_FEATURES];
  const auc = (v: (e: Labelled) => number) => {
    const pos = pages.filter((e) => e.y === 1).map(v);
    const neg = pages.filter((e) => e.y === 0).map(v);
    let s = 0;
    for (const a of pos) for (const b of neg) s += a > b ? 1 : a === b ? 0.5 : 0;
    return s / (pos.length * neg.length);
  };
  names.forEach((f, k) => console.log(`${f.padEnd(34)} ${auc((e) => e.x[k]!).toFixed(3)}`));
  console.log(`model ${auc(p).toFixed(3)}; checking ${(() => { const c = examples.filter((e) => e.half === "check" && e.set !== "bbc"); const pos = c.filter((e) => e.y === 1).map(p); const neg = c.filter((e) => e.y === 0).map(p); let s = 0; for (const a of pos) for (const b of neg) s += a > b ? 1 : a === b ? 0.5 : 0; return (s / (pos.length * neg.length)).toFixed(3); })()}`);
}
{
  const line = HALVES.map((half) => {
    const es = examples.filter((e) => e.half === half);
    const f = es.filter((e) => p(e) >= model.threshold);
    const tp = f.filter((e) => e.y === 1).length;
    return `${half} flagged ${f.length} on ${new Set(f.map((e) => e.id)).size} pages (${tp} furniture of ${es.filter((e) => e.y === 1).length}; bbc ${f.filter((e) => e.set === "bbc").length})`;
  });
  console.log(`TOTAL ${line.join(" · ")}`);
}
