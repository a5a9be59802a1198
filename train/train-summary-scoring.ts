// `npx tsx train/train-summary-scoring.ts` (run by train-same-fact.ts before train-summary-weights.ts): learns
// src/summarise/summary-scoring.json, weights for a story of one article (index.ts `learnedSingle`, used by a tuning's
// `single`; score.ts: position, positionDecay, centrality, title, directed, backward, fullLength; select.ts: lambda,
// sameFact) in place of the hand-set ones of defaultTuning. Not the default: sx78 (stop 78, docs/scaling.md) found
// them failing its decision rule by one count and leaving the lead more often than a lead-heavy set may want.
// Coordinate ascent from the hand-set weights over a fixed grid per weight, in a fixed order, rounds until no
// weight moves (at most MAX_ROUNDS). Objective: bbc-dev's TUNING half, the mean of R1, R2 and RLsum F1 (equal
// thirds) of the 3-sentence summary of each article alone (eval:summary's first figure). A move must raise the
// objective by MIN_GAIN or more (smaller rises are the half's noise) and pass these guards on the tuning half:
// - the share of summaries showing the article's first sentence not below the hand-set weights' (without it the
//   search takes the lead away: bbc-dev's references are picked across the article; LEAD_GUARD=0 searches so, for
//   measuring only);
// - every reading fault eval:summary counts in the 3-sentence summaries of bbc articles alone and of webpages-dev's
//   German, French and Spanish pages not above the hand-set weights' (`singleFaults`);
// - two-outlet bbc R1 (eval:summary's rewrites, seed 7) not below theirs, and events-dev's 100-word summaries'
//   Jensen-Shannon divergence and reading faults not above theirs: held by construction (stories of several
//   articles keep the hand-set weights), asked all the same. They read the multi-outlet weights at GUARD_SUPPORT /
//   GUARD_AGREEMENT (stop 58's learned values), fixed, so this file does not depend on summary-weights.json.
// DRAW=k (k ≥ 1): a perturbed training for measuring, the tuning articles resampled with replacement (seed k),
// written to OUT (or printed); DRAW unset is the committed training. Deterministic: the same inputs give the same file.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { summarise, type SummaryInput, type SummaryTuning } from "../src/summarise/index.ts";
import { Faults, Scores } from "../eval/lib/summary-measures.ts";
import { cleanSource } from "../src/clean/index.ts";
import { rougeLsum, rougeN, rougeTokens, type RougeScores } from "../eval/lib/rouge.ts";
import { halfOf, type Half } from "../eval/lib/split.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";
import { bbc, corpus, eventList, paragraphs, twoOutlets } from "./lib/summary-sets.ts";
import { coordinateAscent, GUARD_AGREEMENT, GUARD_SUPPORT, HAND_SET, SCORING, type ScoringWeights } from "./lib/scoring-space.ts";
import { bootstrapCounts } from "./lib/bagging.ts";
import { splitSentences, datelineLength } from "../src/text/sentences.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The least rise of the objective (ROUGE points, mean of the three) for which a weight moves. */
const MIN_GAIN = 0.05;

// The references' tokens once (eval/lib/rouge.ts `rouge` with them made beforehand: the same figures).
const references = bbc.map((r) => r.summary.split("\n").map((s) => s.trim()).filter(Boolean).map(rougeTokens));
const referenceTokens = references.map((r) => r.flat());
function rouge(summary: string[], i: number): RougeScores {
  const cand = summary.map(rougeTokens);
  const flat = cand.flat();
  return { rouge1: rougeN(flat, referenceTokens[i]!, 1), rouge2: rougeN(flat, referenceTokens[i]!, 2), rougeLsum: rougeLsum(cand, references[i]!) };
}
/** Each article's first sentence, a dateline not counted (eval:summary's Lead-3 reads the same way). */
const firsts = bbc.map((r) => {
  for (const p of paragraphs(r.text)) {
    const s = splitSentences(p.slice(datelineLength(p)))[0];
    if (s) return s.trim();
  }
  return "";
});
// webpages-dev's German, French and Spanish pages cleaned as a scrape (eval:summary's reading-fault sets).
const webpages: { id: string; inputs: SummaryInput[] }[] = [];
for (const r of readJsonl<{ id: string; url: string | null; lang?: string; text_dump: string }>(`${corpus}webpages-dev.jsonl`)) {
  if (!["de", "fr", "es"].some((p) => (r.lang ?? "").toLowerCase().startsWith(p))) continue;
  try {
    const article = cleanSource({ path: `${r.id}.txt`, format: "text", text: r.text_dump, encoding: "utf-8", mtime: new Date(0), url: r.url });
    webpages.push({ id: r.id, inputs: [{ title: article.title, text: article.paragraphs.join("\n") }] });
  } catch {
    // A page the cleaner turns away makes no story.
  }
}

/**
 * Every reading fault eval:summary counts (dangling references, dateline fragments, cut quotations, facts told
 * twice by the model and by the old rule) in the 3-sentence summaries of a half's bbc articles alone and its
 * German, French and Spanish pages.
 */
export function singleFaults(tuning: SummaryTuning, half: Half): number {
  const faults = new Faults();
  bbc.forEach((r) => {
    if (halfOf(r.id) !== half) return;
    const one = [{ title: r.title, text: r.text }];
    faults.count(summarise(one, { sentences: 3 }, tuning), one);
  });
  for (const page of webpages) if (halfOf(page.id) === half) faults.count(summarise(page.inputs, { sentences: 3 }, tuning), page.inputs);
  return faults.dangling + faults.datelines + faults.cutQuotes + faults.repeats + faults.oldRule;
}


