// `npx tsx train/train-same-fact.ts`: learns the same-fact model of src/summarise (same-fact-model.json):
// whether two sentences of a merged story state one fact in two outlets' words. Then, since selection asks
// that model, the single-article scoring weights (summary-scoring.json, train/train-summary-scoring.ts), the
// merged-story scoring weights (summary-merged.json, train/train-summary-merged.ts) and the weights of what several outlets report (summary-weights.json, train/train-summary-weights.ts), each in a process
// of its own that reads the files just written; not when OUT sends the model elsewhere (a trial).
//
// Labels: train/labels/same-fact-pairs.jsonl, 380 sentence pairs of the TUNING halves, read and labelled by
// hand (su50, stop 50). 300 of events-dev (ECB+, CC BY 3.0; see ../shared/corpus/ECBPLUS-LICENSE.txt): 210
// drawn from the summaries the summariser of 6947131 made (3 sentences, 100 and 150 words) of each event's
// coverage and of seeded subsets of 2-5 of its outlets (train/lib/fact-pairs.ts), 90 from two outlets'
// opening sentences. 80 of bbc-dev's harder set (a story told by two outlets sharing no sentence, the two
// halves of one article): the summaries' pairs, 60 of them the model's first version took for one fact. A pair is
// one fact (same: 1) when the main point of one sentence is already told by the other ("Microsoft has
// released an emergency patch to fix a flaw…" / "Microsoft has issued a security patch to fix a critical
// vulnerability…"; "Tara Reid has entered a rehab program…" / "The actress… decided to check in last week");
// not when one only elaborates what the other presupposes ("A 6.1 quake struck Aceh…" / "The quake hit
// inland at 0737 GMT at a depth of 10 km…"), nor for two facts of one event. 103 of 380 are one fact
// (93 of events-dev's 300, 10 of the harder set's 80).
// Features: src/summarise/same-fact.ts (shared terms and their IDF share in the story, the IDF the shorter
// sentence adds, shared and unshared names, shared and disagreeing numbers, lengths), computed in the
// whole event's coverage as the summariser computes them. Logistic regression (L2 1); the threshold is the
// one with the best F1 over leave-one-event-out predictions of the tuning labels. The checking half has no
// labels: eval:summary reports the model's counts on both halves.
// Results (su50): leave one event out, threshold 0.30: P 0.585 R 0.738 F1 0.652 (at 0.5: P 0.645 R 0.476).
// The rule eval:summary counted with before (content-word containment >= 0.6) finds 1 of the 103: P 1.0 R 0.01.
// Tried and not kept (leave-one-event-out F1): without the openings feature 0.686 → 0.714 on events' pairs alone
// (it is kept: +0.03); the IDF the shorter sentence adds (log) instead of the cosine 0.638 against 0.632; the
// share of each sentence's first 5 terms in the other 0.628 (no gain). Ordinals read as numbers ("eleventh" as
// "11th" is): 0.632 → 0.652. The selection's bar was tried at 0.2-0.6 on the tuning half (eval:summary with
// the bar changed): 0.30 gives the most pyramid (0.519) and harder-set R1 (52.21), with the fewest repeats.
// The less supported of the two by the other outlets' openings (score.ts crossSupport) as an 11th feature:
// 0.652 → 0.656, not kept (it would need the support array in selection).
// What it does to summaries (su50, against 6947131, tune . check): read by hand, blind and shuffled
// (train/labels/summary-readings.jsonl, the digest's own 3 sentences of each event's whole coverage), the
// summaries telling a fact twice 27/28 → 12/28 . 13/14 → 7/14; what is left is mostly paraphrase the features
// cannot see (shared-terms 0.1-0.25: "the actor to play the eleventh Doctor was none other than Matt Smith" /
// "A relative unknown will take over the title role of Doctor Who… the 11th time lord", p 0.13-0.25).
// eval:summary: bbc-dev unchanged (single-outlet stories never ask the model; its two-outlet copies are one
// article's sentences); events 100 words pyramid 0.488 → 0.519 . 0.550 → 0.575, JS 0.4831 → 0.4694 . 0.4974 →
// 0.4897; shared facts told (SharedFacts) 80.8% → 90.4% . 92.6% → 96.3%; bbc harder pairs R1 51.43 → 52.21 .
// 50.43 → 49.99 (per story +0.78 se 0.54 . -0.44 se 0.41: the checking half's fall is within its noise, but
// a gap between the halves). The model's own counts after the change are circular (it selects): 1/28 . 0/14.
//
// Stop 51 (sf51): the sketch reads a sentence's names and numbers with the shared reader (src/text/names-numbers.ts,
// readSentence; the clustering's mentions.ts reads through the same rules), not rules of its own: no weekday,
// month or title is a name ("Friday", "Gov."); a sentence's first word is a name unless the sentence writes it in
// lower case (the shared sentence-start rule with the sentence as the text; before: when the second word was
// capitalised too); numbers as the clustering writes them ("6.1", "2000"; before "61"), number words as before.
// Leave one event out: best F1 0.652 (t 0.30) → 0.644 (t 0.225; P 0.521 R 0.845); at 0.30 P 0.585 R 0.738 F1
// 0.652 → P 0.556 R 0.728 F1 0.630: within the noise of 103 positives (one pair is ±0.005), not better. The bar
// written is 0.30 (BAR below), chosen on the tuning half's eval:summary: LOEO's 0.225 gave pyramid 0.505 and
// harder R1 51.13 against 0.517 and 52.21 at 0.30. eval:summary tune . check, before → after: bbc-dev unchanged
// (R1 50.57 . 50.31; Lead-3 44.00 . 42.31); events pyramid 0.519 → 0.517 . 0.575 → 0.570, JS 0.4694 → 0.4729 .
// 0.4897 → 0.4898; shared facts told 90.4% → 96.3% . 96.3% → 92.9% (the count of shared facts is the model's
// own: 52 → 54 . 27 → 28); harder R1 52.21 → 52.21 . 49.99 → 50.04. Read blind (train/read-summaries.ts: the 7
// summaries no earlier reading had, shuffled, both halves; recorded as summariser "sf51"): telling a fact
// twice 12/28 → 13/28 . 7/14 → 7/14 (one reader's borderline call: two sentences on the second climber's death).
// Measured and dropped: the sentence-start rule read over the story's sentences (LOEO 0.645 at t 0.275; pyramid
// 0.514 . 0.571, JS 0.4729 . 0.4941, harder R1 51.82 . 49.92) or over the sentence's article, as the clustering
// reads it (LOEO 0.640): 1.7-1.8x the summariser's CPU on events-dev stories (the other articles' every word
// read), for no better detector. For paraphrase recall, features from the shared reader
// (train/try-fact-paraphrase.ts, LOEO F1 against 0.644): the share of the fewer names the other has 0.642, of
// the numbers 0.635, names or numbers agreeing while the words differ (1 - shared-terms) 0.645, names agreeing
// × other words 0.639, names and numbers both agreeing 0.640: none beyond the noise, none kept (the checking
// half has no labelled pairs to confirm a gain). The misses left are paraphrase with other names for one actor
// (AMD / Advanced Micro Devices, IE / Internet Explorer, "The Thick of It actor" / Peter Capaldi) and pairs
// whose second sentence only says the event again in few words ("She's in rehab right now.").
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { factPairs, FACT_FEATURES } from "../src/summarise/index.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { eventStories, harderStories } from "./lib/fact-pairs.ts";
import { logit } from "../src/model/logistic.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
interface Labelled {
  id: string;
  event: string;
  origin: string;
  same: 0 | 1;
  a: string;
  b: string;
}
const labels = readJsonl<Labelled>(`${root}train/labels/same-fact-pairs.jsonl`);
const events = new Map([...eventStories(`${corpus}events-dev.jsonl`, "tune").filter((s) => s.id === s.event), ...harderStories(`${corpus}bbc-dev.jsonl`, "tune")].map((s) => [s.event, s.inputs]));
const rows = labels.map((l) => {
  const inputs = events.get(l.event);
  if (!inputs) throw new Error(`${l.id}: not an event of the tuning half`);
  return { ...l, x: factPairs([l.a, l.b], inputs)[0]!.features };
});
const options = { name: "summarise/same-fact", features: [...FACT_FEATURES], l2: 1 };
const examples = (rs: typeof rows): Example[] => rs.map((r) => ({ x: r.x, y: r.same }));

