// Stage 4: articles about the same event, from any outlet, become one story; follow-ups are linked.
//
// 1. Each article becomes compact vectors (interned term ids, typed arrays): its words, headline, lead and
//    lead sentences, the names it gives (and the rarest names of its lead: its actors), the numbers and
//    stated quantities ("12 people"), days, months and years it mentions. The IDF is taken over the
//    articles near its day, not the whole batch, and term ids are in an order no other article changes
//    (profile.ts), so an article's vectors depend only on the articles near its day: a later build takes
//    the scores of pairs whose two articles' vectors are as they were from the cache (rows.ts).
// 2. Candidates: only articles within the date window that share enough weight of their rare key terms,
//    and (similarity.ts) enough words: two reports of one event share words, so numbers or keys alone
//    never make a pair.
// 3. Each candidate pair gets a learned probability of reporting one event (similarity.ts; weights in
//    merge-model.json from train/train-merge.ts): shared words, headline, lead, names and one lead
//    sentence, against leads whose actors the other report never names and quantities that conflict.
// 4. A learned context model (context.ts) re-weighs each probability in the light of the pair's
//    neighbourhood: two reports of one event are strongly linked to the same other reports, and each is
//    the other's best or near-best link; a look-alike event's report is not. Its probabilities are kept
//    with their log-odds on a grid (onGrid), so that a small change in a vector near a new article
//    seldom changes the links, and the merges made from them replay (groups.ts).
// 5. Average-link agglomeration on those probabilities within the date window (decision.ts): small
//    groups join on a high mean link, a report joins an established story on a lower one, two established
//    stories (a running story's separate developments, linked by many topic-level pairs) only on a high
//    one, and two groups that are each about someone the other's reports never name (a learned share of
//    their protagonists) are never joined (protagonists.ts).
// 6. A later story beyond the window is a follow-up of the earlier story the follow-up model (followups.ts,
//    follow-up-model.json: shared names, actors, numbers and keys besides the centroid cosine) finds likeliest;
//    a story none of whose reach changed takes its link from the last build (follow-up-reuse.ts).
// Lasting ids (identity.ts) are given afterwards, from what earlier builds published.
import type { DatedArticle, StoryCluster } from "../types.ts";
import { shortHash } from "../text/hash.ts";
import { loadModel, probability, type LogisticModel } from "../model/logistic.ts";
import modelJson from "./merge-model.json" with { type: "json" };
import { buildProfiles, FOLLOW_UP_IDF, type FollowUpIdf, type Profile } from "./profile.ts";
import { candidatePairs, dayOrder, visitCandidates, type PairList } from "./candidates.ts";
import { PAIR_FEATURES, PairScorer } from "./similarity.ts";
import { averageLink, type MergeLog, type WeightedEdges } from "./agglomerate.ts";
import { CONTEXT_FEATURES, contextFeatures, windowCrowds } from "./context.ts";
import { spanOf, type TimeSpan } from "./time.ts";
import { dayOrNull } from "./days.ts";
import { followUpModel, linkFollowUps, type FollowUpOptions } from "./followups.ts";
import { knownLinks, storedFollowUps, storyPrint, UNKNOWN } from "./follow-up-reuse.ts";
import { groupArticles, groupingThreshold, loadDecision, type MergeDecision } from "./decision.ts";
import { rowStarts } from "../text/rows.ts";
import { pairMemo, pairPrint, settledDays, type PairMemo, type RowStore } from "./rows.ts";
import { ArticlePrinter, replayingAgglomeration, settlingAgglomeration, type Agglomerate, type Agglomeration } from "./groups.ts";
import type { ReplayStats } from "./agglomerate-replay.ts";
import { stickyEdges, type PublishedStories } from "./hysteresis.ts";

export { PAIR_FEATURES } from "./similarity.ts";
export { articleTerms, articleTermsKeyed, type WrittenTerms } from "./mentions.ts";
export { termsKey, TermRecord, WORDS } from "./term-record.ts";
export { assignStoryIds, parseIdentityState, serializeIdentityState, IDENTITY_FILE, type IdentityState } from "./identity.ts";
export { identityFromReport, stateMatchesReport } from "./identity-recovery.ts";
export { publishedStories, type PublishedStories } from "./hysteresis.ts";
export { CONTEXT_FEATURES, windowCrowds } from "./context.ts";
export { groupArticles, type MergeDecision } from "./decision.ts";
export type { RowStore, StoredGroups, StoredPairs } from "./rows.ts";
export type { StoredFollowUps } from "./follow-up-reuse.ts";
export type { WeightStore } from "./weight-store.ts";

