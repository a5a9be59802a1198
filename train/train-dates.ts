// `npm run train:dates`: learns the date stage's weights (src/date/date-models.json) on the tuning half
// of dates-dev, for HTML pages and for text dumps, and reports both halves. Two models per kind:
//   mention: is this date written on the page the article's own day?  (one example per visible date)
//   day:     is this candidate day the article's day?                   (one example per candidate day)
// The day model learns from mention probabilities made out of fold (two folds of the tuning half), so
// it weighs them as they will be on pages the mention model has not seen. Deterministic: same data,
// same weights.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { cleanSource } from "../src/clean/index.ts";
import { decode } from "../src/ingest/decode.ts";
import { scanOf } from "../src/date/evidence.ts";
import { urlDate, type UrlDate } from "../src/date/url.ts";
import { weighDays, type DateModels, type PageKind } from "../src/date/model.ts";
import { DAY_FEATURES, MENTION_FEATURES } from "../src/date/features.ts";
import type { PageScan } from "../src/date/scan-types.ts";
import type { LogisticModel } from "../src/model/logistic.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { halfOf, type Half } from "../eval/lib/split.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, process.env.DATES_CORPUS ?? "../shared/corpus");
const out = join(root, "src/date/date-models.json");
const L2_GRID = [1, 4, 16, 32, 64, 128];

interface Page {
  id: string;
  url: string | null;
  date: string | null;
  text_dump: string;
  html: string;
}

interface Prepared {
  id: string;
  half: Half;
  gold: string | null;
  scan: PageScan;
  url: UrlDate;
}

function loadPages(): Page[] {
  return readFileSync(join(corpus, "dates-dev.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((line) => {
      const raw = JSON.parse(line) as Omit<Page, "html">;
      const decoded = decode(gunzipSync(readFileSync(join(corpus, "dates-html", `${raw.id}.html.gz`))));
      return { ...raw, html: decoded.ok ? decoded.text : "" };
    });
}

function prepare(pages: Page[], kind: PageKind): Prepared[] {
  return pages.map((p) => {
    const article = cleanSource({ path: p.id, format: kind, text: kind === "html" ? p.html : p.text_dump, encoding: "utf-8", mtime: new Date(0), url: p.url });
    return { id: p.id, half: halfOf(p.id), gold: p.date, scan: scanOf(article, kind), url: urlDate(article.meta.url) };
  });
}

const zeroModel = (name: string, features: readonly string[]): LogisticModel => ({
  name,
  features: [...features],
  mean: features.map(() => 0),
  scale: features.map(() => 1),
  weights: features.map(() => 0),
  bias: 0,
  threshold: 0,
});

function mentionExamples(pages: Prepared[], kind: PageKind): Example[] {
  const probe: DateModels = { mention: zeroModel("probe", MENTION_FEATURES), day: zeroModel("probe", DAY_FEATURES) };
  const out: Example[] = [];
  for (const p of pages) {
    for (const m of weighDays(p.scan, p.url, kind, probe).mentions) if (m.day) out.push({ x: m.features, y: m.day === p.gold ? 1 : 0 });
  }
  return out;
}

function dayExamples(pages: Prepared[], kind: PageKind, mention: LogisticModel): Example[] {
  const models: DateModels = { mention, day: zeroModel("probe", DAY_FEATURES) };
  const out: Example[] = [];
  for (const p of pages) for (const d of weighDays(p.scan, p.url, kind, models).days) out.push({ x: d.features, y: d.evidence.day === p.gold ? 1 : 0 });
  return out;
}

/** Fold of a tuning page, for out-of-fold mention probabilities. */
const foldOf = (id: string) => createHash("sha256").update(`fold:${id}`).digest()[0]! & 1;

/**
 * Both models on `set`: the mention model on all of it; the day model on mention probabilities made out
 * of fold (the mention model of the other fold), as they will be on unseen pages.
 */
