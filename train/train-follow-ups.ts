// `npx tsx train/train-follow-ups.ts`: learns the follow-up model of src/cluster (follow-up-model.json):
// whether a later story is the next telling of an earlier one, or only a story of the same kind (GM
// recalls cars, then BMW does). Stop 51 (fu51), issue 9 item 4.
//
// Pairs: every (later story, earlier story) pair the follow-up step weighs (src/cluster/followups.ts: key
// terms shared, further back than the merge window, within 60 days) above a centroid cosine of FLOOR 0.1,
// after clustering each set as the build does. A pair is true when the two stories hold one true story.
// Tuning halves only (eval/lib/split.ts: BBC id, events-dev topic); the checking halves are only reported.
// Sets (no dev set holds real follow-ups; each is a proxy):
//   harder +21     bbc-dev's harder set (a story told twice, no sentence shared), the second telling 21 days
//                  later: train/try-follow-up-bar.ts's proxy, built one half at a time;
//   harder copies  the same with every third telling given one or two outlets' rewrites on its day, half the
//                  stories told only later (their later telling follows nothing: most stories of a day are
//                  not follow-ups, and a look-alike is all such a story can be linked to) and second
//                  tellings 3-45 days later;
//   events 1-3     three layouts of events-dev (ECB+): each event's reports split, half on its day and half
//                  3-10 days later (one event told again: true), a topic's look-alike second event 3-16 days
//                  after the first (two earthquakes: never one running story).
// Features (src/cluster/follow-up-features.ts, none names a site or page): the word centroids' cosine, the
// shared key weight, the names centroids' cosine, how much of each story's actors (the rarest lead names)
// and lead names the other story names, shared numbers, and both stories' sizes (log). Logistic regression
// (L2 1, signs held: evidence for stays for, a conflict stays against); the bar is the best F1 of the links
// the tuning sets get (each later story's likeliest pair above the product's floor 0.2), halfway to the next
// probability seen.
//
// Results (stop 51, fu51), links made / possible (false links), F1; before = cosine > 0.2 alone:
//                    tuning                               checking
//   harder +21       169/182 (1) 96.0 -> 166/182 (1) 95.1   182/192 (1) 97.1 -> 182/192 (1) 97.1
//   harder copies     89/99 (21) 85.2 ->  84/99 (18) 83.6    90/102 (25) 82.9 ->  86/102 (17) 83.9
//   events 1         39/41 (14) 83.0 ->  37/41 (5) 89.2      21/25 (10) 75.0 ->  21/25 (3) 85.7
//   events 2         40/41 (13) 85.1 ->  40/41 (3) 95.2      21/22 (9) 80.8  ->  21/22 (3) 91.3
//   events 3         46/47 (14) 86.0 ->  46/47 (7) 92.0      21/22 (9) 80.8  ->  20/22 (3) 88.9
//   all sets        383/410 (63) 89.5 -> 373/410 (34) 91.3   335/363 (54) 89.1 -> 330/363 (27) 91.7
// train/try-follow-up-bar.ts (the harder set whole, both halves in one build): 174/214 (2) F1 89.2 . 191/224
// (2) 91.6 -> 169/214 (5) 87.1 . 189/224 (3) 90.9: on the bbc proxy alone the model is no better than the
// cosine (a few true links lost, a few false made); the look-alike events are where it gains.
// scripts/soak-stability.ts --seeds 5 (last builds' links; "unrelated": no common events-dev topic, so any
// two bbc stories, many of them a real running story: Yukos, UKIP, Clijsters; "look-alike": a topic's two
// events): tune 406 links (327 unrelated, 79 look-alike) -> 262 (235, 27); check 340 (296, 44) -> 253 (239,
// 14); follow-up changes 41 -> 30, 44 -> 36; every other count as before. Read by hand (tune, stream 50,
// train/try-follow-up-links.ts): 82 links -> 48; of the 39 removed, 11 join a topic's look-alike events
// (Tara Reid's rehab -> Lindsay Lohan's; the West Papua quake -> the Aceh quake; two Colts games) and 28
// two bbc stories, nearly all of the same kind of news only (spam, then spam shoppers; US jobs, then UK
// jobless; two rugby squads); 5 links go to another earlier story (Japan's recession -> Japan's output
// rather than the UK trade gap). Some kept are look-alikes still (Japan's output -> Australia's rates).
// Tried and not kept (all sets' F1, tuning . checking, against 91.3 . 91.7): without the sizes 88.0 . 89.7
// (a centroid of more reports holds more names, so two large stories' names cover each other whatever they
// are about: the sizes weigh that); with the day gap 90.9 . 91.2 (its weight came from the layouts' gaps, not
// from news); the headline-and-lead cosine, actor conflict and each story's protagonists (names half its
// reports give) missing in the other held at 0 by their signs (no gain beyond the names and actors); every
// set weighted alike (BALANCE=1) worse on both; without the lone stories and copies (bar 0.145) tuning's
// harder copies 83.6 -> 87.4 but soak links 283 (248 unrelated), not fewer. L2 0.1 and 10: within 0.3.
// A floor of 0.1 or 0.15 under the model (defaultClusterOptions.followUpThreshold, src/cluster/index.ts)
// finds more true follow-ups on the harder proxy (try-follow-up-bar: 175 . 194, 176 . 192) but more false
// links in the copies set (41 . 33 at 0.1): the floor stays 0.2.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { clusterArticles, defaultClusterOptions, type ClusterOptions } from "../src/cluster/index.ts";
import type { FollowUpOptions } from "../src/cluster/followups.ts";
import { FOLLOW_UP_FEATURES, FOLLOW_UP_SIGNS } from "../src/cluster/follow-up-features.ts";
import { probability, type LogisticModel } from "../src/model/logistic.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import type { DatedArticle } from "../src/types.ts";
import { addDays } from "../src/text/dates.ts";
import { buildEventsSet, buildSplitSet, dated, rewrite } from "../eval/lib/merge-set.ts";
import { random } from "../eval/lib/random.ts";
import { HALVES, halfOf, type Half } from "../eval/lib/split.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";