export interface ClusterOptions {
  /** Articles more than this many days apart are never the same story. */
  windowDays: number;
  /** Mean same-event probability two small groups need to merge; the model's own (decision.threshold) when absent. */
  mergeThreshold?: number;
  /** Centroid cosine a later story needs with an earlier one before the follow-up model weighs the pair. */
  followUpThreshold: number;
  /** How far back a follow-up may reach. */
  followUpDays: number;
  /** Candidate generation: each article's `keyTerms` most distinctive terms are its blocking keys. */
  keyTerms: number;
  /** A key held by more articles than this around one day is too common there to propose pairs. */
  postingCap: number;
  /** Shared key weight a pair needs before it is scored. */
  minKeyScore: number;
  /**
   * An article's IDF counts the articles within `windowDays` of its day, or of as many days more as it
   * takes to count this many (profile.ts); absent: 100.
   */
  minIdfDocuments?: number;
  /** The width of the log-scale bins counts are quantised in for the IDF (profile.ts IDF_BIN_WIDTH when absent). */
  idfBinWidth?: number;
  /** The IDF the follow-up step's vectors are weighed with (profile.ts FollowUpIdf; FOLLOW_UP_IDF when absent). */
  followUpIdf?: FollowUpIdf;
  /**
   * Memory only: empty each article's `terms` once its profile is read from them (they serve clustering
   * alone). The stories are the same; clustering the same articles again reads their text instead.
   */
  releaseTerms?: boolean;
  /**
   * Where the last build's scored pairs are kept (src/cache/cluster-rows.ts): a pair of articles whose
   * profiles are as they were takes its probability from it (rows.ts); the stories are the same.
   */
  rows?: RowStore;
  /** Called as each step of clustering ends (for the benchmark's step table: scripts/bench-cluster-steps.ts). */
  onStep?: (step: ClusterStep) => void;
  /** Filled with how many candidate pairs took their probability from the last build's (`rows`: rows.ts) and how many were scored. */
  pairStats?: { reused: number; scored: number };
  /** Filled with how many dated stories took their follow-up link from the last build's (`rows.followUps`: follow-up-reuse.ts) and how many were linked again. */
  followUpStats?: { reused: number; linked: number };
  /** Filled with how much of the last build's merges were replayed (`rows.groups`: groups.ts). */
  replayStats?: ReplayStats;
  /**
   * The story each article was published in by the last build (publishedStories of its story-id state):
   * links between published articles lean towards what was published (hysteresis.ts). Absent: none do.
   */
  published?: PublishedStories;
  /** How far they lean, in log-odds (hysteresis.ts MARGIN when absent; a trial's switch). */
  stickiness?: number;
  /** The share of articles changed beyond which the last build's merges are not replayed (groups.ts REPLAY_MAX_CHANGED when absent). */
  replayMaxChanged?: number;
  /**
   * Called, before clustering is done, with stories whose articles no later step can change, each as the
   * very `members` array of the cluster returned for it (its id and follow-up link are not known yet):
   * after the pairs and context steps, articles that will be stories of their own (Alone); after the
   * groups step (`last`), every story, in the order returned (those handed out before as the same arrays).
   */
  onSettled?: (stories: ReadonlyArray<DatedArticle[]>, last: boolean) => void;
}

/** The steps of `clusterArticles`, in order. */
export type ClusterStep = "profiles" | "pairs" | "context" | "groups" | "followUps";

export const defaultClusterOptions: ClusterOptions = {
  windowDays: 2,
  followUpThreshold: 0.2,
  followUpDays: 60,
  keyTerms: 30,
  postingCap: 30,
  minKeyScore: 0.04,
};

/** The learned same-event models: one pair on its own, then the pair among its neighbours, then whole groups. */
export interface MergeModels {
  pair: LogisticModel;
  context: LogisticModel;
  decision: MergeDecision;
}

