// `npx tsx train/try-fact-paraphrase.ts`: trial features for the same-fact model's recall on paraphrases (sf51,
// stop 51), read with the shared reader of names and numbers (src/text/names-numbers.ts): leave-one-event-out
// F1 on the tuning half's labelled pairs (train/labels/same-fact-pairs.jsonl), the model's 10 features against
// them plus each candidate. Names and numbers as the model reads them (readSentence). A trial record: nothing
// here is in the product unless train-same-fact.ts says so.
import { fileURLToPath } from "node:url";
import { factPairs, FACT_FEATURES } from "../src/summarise/index.ts";
import { readSentence, type SentenceMentions } from "../src/text/names-numbers.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { eventStories, harderStories } from "./lib/fact-pairs.ts";
import { logit } from "../src/model/logistic.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
interface Labelled { id: string; event: string; same: 0 | 1; a: string; b: string }
const labels = readJsonl<Labelled>(`${root}train/labels/same-fact-pairs.jsonl`);
const events = new Map([...eventStories(`${corpus}events-dev.jsonl`, "tune").filter((s) => s.id === s.event), ...harderStories(`${corpus}bbc-dev.jsonl`, "tune")].map((s) => [s.event, s.inputs]));
const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).length;
const cover = (a: readonly string[], b: readonly string[]) => (a.length && b.length ? shared(a, b) / Math.min(a.length, b.length) : 0);

const EXTRA: Record<string, (x: number[], a: SentenceMentions, b: SentenceMentions) => number> = {
  "names-cover": (_, a, b) => cover(a.names, b.names),
  "numbers-cover": (_, a, b) => cover(a.numbers, b.numbers),
  "agree-other-words": (x, a, b) => (shared(a.names, b.names) + shared(a.numbers, b.numbers) > 0 ? 1 - x[0]! : 0),
  "names-cover-other-words": (x, a, b) => cover(a.names, b.names) * (1 - x[0]!),
  "actors-and-figures": (_, a, b) => (shared(a.names, b.names) > 0 && shared(a.numbers, b.numbers) > 0 ? 1 : 0),
};

const rows = labels.map((l) => {
  const inputs = events.get(l.event)!;
  return { ...l, x: factPairs([l.a, l.b], inputs)[0]!.features, ma: readSentence(l.a), mb: readSentence(l.b) };
});

function loeo(features: (r: (typeof rows)[number]) => number[], names: string[]) {
  const options = { name: "trial", features: names, l2: 1 };
  const held = new Map<string, number>();
  const ex = (rs: typeof rows): Example[] => rs.map((r) => ({ x: features(r), y: r.same }));
  for (const event of new Set(rows.map((r) => r.event))) {
    const m = trainLogistic(ex(rows.filter((r) => r.event !== event)), options);
    for (const r of rows) if (r.event === event) held.set(r.id, 1 / (1 + Math.exp(-logit(m, features(r)))));
  }
  let best = { t: 0, f1: 0, p: 0, r: 0 };
  for (let t = 0.2; t <= 0.8001; t += 0.025) {
    let tp = 0, fp = 0, fn = 0;
    for (const r of rows) {
      const said = held.get(r.id)! >= t;
      if (said && r.same) tp++;
      else if (said) fp++;
      else if (r.same) fn++;
    }
    const p = tp / Math.max(1, tp + fp), rc = tp / Math.max(1, tp + fn), f1 = (2 * p * rc) / Math.max(1e-9, p + rc);
    if (f1 > best.f1 + 1e-12) best = { t, f1, p, r: rc };
  }
  return best;
}
const fmt = (b: ReturnType<typeof loeo>) => `t ${b.t.toFixed(3)} P ${b.p.toFixed(3)} R ${b.r.toFixed(3)} F1 ${b.f1.toFixed(3)}`;
console.log(`base (${FACT_FEATURES.length} features): ${fmt(loeo((r) => r.x, [...FACT_FEATURES]))}`);
for (const [name, f] of Object.entries(EXTRA)) console.log(`+ ${name}: ${fmt(loeo((r) => [...r.x, f(r.x, r.ma, r.mb)], [...FACT_FEATURES, name]))}`);
if (process.env.MISSES) {
  const options = { name: "trial", features: [...FACT_FEATURES], l2: 1 };
  for (const event of new Set(rows.map((r) => r.event))) {
    const m = trainLogistic(rows.filter((r) => r.event !== event).map((r) => ({ x: r.x, y: r.same })), options);
    for (const r of rows) {
      if (r.event !== event || !r.same) continue;
      const p = 1 / (1 + Math.exp(-logit(m, r.x)));
      if (p < 0.275) console.log(`${p.toFixed(2)} shared ${r.x[0]!.toFixed(2)} names ${r.ma.names.join(",")} / ${r.mb.names.join(",")} numbers ${r.ma.numbers.join(",")} / ${r.mb.numbers.join(",")}\n  A ${r.a}\n  B ${r.b}`);
    }
  }
}
