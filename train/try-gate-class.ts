// `npx tsx train/try-gate-class.ts ROWS text|html` (nt83, stop 83): the article gate's model class, tried on the gate
// rows one train:clean run wrote (`GATE_ROWS_OUT=ROWS` / `HTML_GATE_ROWS_OUT=ROWS npm run train:clean`, tuning halves
// only). Over the same columns and the gate's own folds, each candidate class gives both gate models (plain: learned
// without the notice rows; notices: with them, ×5) out-of-fold probabilities; each model's threshold, refusal and doubt
// lines come from its own probabilities by today's rule (gateLines); the two are combined as the gate combines them (a
// row is refused when either model refuses it, published without a doubt only when both rate it at or above their doubt
// line). Candidates: L, today's logistic row; T<r>, boosted depth-2 trees alone (r rounds); R<r>, the logistic row
// plus r shrunk depth-2 trees fitted on what it leaves (its log-odds the trees' start).
// Prints counts only (and with LIST=n the n real rows nearest the doubt line and the notice rows above it: tuning only).
import { readFileSync } from "node:fs";
import { gateLines, gateOutOfFold, type GateRow } from "./article-gate.ts";
import { gateFeatures } from "../src/clean/rules/article-gate.ts";
import { logit, type LogisticModel } from "../src/model/logistic.ts";
import { boostedLogit } from "../src/clean/boosted.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { trainBoosted } from "./lib/boost.ts";
import { FOLD_SEED, foldIn, type Path } from "./lib/clean-items.ts";

interface Stored { set: string; id: string; kind: GateRow["kind"]; y: 0 | 1; withUrl?: boolean; x: number[] }

const [file, pathArg = "text"] = process.argv.slice(2);
if (!file) throw new Error("usage: try-gate-class.ts ROWS [text|html]");
const path = pathArg as Path;
const stored = JSON.parse(readFileSync(file, "utf8")) as Stored[];
const rows: GateRow[] = stored.map((s) => ({ page: { set: s.set, id: s.id, url: s.withUrl ? "u" : null }, kind: s.kind, x: Float64Array.from(s.x), y: s.y, withUrl: s.withUrl }));
const features = [...gateFeatures(path)];
const FOLDS = 4;
const foldOfRow = (r: GateRow) => foldIn("gate", r.page.id, FOLD_SEED, FOLDS);
const NOTICE_WEIGHT = 5;
const examplesOf = (rs: readonly GateRow[]): Example[] => rs.map((r) => ({ x: r.x, y: r.y, weight: r.kind === "notice" ? NOTICE_WEIGHT : 1 }));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

type Scorer = (x: Float64Array) => number;
type Fitter = (train: readonly GateRow[]) => Scorer;

const logistic = (train: readonly GateRow[]): LogisticModel => trainLogistic(examplesOf(train), { name: "gate", features, l2: 2 });
const fitters: Record<string, Fitter> = {};
for (const rounds of [40, 120]) {
  fitters[`T${rounds}`] = (train) => {
    const m = trainBoosted(examplesOf(train), { name: "gate", features, rounds, rate: 0.1, lambda: 1, minLeaf: 10, bins: 16 });
    return (x) => boostedLogit(m, x);
  };
}
for (const rounds of [5, 15, 40]) {
  fitters[`R${rounds}`] = (train) => {
    const l = logistic(train);
    const m = trainBoosted(examplesOf(train), { name: "gate", features, rounds, rate: 0.1, lambda: 1, minLeaf: 10, bins: 16, init: train.map((r) => logit(l, r.x)) });
    return (x) => logit(l, x) + boostedLogit(m, x);
  };
}

function outOfFold(fitter: Fitter, learnNotices: boolean): number[] {
  const learned = learnNotices ? rows : rows.filter((r) => r.kind !== "notice");
  const folds = Array.from({ length: FOLDS }, (_, k) => fitter(learned.filter((r) => foldOfRow(r) !== k)));
  return rows.map((r) => sigmoid(folds[foldOfRow(r)]!(r.x)));
}

const gold = (r: GateRow) => r.y === 1 && (path === "html" || r.page.set !== "dates");

function report(name: string, plain: number[], notices: number[]): void {
  const lp = gateLines(rows, plain, path), ln = gateLines(rows, notices, path);
  const refused = (i: number) => plain[i]! < lp.refuse || notices[i]! < ln.refuse;
  const clear = (i: number) => plain[i]! >= lp.doubt && notices[i]! >= ln.doubt;
  const count = (pred: (r: GateRow, i: number) => boolean) => rows.filter((r, i) => pred(r, i)).length;
  console.log(
    `${path} ${name.padEnd(4)} lines plain ${lp.threshold}/${lp.doubt} notices ${ln.threshold}/${ln.doubt} | ` +
      `notices clear ${count((r, i) => r.kind === "notice" && clear(i))}/${count((r) => r.kind === "notice")} refused ${count((r, i) => r.kind === "notice" && refused(i))} | ` +
      `stripped clear ${count((r, i) => r.kind === "stripped" && clear(i))}/${count((r) => r.kind === "stripped")} | ` +
      `real gold under doubt ${count((r, i) => gold(r) && !clear(i))}/${count(gold)} refused ${count((r, i) => gold(r) && refused(i))} | ` +
      `real all under doubt ${count((r, i) => r.y === 1 && !clear(i))}/${count((r) => r.y === 1)}`,
  );
  const list = Number(process.env.LIST ?? "0");
  if (list > 0) {
    const margin = (i: number) => Math.min(plain[i]! / lp.doubt, notices[i]! / ln.doubt);
    const order = rows.map((_, i) => i).sort((a, b) => margin(a) - margin(b));
    for (const i of order.filter((i) => rows[i]!.y === 1).slice(0, list)) console.log(`    real ${margin(i).toFixed(2)} ${rows[i]!.page.set} ${rows[i]!.page.id.slice(0, 12)}`);
    for (const i of order.filter((i) => rows[i]!.kind === "notice" && clear(i))) console.log(`    notice clear ${margin(i).toFixed(2)} ${rows[i]!.page.id}`);
  }
}

report("L", gateOutOfFold(rows, path, false), gateOutOfFold(rows, path, true));
for (const [name, fitter] of Object.entries(fitters)) report(name, outOfFold(fitter, false), outOfFold(fitter, true));