const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const OUT = process.env.OUT ?? fileURLToPath(new URL("../src/cluster/follow-up-model.json", import.meta.url));
/** Pairs above this centroid cosine are collected (the product's floor, defaultClusterOptions.followUpThreshold, is 0.2). */
const FLOOR = Number(process.env.FLOOR ?? "0.1");
/** The share of the harder set's stories told only once, later (see splitSet). */
const LONE = Number(process.env.LONE ?? "0.5");
const L2 = Number(process.env.L2 ?? "1");
/** Features left out (a trial: their values held at 0). */
const DROP = (process.env.DROP ?? "").split(",").filter(Boolean);

interface Labelled {
  article: DatedArticle;
  gold: string;
}

/**
 * bbc-dev's harder set of one half: each story told twice with no sentence shared, the second telling
 * `gap(id)` days later. `copies`: every third telling gets one or two other outlets' rewrites on its day
 * (as eval:merge's bbc set), so that a story's size says nothing of which set it comes from. `lone`:
 * the share of stories whose first telling is left out, so that their later telling follows nothing (as
 * most stories of a day: a follow-up is the exception, and a look-alike is all such a story can be linked to).
 */
function splitSet(half: Half, gap: (id: string) => number, copies = false, lone = 0): Labelled[] {
  const rand = random(5151);
  const alone = random(5152);
  const dropped = new Set<string>();
  return buildSplitSet(`${corpus}bbc-dev.jsonl`)
    .filter((x) => halfOf(x.splitKey) === half)
    .flatMap((x) => {
      if (x.kind === "original" && alone() < lone) dropped.add(x.gold);
      if (dropped.has(x.gold) && x.kind === "original") return [];
      const day = x.kind === "rewrite" ? addDays(x.article.evidence.date!, gap(x.gold)) : x.article.evidence.date!;
      const out = [{ gold: x.gold, article: dated(x.article.path, x.article.title, x.article.paragraphs, day) }];
      if (copies && rand() < 1 / 3) {
        const n = rand() < 0.5 ? 2 : 1;
        for (let c = 0; c < n; c++) {
          const w = rewrite(x.article.paragraphs, rand, c === 0 ? 0.4 : 0.75);
          out.push({ gold: x.gold, article: dated(x.article.path.replace(/\.txt$/, `-copy${c}.txt`), w.title, w.paragraphs, day) });
        }
      }
      return out;
    });
}

/**
 * events-dev's topics of one half over some 120 days: each of a topic's two look-alike events has its
 * reports split, the first half on its day and the rest 3-10 days later (one event told again: a true
 * follow-up); the topic's second event starts 3-16 days after the first (a look-alike: never one).
 */
function eventsSet(half: Half, seed: number): Labelled[] {
  const r = random(seed);
  const rows = buildEventsSet(`${corpus}events-dev.jsonl`).filter((x) => halfOf(x.splitKey) === half);
  const topics = new Map<string, Map<string, typeof rows>>();
  for (const x of rows) {
    const t = topics.get(x.splitKey) ?? new Map<string, typeof rows>();
    t.set(x.gold, [...(t.get(x.gold) ?? []), x]);
    topics.set(x.splitKey, t);
  }
  const out: Labelled[] = [];
  for (const topic of [...topics.keys()].sort()) {
    let start = Math.floor(r() * 100);
    for (const event of [...topics.get(topic)!.keys()].sort()) {
      const reports = [...topics.get(topic)!.get(event)!].sort((a, b) => (a.article.path < b.article.path ? -1 : 1));
      for (let i = reports.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [reports[i], reports[j]] = [reports[j]!, reports[i]!];
      }
      const later = 3 + Math.floor(r() * 8);
      reports.forEach((x, i) => {
        const day = addDays("2024-01-01", start + (i < Math.ceil(reports.length / 2) ? 0 : later));
        out.push({ gold: x.gold, article: dated(x.article.path, x.article.title, x.article.paragraphs, day) });
      });
      start += 3 + Math.floor(r() * 14);
    }
  }
  return out;
}

