// `npx tsx train/try-outlet-errors.ts [model.json]`: mn59 (issue 9): the few-outlets draws' (eval:merge, events-dev
// as Multi-News-style days) TUNING half only: the true pairs clustering leaves apart and the wrong pairs it makes,
// by the pair model's and the context model's probability and by how they were joined (the pair model alone at
// the bar, lifted there by context, chained through others), with the mean pair features of each kind; and
// whether the same two reports are together when events-dev is clustered whole (their events' full coverage).
// SHOW=n lists n of each kind (headlines, probabilities, features).
import { fileURLToPath } from "node:url";
import { contextEdges, defaultClusterOptions, groupArticles, pairEdges, PAIR_FEATURES, scoredCandidates } from "../src/cluster/index.ts";
import { contextFeatures, windowCrowds } from "../src/cluster/context.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { buildEventsSet, outletDraws, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";
import { mergeModelsFrom, withTrialColumns } from "./lib/merge-sweep.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const models = mergeModelsFrom(process.argv[2]);
const SHOW = Number(process.env.SHOW ?? 0);
const HALF = process.env.HALF === "check" ? "check" : "tune";
const bar = models.decision.threshold;

interface Clustered {
  label: string[];
  order: string[];
  pairP: Map<string, number>;
  contextP: Map<string, number>;
  features: Map<string, number[]>;
}
const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
function cluster(items: LabelledArticle[]): Clustered {
  const scored = withTrialColumns(scoredCandidates(items.map((x) => x.article), defaultClusterOptions), models.pair.features);
  const edges = pairEdges(scored, models.pair);
  const n = scored.order.length;
  const weighed = contextEdges(n, edges, models.context, contextFeatures(n, edges, windowCrowds(scored.spans.map((s) => dayOrNull(s.first)), defaultClusterOptions.windowDays)));
  const label = new Array<string>(n);
  for (const g of groupArticles(scored.spans, weighed, models.decision, defaultClusterOptions.windowDays, scored.profiles)) for (const m of g.members) label[m] = String(g.members[0]);
  const order = scored.order.map((a) => a.path);
  const table = (e: typeof edges) => new Map(Array.from({ length: e.length }, (_, k) => [key(order[e.a[k]!]!, order[e.b[k]!]!), e.weight[k]!] as const));
  const features = new Map<string, number[]>();
  for (let k = 0; k < scored.pairs.length; k++) features.set(key(order[scored.pairs.a[k]!]!, order[scored.pairs.b[k]!]!), Array.from(scored.features.subarray(k * scored.width, k * scored.width + PAIR_FEATURES.length)));
  return { label, order, pairP: table(edges), contextP: table(weighed), features };
}

const whole = buildEventsSet(corpus("events-dev.jsonl"));
const wholeRun = cluster(whole);
const wholeLabel = new Map(wholeRun.order.map((p, i) => [p, wholeRun.label[i]!]));
const original = (path: string) => `events/${path.split("/").slice(2).join("/")}`;

type Kind = "missed" | "found" | "wrong" | "apart";
const count = new Map<string, number>();
const sums = new Map<Kind, { n: number; f: number[] }>();
const shown = new Map<Kind, number>();
const bucket = (p: number | undefined) => (p === undefined ? "not an edge" : p < 0.05 ? "<0.05" : p < 0.2 ? "0.05-0.2" : p < bar ? `0.2-${bar}` : `>=${bar}`);
const tally = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
outletDraws(corpus("events-dev.jsonl")).forEach((items, d) => {
  const run = cluster(items);
  const idx = new Map(run.order.map((p, i) => [p, i]));
  const mine = items.filter((x) => halfOf(x.splitKey) === HALF);
  for (let i = 0; i < mine.length; i++) {
    for (let j = i + 1; j < mine.length; j++) {
      const [x, y] = [mine[i]!, mine[j]!];
      const same = x.gold === y.gold;
      if (!same && x.topic !== y.topic && run.label[idx.get(x.article.path)!] !== run.label[idx.get(y.article.path)!]) continue;
      const together = run.label[idx.get(x.article.path)!] === run.label[idx.get(y.article.path)!];
      const kind: Kind = same ? (together ? "found" : "missed") : together ? "wrong" : "apart";
      const k = key(x.article.path, y.article.path);
      const [p, c] = [run.pairP.get(k), run.contextP.get(k)];
      const inWhole = wholeLabel.get(original(x.article.path)) === wholeLabel.get(original(y.article.path));
      tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} pair ${bucket(p).padEnd(11)}`);
      tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} ctx  ${bucket(c).padEnd(11)}`);
      tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} whole events-dev ${inWhole ? "together" : "apart"}`);
      if (kind === "missed") tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} how: ${p === undefined ? "no edge" : (c ?? 0) >= bar ? "linked at the bar, kept apart by the decision" : p >= bar ? "pair model at the bar, context lowers it" : (c ?? 0) > p ? "below the bar, context lifts it, not enough" : "below the bar, context lowers it further"}`);
      if (kind === "wrong") tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} topic ${x.topic}`);
      if (kind === "wrong") tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} how: ${(p ?? 0) >= bar ? "pair model at the bar" : (c ?? 0) >= bar ? "lifted by context" : "chained through others"}`);
      const f = run.features.get(k);
      // Stated-time conflicts (the agreement columns at -1: both state some, none shared), by kind of pair.
      if (f && (kind === "found" || kind === "wrong")) for (const col of ["days", "weekdays", "years", "months"] as const) if (f[PAIR_FEATURES.indexOf(col)] === -1) tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} conflict ${col}`);
      if (f && (kind === "found" || kind === "wrong") && ["days", "weekdays", "years", "months"].some((col) => f[PAIR_FEATURES.indexOf(col as (typeof PAIR_FEATURES)[number])] === -1)) tally(`${kind.padEnd(6)} ${d % 2 ? "both" : "one "} conflict any`);
      if (f) {
        const s = sums.get(kind) ?? sums.set(kind, { n: 0, f: f.map(() => 0) }).get(kind)!;
        s.n++;
        f.forEach((v, q) => (s.f[q]! += v));
      }
      if ((kind === "missed" || kind === "wrong") && (shown.get(kind) ?? 0) < SHOW) {
        shown.set(kind, (shown.get(kind) ?? 0) + 1);
        console.log(`${kind} draw ${d}: pair ${(p ?? 0).toFixed(2)} ctx ${(c ?? 0).toFixed(2)}; whole events-dev ${inWhole ? "together" : "apart"}`);
        console.log(`   A ${x.article.path}: ${x.article.title.slice(0, 90)}`);
        console.log(`   B ${y.article.path}: ${y.article.title.slice(0, 90)}`);
        if (f) console.log(`   ${PAIR_FEATURES.map((n, q) => `${n} ${f[q]!.toFixed(2)}`).join(", ")}`);
      }
    }
  }
});
console.log(`few-outlets draws, ${HALF} half: true pairs found / missed, wrong pairs made / look-alike pairs kept apart (one topic, two events), by probability`);
for (const [k, v] of [...count].sort()) console.log(`  ${k} ${v}`);
console.log("mean pair features (candidate pairs only):");
console.log(`  ${"".padEnd(8)}${PAIR_FEATURES.map((f) => f.slice(0, 8).padStart(9)).join("")}`);
for (const [kind, s] of [...sums].sort()) console.log(`  ${kind.padEnd(8)}${s.f.map((v) => (v / s.n).toFixed(2).padStart(9)).join("")}  (${s.n})`);