function fit(set: Prepared[], kind: PageKind, l2: number, note: string): DateModels {
  const mentionOn = (part: Prepared[], name: string) => trainLogistic(mentionExamples(part, kind), { name, features: [...MENTION_FEATURES], l2, trainedOn: note });
  const folds = [0, 1].map((f) => set.filter((p) => foldOf(p.id) === f));
  const dayRows: Example[] = [];
  for (const f of [0, 1]) dayRows.push(...dayExamples(folds[f]!, kind, mentionOn(folds[1 - f]!, "fold")));
  const mention = mentionOn(set, `date/${kind}-mention`);
  const day = trainLogistic(dayRows, { name: `date/${kind}-day`, features: [...DAY_FEATURES], l2, trainedOn: `${note}; mention probabilities out of fold` });
  day.threshold = bestThreshold(set, kind, { mention, day });
  return { mention, day };
}

/** The L2 penalty that dates most tuning pages right when each fold is dated by models fitted on the other. */
function chooseL2(tune: Prepared[], kind: PageKind): number {
  const split = [0, 1].map((f) => tune.filter((p) => createHash("sha256").update(`cv:${p.id}`).digest()[0]! % 2 === f));
  let best = { l2: L2_GRID[0]!, right: -1 };
  for (const l2 of L2_GRID) {
    let right = 0;
    for (const f of [0, 1]) right += rightCount(split[f]!, kind, fit(split[1 - f]!, kind, l2, "cv"));
    console.log(`  ${kind} L2 ${l2}: ${right}/${tune.length} right across folds`);
    if (right > best.right) best = { l2, right };
  }
  return best.l2;
}

function train(pages: Prepared[], kind: PageKind): DateModels {
  const tune = pages.filter((p) => p.half === "tune");
  const l2 = chooseL2(tune, kind);
  return fit(tune, kind, l2, `dates-dev tuning half (${tune.length} pages), ${kind === "html" ? "HTML" : "text dumps"}; L2 ${l2} (chosen by 2-fold cross-validation)`);
}

function rightCount(set: Prepared[], kind: PageKind, models: DateModels): number {
  let right = 0;
  for (const p of set) {
    const best = weighDays(p.scan, p.url, kind, models).days[0];
    if (best && best.probability >= models.day.threshold && best.evidence.day === p.gold) right++;
  }
  return right;
}

/** The lowest probability at which the best day is still taken: the one that dates most tuning pages right. */
function bestThreshold(tune: Prepared[], kind: PageKind, models: DateModels): number {
  const top = tune.map((p) => {
    const best = weighDays(p.scan, p.url, kind, models).days[0];
    return { p: best?.probability ?? 0, right: !!best && best.evidence.day === p.gold };
  });
  // Cuts halfway between neighbouring probabilities, so that rounding the threshold moves no page.
  const probs = [0, ...new Set(top.map((x) => x.p))].sort((a, b) => a - b);
  let best = { t: 0, right: top.filter((x) => x.right).length };
  for (let i = 1; i < probs.length; i++) {
    const cut = (probs[i - 1]! + probs[i]!) / 2;
    const right = top.filter((x) => x.right && x.p >= cut).length;
    if (right >= best.right) best = { t: cut, right };
  }
  return Number(best.t.toPrecision(6));
}

function accuracy(pages: Prepared[], kind: PageKind, models: DateModels, half: Half): string {
  const set = pages.filter((p) => p.half === half);
  const right = rightCount(set, kind, models);
  return `${((100 * right) / set.length).toFixed(1)}% (${right}/${set.length})`;
}

function main(): void {
  const pages = loadPages();
  const result: Record<PageKind, DateModels> = {} as Record<PageKind, DateModels>;
  for (const kind of ["html", "text"] as const) {
    const prepared = prepare(pages, kind);
    result[kind] = train(prepared, kind);
    console.log(`${kind.padEnd(4)} tune ${accuracy(prepared, kind, result[kind], "tune")}  check ${accuracy(prepared, kind, result[kind], "check")}  threshold ${result[kind].day.threshold}`);
  }
  writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
  console.log(`weights: ${out}`);
}

main();