/** A stand-in model while pairs are collected (the committed one may be out of date): it links nothing. */
const COLLECTING: LogisticModel = { name: "collecting", features: [...FOLLOW_UP_FEATURES], mean: FOLLOW_UP_FEATURES.map(() => 0), scale: FOLLOW_UP_FEATURES.map(() => 1), weights: FOLLOW_UP_FEATURES.map(() => 0), bias: 0, threshold: 1 };

interface Pair {
  later: number;
  x: Float64Array;
  y: 0 | 1;
}

interface Collected {
  pairs: Pair[];
  /** Later stories that have a true earlier story within reach (a follow-up a perfect model would link). */
  possible: number;
}

/** Clusters the set as the build does and collects every pair the follow-up step weighs, labelled by the stories' golds. */
function collect(set: readonly Labelled[]): Collected {
  const goldOf = new Map(set.map((x) => [x.article.path, x.gold]));
  const seen: Array<{ later: number; earlier: number; x: Float64Array }> = [];
  const options: ClusterOptions & FollowUpOptions = { ...defaultClusterOptions, followUpThreshold: FLOOR, followUpModel: COLLECTING, onFollowUpPair: (later, earlier, x) => seen.push({ later, earlier, x: x.slice() }) };
  const clusters = clusterArticles(set.map((x) => x.article), options);
  const golds = clusters.map((c) => new Set(c.members.map((m) => goldOf.get(m.path)!)));
  const first = clusters.map((c) => Math.min(...c.members.map((m) => dayOrNull(m.evidence.date)!)));
  const pairs = seen.map((p): Pair => ({ later: p.later, x: dropped(p.x), y: [...golds[p.later]!].some((g) => golds[p.earlier]!.has(g)) ? 1 : 0 }));
  let possible = 0;
  const byGold = new Map<string, number[]>();
  clusters.forEach((_, s) => {
    for (const g of golds[s]!) byGold.set(g, [...(byGold.get(g) ?? []), s]);
  });
  clusters.forEach((_, s) => {
    const reach = (e: number) => first[e]! < first[s]! - defaultClusterOptions.windowDays && first[e]! >= first[s]! - defaultClusterOptions.followUpDays;
    if ([...golds[s]!].some((g) => byGold.get(g)!.some(reach))) possible++;
  });
  return { pairs, possible };
}

function dropped(x: Float64Array): Float64Array {
  for (const name of DROP) x[FOLLOW_UP_FEATURES.indexOf(name as (typeof FOLLOW_UP_FEATURES)[number])] = 0;
  return x;
}

/** Each later story's chosen earlier one (the first likeliest of its pairs above `floor` in cosine): its score and whether it is true. */
function chosen(c: Collected, score: (x: Float64Array) => number, floor: number): Array<{ p: number; y: 0 | 1 }> {
  const best = new Map<number, { p: number; y: 0 | 1 }>();
  for (const pair of c.pairs) {
    if (!(pair.x[0]! > floor)) continue;
    const p = score(pair.x);
    const was = best.get(pair.later);
    if (!was || p > was.p) best.set(pair.later, { p, y: pair.y });
  }
  return [...best.values()];
}

interface Figures {
  right: number;
  wrong: number;
  possible: number;
  f1: number;
}

function figures(links: ReadonlyArray<{ p: number; y: 0 | 1 }>, possible: number, bar: number): Figures {
  const kept = links.filter((l) => l.p > bar);
  const right = kept.filter((l) => l.y === 1).length;
  const wrong = kept.length - right;
  return { right, wrong, possible, f1: (2 * right) / Math.max(1, kept.length + possible) };
}

const sum = (xs: readonly Figures[]): Figures => {
  const right = xs.reduce((t, x) => t + x.right, 0);
  const wrong = xs.reduce((t, x) => t + x.wrong, 0);
  const possible = xs.reduce((t, x) => t + x.possible, 0);
  return { right, wrong, possible, f1: (2 * right) / Math.max(1, right + wrong + possible) };
};

const show = (f: Figures) => `${f.right}/${f.possible} (false ${f.wrong}) F1 ${(100 * f.f1).toFixed(1)}`;

