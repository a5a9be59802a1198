// Stage 4: articles about the same event, from any outlet, become one story; follow-ups are linked.
//
// Candidates come only from MinHash/LSH over each article's most distinctive terms (never all pairs).
// Candidate pairs are taken from the most similar down, and two groups merge only when their average
// pairwise TF-IDF cosine clears the threshold and their stated days (and weekdays) still fit one
// window: verifying against the whole group, not one member, keeps same-topic stories from chaining.
import type { DatedArticle, StoryCluster } from "../types.ts";
import { shortHash } from "../text/hash.ts";
import { cosine, inverseDocumentFrequency, stems, termCounts, tfidfVector, type Vector } from "../text/tfidf.ts";
import { candidatePairs, minhash } from "./minhash.ts";
import { fitsWindow, joinSpans, spanOf, type TimeSpan } from "./time.ts";
import { daysBetween } from "../date/parse.ts";

export interface ClusterOptions {
  /** Articles more than this many days apart are never the same story. */
  windowDays: number;
  /** Average TF-IDF cosine between two groups at or above which they tell the same story. */
  mergeThreshold: number;
  /** Cosine at or above which a later story is a follow-up of an earlier one. */
  followUpThreshold: number;
  /** How far back a follow-up may reach. */
  followUpDays: number;
  /** Candidate generation: MinHash over each article's `signatureTerms` most distinctive terms, in `bands` bands of `rows`. */
  signatureTerms: number;
  bands: number;
  rows: number;
}

export const defaultClusterOptions: ClusterOptions = {
  windowDays: 2,
  mergeThreshold: 0.4,
  followUpThreshold: 0.2,
  followUpDays: 60,
  signatureTerms: 24,
  // One row per band: two articles are candidates when any of 32 min-hashes of their key terms agree.
  // Two rows found only a third of the pairs where outlets report different facts of one event.
  bands: 32,
  rows: 1,
};
/** IDF prior: as if this many unrelated articles were in the batch too (see inverseDocumentFrequency). */
const BACKGROUND_DOCUMENTS = 100;

interface Features {
  vector: Vector;
  keyTerms: string[];
  span: TimeSpan;
}

function features(articles: DatedArticle[], signatureTerms: number): Features[] {
  const counts = articles.map((a) => termCounts(stems(`${a.title}\n${a.title}\n${a.paragraphs.join("\n")}`)));
  const { idf } = inverseDocumentFrequency(counts.map((c) => c.keys()), BACKGROUND_DOCUMENTS);
  return counts.map((tf, i) => {
    const vector = tfidfVector(tf, idf);
    // The signature is taken over the article's most distinctive terms, which rewrites share.
    const keyTerms = [...vector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, signatureTerms).map(([t]) => t);
    return { vector, keyTerms, span: spanOf(articles[i]!.evidence) };
  });
}

/** A growing story: its members, the sum of their unit vectors (for average linkage) and its time span. */
interface Group {
  members: number[];
  sum: Vector;
  span: TimeSpan;
}

function dot(a: Vector, b: Vector): number {
  return cosine(a, b);
}

function addInto(target: Vector, v: Vector): void {
  for (const [t, w] of v) target.set(t, (target.get(t) ?? 0) + w);
}

export function clusterArticles(articles: DatedArticle[], options: ClusterOptions = defaultClusterOptions): StoryCluster[] {
  const order = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const feats = features(order, options.signatureTerms);
  const signatures = feats.map((f) => minhash(f.keyTerms, options.bands * options.rows));
  const scored = candidatePairs(signatures, { bands: options.bands, rows: options.rows })
    .map(([i, j]) => ({ i, j, sim: cosine(feats[i]!.vector, feats[j]!.vector) }))
    .sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);

  const groupOf = order.map((_, i) => i);
  const groups = new Map<number, Group>(feats.map((f, i) => [i, { members: [i], sum: new Map(f.vector), span: f.span }]));
  const find = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = find(groupOf[i]!)));
  for (const { i, j, sim } of scored) {
    if (sim < options.mergeThreshold) break;
    const [ra, rb] = [find(i), find(j)];
    if (ra === rb) continue;
    const [a, b] = [groups.get(ra)!, groups.get(rb)!];
    if (!fitsWindow(a.span, b.span, options.windowDays)) continue;
    // Unit vectors: the mean pairwise cosine is the dot product of the sums over the pair count.
    const average = a.members.length * b.members.length === 1 ? sim : dot(a.sum, b.sum) / (a.members.length * b.members.length);
    if (average < options.mergeThreshold) continue;
    const [keep, gone] = a.members.length >= b.members.length ? [ra, rb] : [rb, ra];
    const [k, g] = [groups.get(keep)!, groups.get(gone)!];
    k.members.push(...g.members);
    addInto(k.sum, g.sum);
    k.span = joinSpans(k.span, g.span);
    groupOf[gone] = keep;
    groups.delete(gone);
  }

  const clusters = [...groups.values()].map((g) => {
    const idx = [...g.members].sort((a, b) => a - b);
    const day = (i: number) => feats[i]!.span.first ?? "9999";
    const founder = [...idx].sort((a, b) => day(a).localeCompare(day(b)) || a - b)[0]!;
    const cluster: StoryCluster = { id: `s-${shortHash(order[founder]!.path, 10)}`, members: idx.map((i) => order[i]!), followUpOf: null };
    return { group: g, cluster };
  });
  linkFollowUps(clusters, scored, find, options);
  return clusters.map((c) => c.cluster);
}

/** A later story that shares enough with an earlier one, beyond the merge window, is its follow-up. */
function linkFollowUps(
  clusters: Array<{ group: Group; cluster: StoryCluster }>,
  scored: Array<{ i: number; j: number; sim: number }>,
  find: (i: number) => number,
  options: ClusterOptions,
): void {
  const byRoot = new Map<number, { group: Group; cluster: StoryCluster }>();
  for (const c of clusters) byRoot.set(find(c.group.members[0]!), c);
  const best = new Map<StoryCluster, { id: string; sim: number }>();
  for (const { i, j, sim } of scored) {
    if (sim < options.followUpThreshold) break;
    const a = byRoot.get(find(i))!;
    const b = byRoot.get(find(j))!;
    if (a === b) continue;
    const [da, db] = [a.group.span.first, b.group.span.first];
    if (!da || !db) continue;
    const days = Math.abs(daysBetween(da, db));
    if (days <= options.windowDays || days > options.followUpDays) continue;
    const [earlier, later] = da <= db ? [a, b] : [b, a];
    const prev = best.get(later.cluster);
    if (!prev || sim > prev.sim) best.set(later.cluster, { id: earlier.cluster.id, sim });
  }
  for (const [cluster, link] of best) cluster.followUpOf = link.id;
}