let loaded: MergeModels | null = null;

/** The committed models (read on first use, so the trainer can run while the file is out of date). */
export function mergeModels(): MergeModels {
  loaded ??= {
    pair: loadModel(modelJson.pair, PAIR_FEATURES),
    context: loadModel(modelJson.context, CONTEXT_FEATURES),
    decision: loadDecision((modelJson as { decision?: unknown }).decision),
  };
  return loaded;
}

/** See ClusterOptions.minIdfDocuments. */
const MIN_IDF_DOCUMENTS = 100;

/**
 * The context model's probabilities (the links groups are made from) are kept with their log-odds
 * rounded to a multiple of 1 / ODDS_STEPS (onGrid): a new article moves the vectors, so the pair
 * probabilities, of hundreds of articles near its day, and through the context features the links of
 * thousands (3,019 of 9,988 at 10,000 bench articles); on the grid 94 move, so the merge log replays
 * (groups.ts). A step of 1/16 in log-odds is 1.6 points of probability near 0.5, finer than any threshold
 * the decision learns (the trainer's decision and every eval were the same as with exact links when the grid
 * came; at stop 56 exact links move two of events-dev's merges, a tie and a join at the story bar).
 * The pair model's own probabilities are not rounded: they are the context model's input.
 */
const ODDS_STEPS = 16;

/** `p` with its log-odds rounded to a multiple of 1 / `steps` (0: as it is). */
function onGrid(p: number, steps: number): number {
  if (steps === 0) return p;
  return 1 / (1 + Math.exp(-Math.round(Math.log(p / (1 - p)) * steps) / steps));
}

/** Probabilities below this are not kept: they cannot lift a group's mean over any useful threshold. */
const MIN_EDGE = 0.05;

export interface ScoredPairs {
  /** Articles in path order: pair indices refer to this order. */
  order: DatedArticle[];
  profiles: Profile[];
  spans: TimeSpan[];
  pairs: PairList;
  /** `width` values per pair. */
  features: Float64Array;
  /** Values per pair: PAIR_FEATURES.length from scoredCandidates (a trainer's trial may append its own). */
  width: number;
}

/** Articles in path order, their profiles, time spans and days, and the articles by day (see dayOrder). */
function prepareArticles(articles: readonly DatedArticle[], options: ClusterOptions): { order: DatedArticle[]; profiles: Profile[]; spans: TimeSpan[]; days: Array<number | null>; byDay: Int32Array; termKeys: string[] | null; prints: string[] | null } {
  const order = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const spans = order.map((a) => spanOf(a.evidence));
  const days = spans.map((s) => dayOrNull(s.first));
  const byDay = dayOrder(days);
  // Each article's terms key (rows.ts), taken as the profiles read the terms.
  const termKeys = options.rows && days.every((d) => d !== null) ? new Array<string>(order.length) : null;
  const prints = termKeys ? new Array<string>(order.length) : null;
  // Vectors laid out by day: the articles compared with one another lie near one another in memory.
  const profiles = buildProfiles(order, options.keyTerms, options.releaseTerms, byDay, { days, windowDays: options.windowDays, minDocuments: options.minIdfDocuments ?? MIN_IDF_DOCUMENTS, ...(options.idfBinWidth === undefined ? {} : { binWidth: options.idfBinWidth }), followUps: options.followUpIdf ?? FOLLOW_UP_IDF }, termKeys && prints ? { termKeys, prints, ...(options.rows?.weights ? { weights: options.rows.weights } : {}) } : {});
  return { order, profiles, spans, days, byDay, termKeys, prints };
}

function growEdges(e: WeightedEdges): WeightedEdges {
  const size = e.a.length * 2;
  const out = { a: new Int32Array(size), b: new Int32Array(size), weight: new Float32Array(size), length: e.length };
  out.a.set(e.a);
  out.b.set(e.b);
  out.weight.set(e.weight);
  return out;
}

/**
 * The edges in order of their first article (stable: each article's second articles stay ascending), the
 * order a visit in path order gives.
 */
