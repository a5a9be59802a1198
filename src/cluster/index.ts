// Stage 4: articles about the same event, from any outlet, become one story; follow-ups are linked.
import type { DatedArticle, StoryCluster } from "../types.ts";
import { shortHash } from "../text/hash.ts";
import { cosine, inverseDocumentFrequency, stems, termCounts, tfidfVector, type Vector } from "../text/tfidf.ts";
import { daysBetween } from "../date/parse.ts";
import { candidatePairs, minhash } from "./minhash.ts";

export interface ClusterOptions {
  /** Articles more than this many days apart are never the same story. */
  windowDays: number;
  /** TF-IDF cosine at or above which two articles in the window tell the same story. */
  mergeThreshold: number;
  /** Cosine at or above which a later story is a follow-up of an earlier one. */
  followUpThreshold: number;
  /** How far back a follow-up may reach. */
  followUpDays: number;
}

export const defaultClusterOptions: ClusterOptions = { windowDays: 2, mergeThreshold: 0.3, followUpThreshold: 0.2, followUpDays: 60 };

const SIGNATURE_TERMS = 24;
const BANDS = 32;
const ROWS = 2;

interface Features {
  vector: Vector;
  keyTerms: string[];
  day: string | null;
}

function features(articles: DatedArticle[]): Features[] {
  const counts = articles.map((a) => termCounts(stems(`${a.title}\n${a.title}\n${a.paragraphs.join("\n")}`)));
  const { idf } = inverseDocumentFrequency(counts.map((c) => c.keys()));
  return counts.map((tf, i) => {
    const vector = tfidfVector(tf, idf);
    // The signature is taken over the article's most distinctive terms, which rewrites share.
    const keyTerms = [...vector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SIGNATURE_TERMS).map(([t]) => t);
    const e = articles[i]!.evidence;
    return { vector, keyTerms, day: e.date ?? e.pageDate };
  });
}

function gap(a: Features, b: Features): number | null {
  return a.day && b.day ? Math.abs(daysBetween(a.day, b.day)) : null;
}

export function clusterArticles(articles: DatedArticle[], options: ClusterOptions = defaultClusterOptions): StoryCluster[] {
  const order = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const feats = features(order);
  const parent = order.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const signatures = feats.map((f) => minhash(f.keyTerms, BANDS * ROWS));
  const pairs = candidatePairs(signatures, { bands: BANDS, rows: ROWS });
  const followPairs: Array<[number, number, number]> = [];
  for (const [i, j] of pairs) {
    const sim = cosine(feats[i]!.vector, feats[j]!.vector);
    const days = gap(feats[i]!, feats[j]!);
    if (sim >= options.mergeThreshold && (days === null || days <= options.windowDays)) parent[find(i)] = find(j);
    else if (sim >= options.followUpThreshold) followPairs.push([i, j, sim]);
  }

  const groups = new Map<number, number[]>();
  order.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const clusters = [...groups.values()].map((idx) => {
    const members = idx.map((i) => order[i]!);
    const founder = [...idx].sort((a, b) => (feats[a]!.day ?? "9999") .localeCompare(feats[b]!.day ?? "9999") || a - b)[0]!;
    return { idx, cluster: { id: `s-${shortHash(order[founder]!.path, 10)}`, members, followUpOf: null as string | null } };
  });

  const clusterOf = new Map<number, { idx: number[]; cluster: StoryCluster }>();
  for (const c of clusters) for (const i of c.idx) clusterOf.set(i, c);
  const storyDay = (c: { idx: number[] }) => c.idx.map((i) => feats[i]!.day).filter((d): d is string => !!d).sort()[0] ?? null;
  const best = new Map<StoryCluster, { id: string; sim: number }>();
  for (const [i, j, sim] of followPairs) {
    const a = clusterOf.get(i)!;
    const b = clusterOf.get(j)!;
    if (a === b) continue;
    const [da, db] = [storyDay(a), storyDay(b)];
    if (!da || !db) continue;
    const days = Math.abs(daysBetween(da, db));
    if (days <= options.windowDays || days > options.followUpDays) continue;
    const [earlier, later] = da <= db ? [a, b] : [b, a];
    const prev = best.get(later.cluster);
    if (!prev || sim > prev.sim) best.set(later.cluster, { id: earlier.cluster.id, sim });
  }
  for (const [cluster, link] of best) cluster.followUpOf = link.id;
  return clusters.map((c) => c.cluster);
}