// Leave one event out: every label's probability from a model that never saw its event.
const held = new Map<string, number>();
for (const event of new Set(rows.map((r) => r.event))) {
  const m = trainLogistic(examples(rows.filter((r) => r.event !== event)), options);
  for (const r of rows) if (r.event === event) held.set(r.id, 1 / (1 + Math.exp(-logit(m, r.x))));
}
const score = (t: number, p: (r: (typeof rows)[number]) => boolean) => {
  let tp = 0, fp = 0, fn = 0;
  for (const r of rows) {
    const said = p(r) ;
    if (said && r.same) tp++;
    else if (said) fp++;
    else if (r.same) fn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { t, tp, fp, fn, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
};
let best = score(0.5, (r) => held.get(r.id)! >= 0.5);
for (let t = 0.2; t <= 0.8001; t += 0.025) {
  const s = score(t, (r) => held.get(r.id)! >= t);
  if (s.f1 > best.f1 + 1e-12) best = s;
}
const fmt = (s: ReturnType<typeof score>) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`;
console.log(`${rows.length} labelled pairs, ${rows.filter((r) => r.same).length} one fact`);
console.log(`leave-one-event-out, threshold ${best.t.toFixed(3)}: ${fmt(best)}`);
console.log(`leave-one-event-out, threshold 0.5: ${fmt(score(0.5, (r) => held.get(r.id)! >= 0.5))}`);
// The rule eval:summary counted with before (most content words of the shorter sentence in the other).
const { sameFact } = await import("../eval/lib/summary-measures.ts");
console.log(`old rule (content-word containment >= 0.6): ${fmt(score(0, (r) => sameFact(r.a, r.b)))}`);

// The selection's bar: chosen on the tuning half's eval:summary (see the header; sf51), not the best F1 leaving
// one event out, which is flat from 0.225 to 0.30 on 103 positive pairs.
const BAR = 0.3;
console.log(`leave-one-event-out, threshold ${BAR} (the bar written): ${fmt(score(BAR, (r) => held.get(r.id)! >= BAR))}`);
const model = { ...trainLogistic(examples(rows), { ...options, trainedOn: `${rows.length} hand-labelled sentence pairs of events-dev's tuning half (train/labels/same-fact-pairs.jsonl); threshold: the selection's bar, chosen on the tuning half's eval:summary` }), threshold: BAR };
writeFileSync(process.env.OUT ?? `${root}src/summarise/same-fact-model.json`, `${JSON.stringify(model, null, 2)}\n`);
console.log(model.features.map((f, i) => `${f} ${model.weights[i]!.toFixed(3)}`).join(", "), `bias ${model.bias.toFixed(3)}`);

if (process.env.OUT === undefined) {
  // The single-article and the merged-story scoring weights first (their guards read the model just written), then
  // the multi-outlet ones on top.
  for (const script of ["train-summary-scoring.ts", "train-summary-merged.ts", "train-summary-weights.ts"]) {
    const run = spawnSync(process.execPath, [...process.execArgv, `${root}train/${script}`], { stdio: "inherit" });
    if (run.status !== 0) throw new Error(`train/${script} failed (exit ${run.status})`);
  }
}
