// The text gate's threshold rule judged on held-out tuning pages (nt79, stop 79; docs/scaling.md "Stop 79: a banner is
// never published as a story: the gate's threshold from a share of many held-out pages"). The gate's coefficients do
// not depend on its threshold, so a rule (the value of rank ceil(q × n) from the lowest of the real articles' out-of-fold
// probabilities, by row or by page, times a margin) can be judged from a training's gate rows alone:
//   PERTURB=fold<k>of8 HEADLINE_CV=0 OUT=<copy>/src/clean/weights GATE_ROWS_OUT=<copy>/gate-rows.json npx tsx train/train-clean.ts
// in a copy of the tree for each fold, and each fold's held-out rows scored with each model's probability
//   PROBS=1 TEXT_ONLY=1 NOTICES=1 npx tsx train/try-gate-doubt.ts score fold<k>of8 p-fold<k>of8.json
// (in the same copy), then
//   npx tsx train/try-gate-quantile.ts table <copy0>/gate-rows.json=p-fold0of8.json=<copy0>/src/clean/weights ...
// prints for each rule the plain model's threshold over the folds and the held-out rows refused, held back (doubted) and
// kept out per 100 rows (each row judged by its own fold's lines); and
// (GATE_PATH=html and html-gate-rows.json for the HTML gate; held.json "-": the thresholds alone), and
//   Q=q BY=page M=m npx tsx train/try-gate-quantile.ts patch gate-rows.json article-gate-text.json
// writes the rule's lines (threshold, refusal and doubt line of both text models) into a gate file of the same training
// (a draw's, for judging a rule without retraining); and
//   npx tsx train/try-gate-quantile.ts bands p-fold0of8.json ...
// counts, per 100 real text rows (extraction-dev and webpages-dev, with the URL), those whose lower text gate probability
// (of the plain model and `notices`) is under each band edge: the tuning half's rows held out of the fold trainings
// given, and both halves' rows under the committed weights (in-sample for tuning, unseen for checking). Counts only:
// never a page, of either half.
import { readFileSync, writeFileSync } from "node:fs";
import { gateLines, gateOutOfFold, type GateRow, type ThresholdRule } from "./article-gate.ts";
import { cleanArticle } from "../src/pipeline/article.ts";
import { defaultRules } from "../src/clean/index.ts";
import { articleGate, articleGateModel, articleGateRow, gateProbability } from "../src/clean/rules/article-gate.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import { logit } from "../src/model/logistic.ts";
import { distinctPages, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";

interface RowFile { set: string; id: string; kind: GateRow["kind"]; y: 0 | 1; withUrl?: boolean; x: number[] }
interface Held { id: string; path: "text" | "html"; kind: "real" | "stripped" | "notice" | "dates"; out: boolean; published: boolean; probs?: number[] | null }
interface Lines { threshold: number; refuse: number; doubt: number }
interface GateFile extends Lines { notices: Lines }

const gateRowsOf = (file: string): GateRow[] =>
  (JSON.parse(readFileSync(file, "utf8")) as RowFile[]).map((r) => ({ page: { id: r.id, url: null, set: r.set }, kind: r.kind, y: r.y, withUrl: r.withUrl, x: Float64Array.from(r.x) }));

/** Both text models' out-of-fold probabilities (plain: without the notice rows; notices: with them). */
/** GATE_PATH=html: the HTML gate's rows (html-gate-rows.json) and file; its held-out rows need a scoring without TEXT_ONLY. */
const PATH = process.env.GATE_PATH === "html" ? "html" : "text";

function outOfFold(rows: readonly GateRow[]): [number[], number[]] {
  return [gateOutOfFold(rows, PATH, false), gateOutOfFold(rows, PATH, true)];
}

const linesOf = (rows: readonly GateRow[], oof: [number[], number[]], rule: ThresholdRule): [Lines, Lines] => [gateLines(rows, oof[0], PATH, rule), gateLines(rows, oof[1], PATH, rule)];

/** A held-out row's verdict under both models' lines: null when it has no gate row or was not published for another reason. */
function verdict(r: Held, lines: readonly [Lines, Lines], old: readonly [Lines, Lines]): "refused" | "held" | "kept" | "other" {
  if (!r.probs) return r.published ? "kept" : "other";
  const p = r.probs;
  const refusedOld = p.some((x, i) => x < old[i]!.refuse);
  if (!r.published && !refusedOld) return "other";
  if (p.some((x, i) => x < lines[i]!.refuse)) return "refused";
  if (p.some((x, i) => x < lines[i]!.doubt)) return "held";
  return "kept";
}

const RULES: { label: string; rule: ThresholdRule }[] = [
  { label: "today (lowest row, M 0.5)", rule: { q: 0, byPage: false, margin: 0.5 } },
  ...[0.01, 0.02, 0.03, 0.05].flatMap((q) => [0.1, 0.15, 0.25, 0.35, 0.5, 0.7, 1].map((margin) => ({ label: `page q ${q} M ${margin}`, rule: { q, byPage: true, margin } }))),
];

function table(specs: readonly string[]): void {
  const folds = specs.map((s) => {
    const [rowsFile, heldFile, weightsDir] = s.split("=");
    const rows = gateRowsOf(rowsFile!);
    const g = JSON.parse(readFileSync(`${weightsDir}/article-gate-${PATH}.json`, "utf8")) as GateFile;
    const held = heldFile === "-" ? [] : (JSON.parse(readFileSync(heldFile!, "utf8")) as Held[]).filter((r) => r.out && r.path === PATH);
    return { rows, oof: outOfFold(rows), held, old: [g, g.notices] as [Lines, Lines] };
  });
  // Today's rule must give each fold's committed lines (the rows are that training's).
  for (const [k, f] of folds.entries()) {
    const t = linesOf(f.rows, f.oof, RULES[0]!.rule);
    const same = t.every((l, i) => l.threshold === f.old[i]!.threshold && l.refuse === f.old[i]!.refuse && l.doubt === f.old[i]!.doubt);
    if (!same) console.log(`fold ${k}: today's rule gives ${JSON.stringify(t)} against the file's ${JSON.stringify(f.old)}`);
  }
  const per100 = (n: number, of: number) => (of === 0 ? "-" : ((100 * n) / of).toFixed(1));
  console.log("rule | plain threshold min-max (max/min) | notices threshold min-max | real refused, held per 100 [n] | dates-dev refused, held | stripped kept out | notices kept out");
  for (const { label, rule } of RULES) {
    const lines = folds.map((f) => linesOf(f.rows, f.oof, rule));
    const c = new Map<string, { n: number; refused: number; held: number }>();
    folds.forEach((f, k) => {
      for (const r of f.held) {
        const v = verdict(r, lines[k]!, f.old);
        const e = c.get(r.kind) ?? { n: 0, refused: 0, held: 0 };
        e.n++;
        if (v === "refused") e.refused++;
        if (v === "held") e.held++;
        c.set(r.kind, e);
      }
    });
    const t = (i: number) => {
      const v = lines.map((l) => l[i]!.threshold);
      return `${Math.min(...v).toFixed(4)}-${Math.max(...v).toFixed(4)} (${(Math.max(...v) / Math.min(...v)).toFixed(1)})`;
    };
    const of = (kind: string) => c.get(kind) ?? { n: 0, refused: 0, held: 0 };
    const [real, dates, stripped, notice] = [of("real"), of("dates"), of("stripped"), of("notice")];
    console.log(
      `${label} | ${t(0)} | ${t(1)} | ${per100(real.refused, real.n)}, ${per100(real.held, real.n)} [${real.refused}+${real.held} of ${real.n}] | ${per100(dates.refused, dates.n)}, ${per100(dates.held, dates.n)} [${dates.refused}+${dates.held} of ${dates.n}] | ${per100(stripped.refused + stripped.held, stripped.n)} [${stripped.refused}+${stripped.held} of ${stripped.n}] | ${per100(notice.refused + notice.held, notice.n)} [${notice.refused}+${notice.held} of ${notice.n}]`,
    );
    if (process.env.FOLD_THRESHOLDS === "1") console.log(`    plain thresholds by fold: ${lines.map((l) => l[0].threshold).join(" ")}`);
  }
}

function patch(rowsFile: string, gateFile: string): void {
  const rule: ThresholdRule = { q: Number(process.env.Q ?? "0"), byPage: process.env.BY === "page", margin: Number(process.env.M ?? "0.5") };
  const rows = gateRowsOf(rowsFile);
  const [plain, notices] = linesOf(rows, outOfFold(rows), rule);
  const g = JSON.parse(readFileSync(gateFile, "utf8")) as GateFile;
  const before = [g.threshold, g.refuse, g.doubt, g.notices.threshold, g.notices.refuse, g.notices.doubt];
  Object.assign(g, { threshold: plain.threshold, refuse: plain.refuse, doubt: plain.doubt });
  Object.assign(g.notices, { threshold: notices.threshold, refuse: notices.refuse, doubt: notices.doubt });
  writeFileSync(gateFile, JSON.stringify(g, null, 1));
  console.log(`${gateFile}: ${before.join(" ")} -> ${[plain.threshold, plain.refuse, plain.doubt, notices.threshold, notices.refuse, notices.doubt].join(" ")}`);
}

const EDGES = [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2];

function bands(heldFiles: readonly string[]): void {
  const line = (label: string, lows: readonly number[]) =>
    console.log(`${label} (${lows.length} rows): ${EDGES.map((e) => ((100 * lows.filter((p) => p < e).length) / lows.length).toFixed(1)).join(" ")}   [${EDGES.map((e) => lows.filter((p) => p < e).length).join(" ")}]`);
  console.log(`real text rows with the URL, per 100 under: ${EDGES.join(" ")}`);
  const held = heldFiles.flatMap((f) => (JSON.parse(readFileSync(f, "utf8")) as (Held & { url: boolean })[]).filter((r) => r.out && r.path === "text" && r.kind === "real" && r.url));
  line("tuning, held out of the fold trainings", held.map((r) => (r.probs ? Math.min(...r.probs) : Infinity)));
  let low = Infinity;
  const recording: CleanRule = {
    name: "article-gate",
    apply(doc) {
      const x = articleGateRow(doc);
      const m = articleGateModel();
      low = x ? Math.min(...(m.notices ? [m, m.notices] : [m]).map((g) => gateProbability(g, x))) : Infinity;
      articleGate.apply(doc);
    },
  };
  const rules = defaultRules.map((r) => (r.name === "article-gate" ? recording : r));
  const pages = distinctPages(loadExtraction(), loadWebpages());
  for (const half of ["tune", "check"] as const) {
    const lows = pages.filter((p) => p.half === half).map((p) => {
      low = Infinity;
      cleanArticle(devSource(`${p.id}.txt`, "text", p.text, p.url), rules);
      return low;
    });
    line(`${half === "tune" ? "tuning, committed weights (in-sample)" : "checking, committed weights"}`, lows);
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "table" && args.length > 0) table(args);
else if (mode === "patch" && args.length === 2) patch(args[0]!, args[1]!);
else if (mode === "bands") bands(args);
else throw new Error("usage: try-gate-quantile.ts table rows.json=held.json=weightsDir ... | patch gate-rows.json article-gate-text.json | bands p-fold*.json");
