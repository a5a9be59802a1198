// What the real pages nearest the article gate's line have that the notices and stripped pages nearest them lack (nt80,
// stop 80; docs/scaling.md "Stop 80: ... sentence shapes"). Cleans every TUNING page of extraction-dev and webpages-dev
// (real and stripped of its article lines), the tuning half's notice pages and the training-only ones, as the build does
// (text dumps, with the URL), records the gate's lowest probability / threshold and the body the gate judged, and prints
// per kind the mean of each candidate shape, and each candidate's rank separation (AUC) between the real pages nearest
// the line and the furniture nearest it. `npx tsx train/try-gate-shapes.ts [LIST=n]` (LIST prints the n lowest real
// rows and the n highest furniture rows with their first words: tuning pages only). Never reads a checking page.
// SHAPES=headline: the candidates are how much of the body its headline's words cover instead (nt82, stop 82,
// train/lib/headline-cover.ts).
import { cleanArticle } from "../src/pipeline/article.ts";
import { defaultRules } from "../src/clean/index.ts";
import { articleGate, articleGateModel, articleGateRow, publishedLines, type GateModel, gateProbability } from "../src/clean/rules/article-gate.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import type { Line, TextDoc } from "../src/clean/doc.ts";
import { logit } from "../src/model/logistic.ts";
import { distinctPages, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { tokens } from "../eval/lib/extraction-score.ts";
import { notArticle, strippedDump } from "./lib/furniture-pages.ts";
import { NOTICE_PAGES } from "../eval/lib/notice-pages.ts";
import { TRAINING_NOTICES } from "./lib/notice-training-pages.ts";
import { sentenceShapes, SENTENCE_SHAPE_NAMES } from "./lib/sentence-shapes.ts";
import { headlineCover, HEADLINE_COVER_NAMES } from "./lib/headline-cover.ts";

const HEADLINE = process.env.SHAPES === "headline";
const SHAPE_NAMES: readonly string[] = HEADLINE ? HEADLINE_COVER_NAMES : SENTENCE_SHAPE_NAMES;
/** The candidate shapes of the body the gate judged (its published lines; the headline line apart for SHAPES=headline). */
function shapesOf(doc: TextDoc, lines: readonly Line[]): number[] {
  if (!HEADLINE) return sentenceShapes(lines);
  const headline = doc.title >= 0 ? doc.lines[doc.title]! : null;
  return headlineCover(headline?.text ?? null, lines.filter((l) => l !== headline));
}

interface Row { id: string; kind: "real" | "furniture-body" | "stripped" | "notice"; ratio: number; shapes: number[]; head: string }

let seen: { ratio: number; doc: TextDoc } | null = null;
const recording: CleanRule = {
  name: "article-gate",
  apply(doc) {
    const x = articleGateRow(doc);
    const m: GateModel = articleGateModel();
    if (x) seen = { ratio: Math.min(...(m.notices ? [m, m.notices] : [m]).map((g) => gateProbability(g, x) / g.threshold)), doc };
    articleGate.apply(doc);
  },
};
const rules = defaultRules.map((r) => (r.name === "article-gate" ? recording : r));

const rows: Row[] = [];
function one(id: string, kind: Row["kind"], text: string, url: string | null, realBody?: (body: string) => boolean): void {
  seen = null;
  cleanArticle(devSource(`${id}.txt`, "text", text, url), rules);
  if (!seen) return;
  const { ratio, doc } = seen as { ratio: number; doc: TextDoc };
  const lines = publishedLines(doc).map((i) => doc.lines[i]!);
  const body = lines.map((l) => l.text).join("\n");
  rows.push({ id, kind: kind === "real" && realBody && !realBody(body) ? "furniture-body" : kind, ratio, shapes: shapesOf(doc, lines), head: body.replace(/\s+/g, " ").slice(0, 160) });
}
for (const p of distinctPages(loadExtraction(), loadWebpages()).filter((q) => q.half === "tune")) {
  one(p.id, "real", p.text, p.url, (body) => !notArticle(p, body));
  const stripped = strippedDump(p);
  if (tokens(stripped).length > 0) one(p.id, "stripped", stripped, p.url);
}
for (const n of NOTICE_PAGES.filter((q) => q.half === "tune")) one(n.id, "notice", n.text, `https://news.example/${n.id}`);
for (const n of TRAINING_NOTICES) one(n.id, "notice", n.text, `https://news.example/${n.id}`);

const auc = (pos: number[], neg: number[]): number => {
  let s = 0;
  for (const a of pos) for (const b of neg) s += a > b ? 1 : a === b ? 0.5 : 0;
  return s / Math.max(1, pos.length * neg.length);
};
const real = rows.filter((r) => r.kind === "real").sort((a, b) => a.ratio - b.ratio);
const near = real.slice(0, 20);
const furniture = rows.filter((r) => r.kind === "stripped" || r.kind === "notice");
const nearFurniture = [...furniture].sort((a, b) => b.ratio - a.ratio).slice(0, 40);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(`rows: real ${real.length}, furniture bodies ${rows.filter((r) => r.kind === "furniture-body").length}, stripped ${rows.filter((r) => r.kind === "stripped").length}, notices ${rows.filter((r) => r.kind === "notice").length}`);
console.log(`near line: the 20 lowest real (ratio ${near[0]!.ratio.toFixed(2)}-${near[19]!.ratio.toFixed(2)}), the 40 highest furniture (ratio ${nearFurniture[39]!.ratio.toFixed(2)}-${nearFurniture[0]!.ratio.toFixed(2)})`);
console.log("shape | real | near real | stripped | notices | near furniture | AUC all | AUC near");
SHAPE_NAMES.forEach((name, j) => {
  const v = (rs: Row[]) => rs.map((r) => r.shapes[j]!);
  console.log(`${name} | ${mean(v(real)).toFixed(3)} | ${mean(v(near)).toFixed(3)} | ${mean(v(rows.filter((r) => r.kind === "stripped"))).toFixed(3)} | ${mean(v(rows.filter((r) => r.kind === "notice"))).toFixed(3)} | ${mean(v(nearFurniture)).toFixed(3)} | ${auc(v(real), v(furniture)).toFixed(3)} | ${auc(v(near), v(nearFurniture)).toFixed(3)}`);
});
const list = Number(process.env.LIST ?? "0");
for (const r of near.slice(0, list)) console.log(`real ${r.ratio.toFixed(2)} ${r.id.slice(0, 10)} [${r.shapes.map((s) => s.toFixed(2)).join(" ")}] ${r.head}`);
for (const r of nearFurniture.slice(0, list)) console.log(`${r.kind} ${r.ratio.toFixed(2)} ${r.id.slice(0, 10)} [${r.shapes.map((s) => s.toFixed(2)).join(" ")}] ${r.head}`);
const notices = rows.filter((r) => r.kind === "notice").sort((a, b) => b.ratio - a.ratio);
const nearNotices = notices.slice(0, 20);
console.log(`the 20 highest notices (ratio ${nearNotices[19]!.ratio.toFixed(2)}-${nearNotices[0]!.ratio.toFixed(2)}): shape | mean | AUC against the 20 lowest real`);
SHAPE_NAMES.forEach((name, j) => console.log(`${name} | ${mean(nearNotices.map((r) => r.shapes[j]!)).toFixed(3)} | ${auc(near.map((r) => r.shapes[j]!), nearNotices.map((r) => r.shapes[j]!)).toFixed(3)}`));
for (const r of nearNotices.slice(0, list)) console.log(`notice ${r.ratio.toFixed(2)} ${r.id.slice(0, 16)} [${r.shapes.map((s) => s.toFixed(2)).join(" ")}] ${r.head}`);