/**
 * The sets a half is trained and measured on: the harder set as train/try-follow-up-bar.ts lays it out
 * (every second telling 21 days later), the harder set with outlets' copies, half its stories told only
 * later and second tellings 3-45 days later, and three draws of events-dev's layout.
 */
function trainingSets(half: Half): Array<{ name: string; set: Labelled[] }> {
  const r = random(51);
  const gaps = new Map<string, number>();
  const gap = (id: string) => {
    if (!gaps.has(id)) gaps.set(id, 3 + Math.floor(r() * 43));
    return gaps.get(id)!;
  };
  return [{ name: "harder +21 days", set: splitSet(half, () => 21) }, { name: "harder 3-45d copies", set: splitSet(half, gap, true, LONE) }, ...[1, 2, 3].map((k) => ({ name: `events draw ${k}`, set: eventsSet(half, 5100 + k) }))];
}


/** SEPARATION=1 (a look): each feature's mean over true and false pairs of each tuning set. */
function separation(): void {
  for (const s of trainingSets("tune")) {
    const c = collect(s.set);
    const pos = c.pairs.filter((p) => p.y === 1);
    const neg = c.pairs.filter((p) => p.y === 0);
    const mean = (xs: Pair[], i: number) => xs.reduce((t, p) => t + p.x[i]!, 0) / Math.max(1, xs.length);
    console.log(`${s.name}: ${pos.length} true, ${neg.length} false pairs`);
    FOLLOW_UP_FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(18)} true ${mean(pos, i).toFixed(3)}  false ${mean(neg, i).toFixed(3)}`));
  }
}

function main(): void {
  if (process.env.SEPARATION) return separation();
  const tuning = trainingSets("tune").map((s) => ({ name: s.name, c: collect(s.set) }));
  // BALANCE=1 (a trial): every set weighs as much as the harder set, whatever its number of pairs.
  const weightOf = (s: { c: Collected }) => (process.env.BALANCE ? tuning[0]!.c.pairs.length / s.c.pairs.length : 1);
  const examples: Example[] = tuning.flatMap((s) => s.c.pairs.map((p) => ({ x: p.x, y: p.y, weight: weightOf(s) })));
  const positives = examples.filter((e) => e.y === 1).length;
  const model = trainLogistic(examples, {
    name: "cluster/follow-up",
    features: [...FOLLOW_UP_FEATURES],
    l2: L2,
    signs: FOLLOW_UP_SIGNS,
    trainedOn: `train/train-follow-ups.ts: ${examples.length} pairs (${positives} true) of the tuning halves above cosine ${FLOOR}: bbc-dev's harder set (second telling 3-45 days later) and three layouts of events-dev (one event's reports split over days; a topic's look-alike event)`,
  });
  // The bar: the best F1 of the links made on the tuning half (each later story's likeliest pair).
  const links = tuning.map((s) => ({ links: chosen(s.c, (x) => probability(model, x), defaultClusterOptions.followUpThreshold), possible: s.c.possible }));
  const candidates = [...new Set(links.flatMap((l) => l.links.map((x) => x.p)))].sort((a, b) => a - b);
  let bar = 0.5;
  let bestF1 = -1;
  for (const p of candidates) {
    const f = sum(links.map((l) => figures(l.links, l.possible, p))).f1;
    if (f > bestF1) [bestF1, bar] = [f, p];
  }
  // Halfway to the next probability seen: a bar not on one example.
  const next = candidates.find((p) => p > bar) ?? 1;
  const threshold = Number(((bar + next) / 2).toPrecision(4));
  const out: LogisticModel = { ...model, threshold };
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${examples.length} tuning pairs (${positives} true); bar ${threshold} (tuning F1 ${(100 * bestF1).toFixed(1)})`);
  FOLLOW_UP_FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(18)} ${model.weights[i]!.toFixed(3)}`));
  for (const half of HALVES) {
    const totals: Figures[][] = [[], []];
    for (const s of trainingSets(half)) {
      const c = collect(s.set);
      const before = figures(chosen(c, (x) => x[0]!, 0.2), c.possible, 0.2);
      totals[0]!.push(before);
      totals[1]!.push(figures(chosen(c, (x) => probability(out, x), defaultClusterOptions.followUpThreshold), c.possible, threshold));
      const cells = [0.1, 0.15, 0.2].map((floor) => `floor ${floor}: ${show(figures(chosen(c, (x) => probability(out, x), floor), c.possible, threshold))}`);
      console.log(`${half.padEnd(5)} ${s.name.padEnd(18)} cosine>0.2 ${show(before)}  model ${cells.join("  ")}`);
    }
    console.log(`${half.padEnd(5)} all sets           cosine>0.2 ${show(sum(totals[0]!))}  model ${show(sum(totals[1]!))}`);
  }
}

main();