function byFirstArticle(e: WeightedEdges, n: number): WeightedEdges {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < e.length; k++) start[e.a[k]! + 1]!++;
  const fill = rowStarts(start);
  const out = { a: new Int32Array(e.length), b: new Int32Array(e.length), weight: new Float32Array(e.length), length: e.length };
  for (let k = 0; k < e.length; k++) {
    const at = fill[e.a[k]!]!++;
    out.a[at] = e.a[k]!;
    out.b[at] = e.b[k]!;
    out.weight[at] = e.weight[k]!;
  }
  return out;
}

/** Profiles, every candidate pair and its features: what the trainer learns from (clustering keeps none of it). */
export function scoredCandidates(articles: readonly DatedArticle[], options: ClusterOptions = defaultClusterOptions): ScoredPairs {
  const { order, profiles, spans, days } = prepareArticles(articles, options);
  const all = candidatePairs(profiles, days, options);
  const pairs: PairList = { a: new Int32Array(all.length), b: new Int32Array(all.length), length: 0 };
  const width = PAIR_FEATURES.length;
  const features = new Float64Array(all.length * width);
  const scorer = new PairScorer();
  for (let k = 0; k < all.length; k++) {
    if (!scorer.features(profiles[all.a[k]!]!, profiles[all.b[k]!]!, features, pairs.length * width)) continue;
    pairs.a[pairs.length] = all.a[k]!;
    pairs.b[pairs.length++] = all.b[k]!;
  }
  return { order, profiles, spans, pairs, features, width };
}

/**
 * The candidate pairs the pair model finds at least MIN_EDGE likely, with that probability (not rounded).
 * The width is the model's, so a trainer's trial model on features of its own takes its edges here too.
 */
export function pairEdges(scored: Pick<ScoredPairs, "pairs" | "features" | "width">, model: LogisticModel): WeightedEdges {
  if (model.weights.length !== scored.width) throw new Error(`model ${model.name}: ${model.weights.length} weights for ${scored.width} features per pair`);
  return likelyEdges(scored.pairs, model, scored.features, scored.width, 0);
}

/** The same edges re-weighed by the context model (see context.ts); those below MIN_EDGE are dropped. */
export function contextEdges(n: number, edges: WeightedEdges, model: LogisticModel, features: Float64Array = contextFeatures(n, edges)): WeightedEdges {
  return likelyEdges(edges, model, features, CONTEXT_FEATURES.length, ODDS_STEPS);
}

/** The pairs `model` finds at least MIN_EDGE likely from their features (`width` values per pair). */
function likelyEdges(pairs: PairList, model: LogisticModel, features: Float64Array, width: number, steps: number): WeightedEdges {
  const out = { a: new Int32Array(pairs.length), b: new Int32Array(pairs.length), weight: new Float32Array(pairs.length), length: 0 };
  for (let k = 0; k < pairs.length; k++) {
    const p = onGrid(probability(model, features, k * width), steps);
    if (p < MIN_EDGE) continue;
    out.a[out.length] = pairs.a[k]!;
    out.b[out.length] = pairs.b[k]!;
    out.weight[out.length++] = p;
  }
  return out;
}

/**
 * The pairs of candidates whose first article is in `visit` (in that order) that the pair model finds
 * at least MIN_EDGE likely, in the order found (each first article's second articles ascending). With
 * `memo`, a pair of two articles as they were takes its probability from the last build (rows.ts), and
 * `capped` gets each article's capped keys.
 */