export interface SingleFigures {
  r1: number;
  r2: number;
  rl: number;
  /** Mean of the three: the objective. */
  mean: number;
  /** Share of summaries that show the article's first sentence. */
  leadKept: number;
}

/** The summariser's tuning with `w` for stories of one article; stories of several keep the hand-set weights. */
export const tuningOf = (w: ScoringWeights, support = GUARD_SUPPORT, agreement = GUARD_AGREEMENT): SummaryTuning => ({ ...HAND_SET, support, agreement, single: { ...w } });

/** The bbc articles of a half, each as often as `counts` says (1 each without it). */
export function bbcSingle(tuning: SummaryTuning, half: Half, counts?: Map<number, number>): SingleFigures {
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  let kept = 0;
  let n = 0;
  bbc.forEach((r, i) => {
    if (halfOf(r.id) !== half) return;
    const times = counts ? (counts.get(i) ?? 0) : 1;
    if (times === 0) return;
    const summary = summarise([{ title: r.title, text: r.text }], { sentences: 3 }, tuning);
    const s = rouge(summary, i);
    r1 += times * s.rouge1.f1;
    r2 += times * s.rouge2.f1;
    rl += times * s.rougeLsum.f1;
    if (summary.some((x) => x.trim() === firsts[i])) kept += times;
    n += times;
  });
  const [a, b, c] = [r1, r2, rl].map((x) => (100 * x) / n) as [number, number, number];
  return { r1: a, r2: b, rl: c, mean: (a + b + c) / 3, leadKept: kept / n };
}

export function bbcTwo(tuning: SummaryTuning, half: Half): number {
  let sum = 0;
  let n = 0;
  bbc.forEach((r, i) => {
    if (halfOf(r.id) !== half) return;
    sum += rouge(summarise(twoOutlets[i]!, { sentences: 3 }, tuning), i).rouge1.f1;
    n++;
  });
  return (100 * sum) / n;
}

export function eventFigures(tuning: SummaryTuning, half: Half): { js: number; pyramid: number; faults: number } {
  const scores = new Scores();
  for (const [, rows] of eventList) {
    if (halfOf(String(rows[0]!.topic)) !== half) continue;
    const inputs = rows.map((a) => ({ title: a.title ?? undefined, text: a.text }));
    scores.add(summarise(inputs, { words: 100 }, tuning), inputs);
  }
  const f = scores.faults;
  return { js: scores.js / scores.n, pyramid: scores.pyramid / scores.n, faults: f.dangling + f.datelines + f.repeats };
}

/** Draw k's resample of the tuning articles (k ≥ 1): article index → times drawn. */
function resample(k: number): Map<number, number> {
  const tuning = bbc.map((r, i) => [r, i] as const).filter(([r]) => halfOf(r.id) === "tune").map(([, i]) => i);
  return bootstrapCounts(tuning, 1000 + k);
}

/**
 * `leadGuard`: a move must also keep the share of summaries that show the article's first sentence at or above
 * the hand-set weights' (the committed training: bbc-dev's references, picked across the article, would
 * otherwise take the lead away without bound; a lead-heavy set such as issue 9's CNN target asks the opposite).
 */
export function train(counts?: Map<number, number>, log: (line: string) => void = () => {}, leadGuard = true): ScoringWeights {
  const guardTwo = bbcTwo(tuningOf(HAND_SET), "tune");
  const guardEvents = eventFigures(tuningOf(HAND_SET), "tune");
  const guardFaults = singleFaults(tuningOf(HAND_SET), "tune");
  log(`guards (hand-set weights, tuning half): two-outlet R1 ≥ ${guardTwo.toFixed(2)}, events JS ≤ ${guardEvents.js.toFixed(4)}, faults ≤ ${guardEvents.faults}, single-article faults ≤ ${guardFaults}`);
  const passes = (w: ScoringWeights): boolean => {
    if (singleFaults(tuningOf(w), "tune") > guardFaults) return false;
    if (bbcTwo(tuningOf(w), "tune") < guardTwo - 1e-9) return false;
    const e = eventFigures(tuningOf(w), "tune");
    return e.js <= guardEvents.js + 1e-12 && e.faults <= guardEvents.faults;
  };
  const current: ScoringWeights = { ...HAND_SET };
  const start = bbcSingle(tuningOf(current), "tune", counts);
  let score = start.mean;
  if (leadGuard) log(`guard: first sentence shown in ≥ ${(100 * start.leadKept).toFixed(1)}% of the summaries`);
  log(`start: objective ${score.toFixed(3)}`);
  score = coordinateAscent(current, {
    score,
    minGain: MIN_GAIN,
    sideFloor: leadGuard ? start.leadKept - 1e-12 : -Infinity,
    measure: (w) => {
      const f = bbcSingle(tuningOf(w), "tune", counts);
      return { value: f.mean, side: f.leadKept };
    },
    passes,
    describe: (t) => `${t.v}:${t.value.toFixed(2)}${t.side < 1 ? `/${(100 * t.side).toFixed(0)}` : ""}`,
    log,
  });
  log(`end: objective ${score.toFixed(3)}`);
  return current;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const draw = process.env.DRAW ? Number(process.env.DRAW) : 0;
  // LEAD_GUARD=0: the search without the lead guard (a finding, never committed).
  const weights = train(draw > 0 ? resample(draw) : undefined, (line) => console.log(line), process.env.LEAD_GUARD !== "0");
  const text = `${JSON.stringify(weights, null, 2)}\n`;
  if (draw > 0 && !process.env.OUT) console.log(text);
  else writeFileSync(process.env.OUT ?? `${root}src/summarise/summary-scoring.json`, text);
  console.log(`learned: ${SCORING.map((k) => `${k} ${weights[k]}`).join(", ")}`);
}