function scoreCandidates(profiles: readonly Profile[], days: ReadonlyArray<number | null>, options: ClusterOptions, models: MergeModels, visit: Int32Array, memo?: PairMemo | null, capped?: Float64Array): WeightedEdges {
  const stats = options.pairStats ?? { reused: 0, scored: 0 };
  // Each candidate is scored as it is found; only pairs that might merge are kept.
  const scratch = new Float64Array(PAIR_FEATURES.length);
  const scorer = new PairScorer();
  let edges: WeightedEdges = { a: new Int32Array(1024), b: new Int32Array(1024), weight: new Float32Array(1024), length: 0 };
  let reuse = false;
  // Visited by day: the articles compared one after another are near in time, so the vectors they are
  // compared with stay in the processor's cache (a quarter faster at 10,000 articles than in path order).
  visitCandidates(
    profiles,
    days,
    options,
    (i, j) => {
      let p: number;
      if (reuse && memo!.same[j]! >= 0) {
        stats.reused++;
        p = memo!.probability(memo!.same[i]!, memo!.same[j]!);
        if (p < 0) return;
      } else {
        stats.scored++;
        if (!scorer.features(profiles[i]!, profiles[j]!, scratch)) return;
        p = probability(models.pair, scratch, 0);
        if (p < MIN_EDGE) return;
      }
      if (edges.length === edges.a.length) edges = growEdges(edges);
      edges.a[edges.length] = i;
      edges.b[edges.length] = j;
      edges.weight[edges.length++] = p;
    },
    visit,
    (i, mask) => {
      if (capped) capped[i] = mask;
      reuse = memo ? memo.reusable(i, mask) : false;
    },
  );
  return edges;
}

/**
 * The likely pairs (as scoreCandidates, ordered by first article) when every article is dated, those of
 * articles as they were taken from the last build's (rows.ts), and this build's put back for the next.
 */
function reusedEdges(paths: readonly string[], profiles: readonly Profile[], days: readonly number[], byDay: Int32Array, prints: readonly string[], options: ClusterOptions, rows: RowStore, models: MergeModels): WeightedEdges {
  const key = JSON.stringify(["pairs 3", options.windowDays, options.keyTerms, options.postingCap, options.minKeyScore, MIN_EDGE, models.pair]);
  const stored = rows.get(key);
  const memo = stored ? pairMemo(stored, paths, prints, MIN_EDGE) : null;
  const capped = new Float64Array(paths.length);
  // The days nothing near changed on take their pairs whole; the others' candidates are visited.
  const kept = { a: [] as number[], b: [] as number[], p: [] as number[] };
  const taken = new Uint8Array(paths.length);
  if (memo && stored) {
    const newOf = new Int32Array(stored.paths.length).fill(-1);
    memo.same.forEach((x, i) => {
      if (x >= 0) newOf[x] = i;
    });
    const settled = settledDays(memo, days, options.windowDays);
    const byDate = new Map<number, number[]>();
    for (const i of byDay) {
      if (!settled.has(days[i]!)) continue;
      const members = byDate.get(days[i]!);
      if (members) members.push(i);
      else byDate.set(days[i]!, [i]);
    }
    for (const members of byDate.values()) {
      const mark = kept.a.length;
      if (members.every((i) => memo.pairsOf(memo.same[i]!, newOf, kept, i))) for (const i of members) {
        taken[i] = 1;
        capped[i] = memo.cappedOf(memo.same[i]!);
      }
      else for (const list of [kept.a, kept.b, kept.p]) list.length = mark;
    }
    if (options.pairStats) options.pairStats.reused += kept.a.length;
  }
  let edges = scoreCandidates(profiles, days, options, models, byDay.filter((i) => !taken[i]), memo, capped);
  for (let k = 0; k < kept.a.length; k++) {
    if (edges.length === edges.a.length) edges = growEdges(edges);
    edges.a[edges.length] = kept.a[k]!;
    edges.b[edges.length] = kept.b[k]!;
    edges.weight[edges.length++] = kept.p[k]!;
  }
  edges = byFirstArticle(edges, paths.length);
  rows.put(key, { paths: [...paths], prints: [...prints], capped: plainArray(capped, capped.length), a: plainArray(edges.a, edges.length), b: plainArray(edges.b, edges.length), p: plainArray(edges.weight, edges.length) });
  return edges;
}

/** The first `length` values of a typed array as a plain array (Array.from walks an iterator, slow until V8 has optimised it). */
function plainArray(values: Int32Array | Float32Array | Float64Array, length: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < length; k++) out.push(values[k]!);
  return out;
}

export function clusterArticles(articles: readonly DatedArticle[], options: ClusterOptions = defaultClusterOptions, models: MergeModels = mergeModels()): StoryCluster[] {
  const step = options.onStep ?? (() => {});
  const { order, profiles, spans, days, byDay, termKeys, prints } = prepareArticles(articles, options);
  step("profiles");
  const pairPrints = options.rows && termKeys && prints ? prints.map((print, i) => pairPrint(termKeys[i]!, days[i]!, print)) : null;
  let edges = options.rows && pairPrints
    ? reusedEdges(order.map((a) => a.path), profiles, days as number[], byDay, pairPrints, options, options.rows, models)
    : byFirstArticle(scoreCandidates(profiles, days, options, models, byDay), order.length);
  step("pairs");
  edges = contextEdges(order.length, edges, models.context, contextFeatures(order.length, edges, windowCrowds(days, options.windowDays)));
  step("context");
  const decision = options.mergeThreshold === undefined ? models.decision : { ...models.decision, threshold: options.mergeThreshold };
  const store = termKeys ? options.rows?.groups : undefined;
  const paths = order.map((a) => a.path);
  const storeKey = JSON.stringify([options.windowDays, decision, MIN_EDGE]);
  const group = (weighed: WeightedEdges, agglomerate: Agglomerate) => groupArticles(spans, weighed, decision, options.windowDays, profiles, agglomerate);
  let weighed = options.published ? stickyEdges(edges, paths, options.published, options.stickiness) : edges;
  const last = store?.get(storeKey);
  // Without a last build's merges to replay, links only fall after this (see Alone).
  const alone = options.onSettled && !last ? new Alone(order, options.onSettled) : null;
  alone?.handOut(weighed, groupingThreshold(decision));
  // The last build's merges, replayed where no changed article reaches (groups.ts).
  const printer = store && termKeys ? new ArticlePrinter(paths, termKeys, spans) : null;
  // Without a last build's log there is nothing to replay: the prints are made once, of the final weights,
  // for the next build (a first build's first regrouping moves every link, so each round's would all be new).
  const fromLast = (weighed: WeightedEdges) => (printer && last ? replayingAgglomeration(paths, printer, weighed, last, options.replayMaxChanged, options.replayStats) : null);
  const made: MergeLog = { x: [], y: [], score: [] };
  let run: Agglomeration & { prints?: string[] } = fromLast(weighed) ?? { agglomerate: (n, e, o) => averageLink(n, e, o, made), log: made, changed: Infinity };
  let groups = group(weighed, run.agglomerate);
  // The stories are grouped again with themselves as the published ones until they stand, with or without
  // a last build: the state this build leaves then gives these stories again, so a re-run of the same
  // articles, or the next build before its new articles are looked at, publishes what this build did. A
  // first build left unsettled had its next build part stories no article of it touched (scripts/try-settle.ts).
  // A round moves only the links of the articles whose story the round before changed (all of them after
  // a first build's first grouping), so it replays the round before's merges where none of them reaches,
  // or the last build's, whichever leaves fewer articles to work out again (groups.ts).
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const again = stickyEdges(edges, paths, groupOf(groups, paths), options.stickiness);
    if (sameWeights(again, weighed)) break;
    const settling = settlingAgglomeration(weighed, again, run.log, order.length, options.replayMaxChanged);
    const replaying = fromLast(again);
    run = replaying && replaying.changed <= settling.changed ? replaying : { ...settling, ...(replaying ? { prints: replaying.prints } : {}) };
    groups = group(again, run.agglomerate);
    weighed = again;
  }
  if (store && printer) store.put(storeKey, { paths: [...paths], prints: run.prints ?? printer.printsOf(weighed), ...run.log });
  step("groups");
  const clusters = groups.map((g): StoryCluster => {
    const members = (g.members.length === 1 ? alone?.storyOf[g.members[0]!] : undefined) ?? g.members.map((i) => order[i]!);
    return { id: fallbackId(members, spans, g.members), members, followUpOf: null };
  });
  options.onSettled?.(clusters.map((c) => c.members), true);
  // The last build's links where nothing a story's link is worked out from changed (follow-up-reuse.ts).
  // (Not for a trainer's run that watches every pair the model weighs.)
  const followUpOptions: FollowUpOptions = options;
  const linkStore = pairPrints && !followUpOptions.onFollowUpPair ? options.rows?.followUps : undefined;
  const storyDays = groups.map((g) => dayOrNull(g.span.first));
  // With follow-up vectors of their own (weighed apart from the window), a story's link is made from its
  // members' terms alone: their terms keys say it; else their window prints (pairPrints) do.
  const followUpIdf = options.followUpIdf ?? FOLLOW_UP_IDF;
  const linkPrints = followUpIdf === "background" ? termKeys : pairPrints;
  const storyPrints = linkStore && linkPrints ? groups.map((g, s) => (storyDays[s] === null ? "" : storyPrint(storyDays[s]!, g.members, paths, linkPrints))) : null;
  const linkKey = JSON.stringify(["follow-ups 1", followUpIdf, options.windowDays, options.followUpDays, options.followUpThreshold, options.keyTerms, options.postingCap, options.minKeyScore, followUpOptions.followUpModel === undefined ? followUpModel() : followUpOptions.followUpModel]);
  const storedLinks = linkStore?.get(linkKey);
  const known = storedLinks && storyPrints ? knownLinks(storedLinks, storyPrints, storyDays, options.windowDays, options.followUpDays) : null;
  const links = linkFollowUps(
    groups.map((g) => g.members),
    groups.map((g) => g.span),
    profiles,
    options,
    known,
  );
  if (options.followUpStats) for (let s = 0; s < groups.length; s++) if (storyDays[s] !== null) options.followUpStats[known && known[s]! !== UNKNOWN ? "reused" : "linked"]++;
  if (linkStore && storyPrints) linkStore.put(linkKey, storedFollowUps(storyPrints, storyDays, links));
  links.forEach((earlier, later) => {
    clusters[later]!.followUpOf = clusters[earlier]!.id;
  });
  step("followUps");
  return clusters;
}

/**
 * The articles handed out as stories of their own before the groups step (ClusterOptions.onSettled). A
 * group grows only along a link whose weight, or its mean over the pairs of two groups (missing pairs
 * counting 0), reaches the agglomeration's threshold (agglomerate.ts), so an article none of whose links
 * reaches it stays alone: while no last build's merges are replayed, the weights given to the first
 * grouping are the highest an article alone meets, as the settle rounds move a link between two stories
 * down (hysteresis.ts), never up.
 */
class Alone {
  /** The members array handed out for each article handed out. */
  readonly storyOf: Array<DatedArticle[] | undefined>;

  constructor(
    private readonly order: readonly DatedArticle[],
    private readonly onSettled: NonNullable<ClusterOptions["onSettled"]>,
  ) {
    this.storyOf = new Array(order.length);
  }

  /** Hands out the articles not handed out yet whose every link weighs less than `below`. */
  handOut(edges: WeightedEdges, below: number): void {
    const linked = new Uint8Array(this.order.length);
    for (let k = 0; k < edges.length; k++) {
      if (edges.weight[k]! < below) continue;
      linked[edges.a[k]!] = 1;
      linked[edges.b[k]!] = 1;
    }
    const stories: DatedArticle[][] = [];
    for (let i = 0; i < this.order.length; i++) if (!linked[i] && !this.storyOf[i]) stories.push((this.storyOf[i] = [this.order[i]!]));
    if (stories.length) this.onSettled(stories, false);
  }
}

/** How many times the stories are grouped again with themselves as the published ones, at most (see clusterArticles). */
const SETTLE_ROUNDS = 4;

/** Each article's group, by path (as publishedStories gives each article's story). */
function groupOf(groups: ReadonlyArray<{ members: number[] }>, paths: readonly string[]): PublishedStories {
  const out = new Map<string, number>();
  groups.forEach((g, k) => {
    for (const i of g.members) out.set(paths[i]!, k);
  });
  return out;
}

function sameWeights(x: WeightedEdges, y: WeightedEdges): boolean {
  for (let k = 0; k < x.length; k++) if (x.weight[k] !== y.weight[k]) return false;
  return true;
}

/** A story's id when nothing was published before: a hash of its earliest-dated member's path. */
function fallbackId(members: DatedArticle[], spans: TimeSpan[], indices: number[]): string {
  const day = (k: number) => spans[indices[k]!]!.first ?? "9999";
  let founder = 0;
  for (let k = 1; k < members.length; k++) if (day(k) < day(founder)) founder = k;
  return `s-${shortHash(members[founder]!.path, 10)}`;
}
