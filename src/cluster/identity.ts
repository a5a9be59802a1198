// Story ids that last. A story's id is its permalink and its feed GUID, so once published it never
// changes: a build reads what earlier builds assigned (a small state file beside the digests), finds
// each new story's articles among the stories it knew, and keeps their id. Ids are only created, never
// renamed: a story that gains articles keeps its id; when two known stories merge, the older id stays (of
// two first published by one build, the one that had more articles) and the other is recorded in
// `formerIds` (so old permalinks can redirect) and kept aside with its articles (`merged`): should those
// articles part again, their story gets its id back; when a known story splits, the part that stays on the day
// it was published on keeps the id (of two that both do, or neither, the part with most of its articles), and the other part's articles are remembered (`left`): should the part that kept
// the id lose all its articles later, its permalink leads to the story that holds them, as a merged-away
// one does. Articles are recognised by their path (an edited file
// is the same article), or else by a hash of their headline and body (a renamed file is the same one).
// Without a state file, ids fall back to a hash of the story's earliest article's path.
import type { DatedArticle, StoryCluster } from "../types.ts";
import { shortHash } from "../text/hash.ts";
import { articleTextHash } from "../text/article-text.ts";
import { resolveDates, storyDate, UndatedArticleError } from "../date/index.ts";

export interface ArticleRef {
  path: string;
  /** Hash of the article's headline and body. */
  hash: string;
}

export interface StoryRecord {
  id: string;
  /** Order of creation: a lower serial is an older story. */
  serial: number;
  members: ArticleRef[];
  /** Ids of stories merged into this one. */
  formerIds?: string[];
  /** The day the story was last published on (the pipeline sets it; a story keeps its day while it can). */
  day?: string;
  /** The headline it was last published with (the pipeline sets it; a story keeps it while a member has it). */
  headline?: string;
  /** The "last changed" stamp its feed item was last published with (ISO; the digest model sets it). */
  stamp?: string;
  /** A hash of what that feed item showed: an item showing the same keeps its stamp, one that changed moves past it. */
  shown?: string;
  /**
   * Articles it held that a split took into other stories (and that are still there): a reader followed its
   * permalink to them, so when its own articles are all gone, the id leads to the story holding most of these.
   */
  left?: ArticleRef[];
}

export interface IdentityState {
  version: 1;
  /** The serial the next new story gets. */
  next: number;
  stories: StoryRecord[];
  /** Stories merged into another, with the articles they held then: their id comes back if those split off again. */
  merged?: StoryRecord[];
  /** Each day's feed item as last published: its stamp and a hash of what it showed (as a story's `stamp` and `shown`). */
  days?: DayRecord[];
}

export interface DayRecord {
  day: string;
  stamp: string;
  shown: string;
}

/** The state file in the digests folder (not a digest; Eleventy reads only the day files there). */
export const IDENTITY_FILE = "story-ids.json";

/** An article's path and a hash of what it says (headline and paragraphs: the raw input is not kept once the article is dated). */
export function articleRef(article: Pick<DatedArticle, "path" | "title" | "paragraphs" | "text" | "stored">): ArticleRef {
  return { path: article.path, hash: articleTextHash(article) };
}

/**
 * Gives every cluster its lasting id (and `formerIds`), remaps `followUpOf` to those ids, and returns
 * the state to keep for the next build. Clusters come in with their fallback ids (clusterArticles).
 */
export function assignStoryIds(clusters: readonly StoryCluster[], previous: IdentityState | null): { clusters: StoryCluster[]; state: IdentityState } {
  const records = [...(previous?.stories ?? [])].sort((a, b) => a.serial - b.serial);
  const refs = clusters.map((c) => c.members.map(articleRef));
  // An article is known by its path; by what it says only when the path it was known by is gone (a renamed
  // file): a copy saved beside its original is another article and must not take the original's story.
  const present = new Set(refs.flatMap((members) => members.map((m) => m.path)));
  const byHash = new Map<string, number>();
  const byPath = new Map<string, number>();
  records.forEach((r, k) => {
    for (const m of r.members) {
      // (A record taken back from a build report knows its articles' paths only: its hashes are empty.)
      if (m.hash && !byHash.has(m.hash) && !present.has(m.path)) byHash.set(m.hash, k);
      if (!byPath.has(m.path)) byPath.set(m.path, k);
    }
  });

  // The articles each known story took over from the stories merged into it: they weigh less than its own,
  // so that when the two part again, the story keeps its own articles and the merged-away one gets its back.
  const dormant = [...(previous?.merged ?? [])].sort((a, b) => a.serial - b.serial);
  const dormantPathsOf = new Map(dormant.map((r) => [r.id, r.members.map((m) => m.path)]));
  const inherited = records.map((r) => new Set((r.formerIds ?? []).flatMap((f) => dormantPathsOf.get(f) ?? [])));

  // How many of each cluster's articles each known story held (its own ones first, then the inherited).
  const held = refs.map((members) => {
    const counts = new Map<number, number>();
    for (const m of members) {
      // By path first: two files can say the same (a page saved twice, dated apart, in two stories).
      const k = byPath.get(m.path) ?? byHash.get(m.hash);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + (inherited[k]!.has(m.path) ? INHERITED_WEIGHT : 1));
    }
    return counts;
  });

  // The clusters holding any of each known story's articles, in cluster order (not every cluster for every record).
  const holders = new Map<number, number[]>();
  held.forEach((counts, c) => {
    for (const k of counts.keys()) {
      const list = holders.get(k);
      if (list) list.push(c);
      else holders.set(k, [c]);
    }
  });

  // Oldest known story first. A story split in two goes to the part that stays on the day it was published on
  // (its first event's coverage: a later look-alike event's outlets, however many, are the new story, and the
  // feed item a reader holds keeps its day and its headline); then to the cluster that holds most of its
  // articles; of two that hold as many, the one holding the article whose headline it was published with (its
  // permalink keeps showing it), then the first by fallback id.
  const assigned = new Array<number>(clusters.length).fill(-1);
  const taken = new Set<number>();
  const showsHeadline = (c: number, headline: string | undefined) => headline !== undefined && clusters[c]!.members.some((m) => m.title === headline);
  records.forEach((r, k) => {
    let best = -1;
    const parts = holders.get(k) ?? [];
    const onDay = r.day !== undefined && parts.length > 1 ? new Map(parts.map((c) => [c, staysOn(clusters[c]!.members, r.day!)])) : null;
    for (const c of parts) {
      const n = held[c]!.get(k)!;
      if (assigned[c]! >= 0) continue;
      if (best >= 0 && onDay && onDay.get(c) !== onDay.get(best)) {
        if (onDay.get(c)) best = c;
      } else if (best < 0 || n > held[best]!.get(k)!) best = c;
      else if (n === held[best]!.get(k)!) {
        const own = showsHeadline(c, r.headline);
        if (own !== showsHeadline(best, r.headline) ? own : clusters[c]!.id < clusters[best]!.id) best = c;
      }
    }
    if (best >= 0) {
      assigned[best] = k;
      taken.add(k);
    }
  });

  // What each kept story's split sent elsewhere: the articles it held (its own, not inherited) now in other
  // clusters, with those an earlier split sent away that are still elsewhere.
  const clusterOfPath = new Map<string, number>();
  refs.forEach((members, c) => {
    for (const m of members) clusterOfPath.set(m.path, c);
  });
  const clusterOfRecord = new Map<number, number>();
  assigned.forEach((k, c) => {
    if (k >= 0) clusterOfRecord.set(k, c);
  });
  const leftOf = new Map<number, ArticleRef[]>();
  records.forEach((r, k) => {
    const c = clusterOfRecord.get(k);
    if (c === undefined) return;
    const out = new Map<string, ArticleRef>();
    for (const m of r.left ?? []) {
      const at = clusterOfPath.get(m.path);
      if (at !== undefined && at !== c) out.set(m.path, m);
    }
    for (const m of r.members) {
      const at = clusterOfPath.get(m.path);
      if (at !== undefined && at !== c && !inherited[k]!.has(m.path)) out.set(m.path, m);
    }
    if (out.size) leftOf.set(k, [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  });
  // A story none of whose articles is left, whose split sent some elsewhere: its id leads to the cluster
  // holding most of those (the earlier one of a tie), which takes it as a former id.
  const withdrawnTo = new Map<number, number[]>();
  records.forEach((r, k) => {
    if (taken.has(k) || holders.has(k) || !r.left?.length) return;
    const counts = new Map<number, number>();
    for (const m of r.left) {
      const at = clusterOfPath.get(m.path);
      if (at !== undefined) counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    let best = -1;
    for (const [c, n] of counts) if (best < 0 || n > counts.get(best)! || (n === counts.get(best)! && c < best)) best = c;
    if (best < 0) return;
    const list = withdrawnTo.get(best);
    if (list) list.push(k);
    else withdrawnTo.set(best, [k]);
  });

  // A cluster no live story goes to, made of a merged-away story's articles, is that story again: it gets its
  // id back (the one holding most of the cluster's articles; then the smaller, all of it there; then the older).
  const revivedBy = new Map<number, StoryRecord>();
  const revived = new Set<string>();
  if (dormant.length) {
    // The merged-away stories holding each article, by its path (or by what it says, for a path no live story
    // knows and no article has now), so that a cluster looks only at the stories it shares an article with.
    const byDormantPath = new Map<string, number[]>();
    const byDormantHash = new Map<string, number[]>();
    const index = (map: Map<string, number[]>, key: string, d: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [d]);
      else if (list[list.length - 1] !== d) list.push(d);
    };
    dormant.forEach((r, d) => {
      for (const m of r.members) {
        index(byDormantPath, m.path, d);
        if (m.hash && !present.has(m.path)) index(byDormantHash, m.hash, d);
      }
    });
    refs.forEach((members, c) => {
      if (assigned[c]! >= 0) return;
      // How many of the cluster's articles each merged-away story held (an article counted once per story).
      const counts = new Map<number, number>();
      for (const m of members) {
        const byPathList = byDormantPath.get(m.path);
        const byHashList = byPath.has(m.path) ? undefined : byDormantHash.get(m.hash);
        for (const d of byPathList ?? []) counts.set(d, (counts.get(d) ?? 0) + 1);
        for (const d of byHashList ?? []) if (!byPathList?.includes(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
      }
      let best = -1;
      let bestCount = 0;
      // In the records' order, as a scan of them all would meet them (a story holding none of them cannot win).
      for (const d of [...counts.keys()].sort((a, b) => a - b)) {
        const r = dormant[d]!;
        if (revived.has(r.id)) continue;
        const n = counts.get(d)!;
        if (n > bestCount || (n === bestCount && r.members.length < dormant[best]!.members.length)) {
          best = d;
          bestCount = n;
        }
      }
      if (best >= 0) {
        revivedBy.set(c, dormant[best]!);
        revived.add(dormant[best]!.id);
      }
    });
  }

  const known = new Set<string>();
  for (const r of [...records, ...dormant]) {
    known.add(r.id);
    for (const f of r.formerIds ?? []) known.add(f);
  }
  let next = previous?.next ?? 0;
  const idOf = new Map<string, string>();
  const out: StoryCluster[] = [];
  const kept: StoryRecord[] = [];
  const absorbed = new Set<number>();
  const merged: StoryRecord[] = dormant.filter((r) => !revived.has(r.id));
  const fresh: number[] = [];
  clusters.forEach((cluster, c) => {
    const k = assigned[c]!;
    const back = revivedBy.get(c);
    let id: string;
    let serial: number;
    const former = new Set<string>(k >= 0 ? (records[k]!.formerIds ?? []) : (back?.formerIds ?? []));
    if (back) {
      id = back.id;
      serial = back.serial;
    } else if (k >= 0) {
      id = records[k]!.id;
      serial = records[k]!.serial;
      // Known stories in this cluster that no other cluster carries on were merged into it.
      for (const other of held[c]!.keys()) {
        if (other === k || taken.has(other)) continue;
        absorbed.add(other);
        merged.push(records[other]!);
        former.add(records[other]!.id);
        for (const f of records[other]!.formerIds ?? []) former.add(f);
      }
    } else {
      id = freshId(cluster, known);
      serial = -1; // given below, once this build's new stories are all known
      fresh.push(kept.length);
    }
    for (const w of withdrawnTo.get(c) ?? []) {
      absorbed.add(w);
      merged.push(records[w]!);
      former.add(records[w]!.id);
      for (const f of records[w]!.formerIds ?? []) former.add(f);
    }
    known.add(id);
    idOf.set(cluster.id, id);
    const formerIds = [...former].filter((f) => f !== id && !revived.has(f)).sort();
    const left = k >= 0 && !back ? leftOf.get(k) : undefined;
    out.push({ ...cluster, id, ...(formerIds.length ? { formerIds } : {}) });
    kept.push({ id, serial, members: [...refs[c]!].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), ...(formerIds.length ? { formerIds } : {}), ...(left ? { left } : {}) });
  });
  // Stories first published by one build are equally old; of those, the one with more articles counts as the
  // older, so that when two of them merge later the id that stays is the one readers knew as the larger story
  // (and its headline), not whichever came first in cluster order.
  fresh.sort((x, y) => kept[y]!.members.length - kept[x]!.members.length || x - y);
  for (const at of fresh) kept[at]!.serial = next++;
  for (const c of out) if (c.followUpOf) c.followUpOf = idOf.get(c.followUpOf) ?? c.followUpOf;
  // Stories whose articles are all gone stay on record, so their ids are never given to another story.
  records.forEach((r, k) => {
    if (!taken.has(k) && !absorbed.has(k)) kept.push(r);
  });
  kept.sort((a, b) => a.serial - b.serial);
  // A story merged away in this build leaves its earlier record (with the articles it held) aside.
  const seen = new Set<string>();
  const aside = merged.filter((r) => !seen.has(r.id) && seen.add(r.id) !== undefined).sort((a, b) => a.serial - b.serial);
  return { clusters: out, state: { version: 1, next, stories: kept, ...(aside.length ? { merged: aside } : {}) } };
}

/** Whether a story of these articles would be published on `day` (as the pipeline dates a story: src/date/resolve.ts). */
function staysOn(members: DatedArticle[], day: string): boolean {
  try {
    return storyDate(resolveDates(members), day) === day;
  } catch (e) {
    // An article nothing dates (rejected before clustering in a build): the part cannot be said to keep the day.
    // Any other error is a fault, not an answer.
    if (e instanceof UndatedArticleError) return false;
    throw e;
  }
}

/** An inherited article's weight: below any one article of the story's own (stories hold far fewer than a million). */
const INHERITED_WEIGHT = 1e-6;

/** The cluster's fallback id, unless an earlier story had it: then a hash of it with a counter. */
function freshId(cluster: StoryCluster, known: Set<string>): string {
  let id = cluster.id;
  for (let n = 1; known.has(id); n++) id = `s-${shortHash(`${cluster.id}#${n}`, 10)}`;
  return id;
}

export function serializeIdentityState(state: IdentityState): string {
  return `${JSON.stringify(state, null, 1)}\n`;
}

/** Reads a state file's text; null (with the reason) when it is not one, so the build starts afresh. */
export function parseIdentityState(text: string): { state: IdentityState } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: "not JSON" };
  }
  const s = json as Partial<IdentityState>;
  if (!s || typeof s !== "object" || s.version !== 1 || typeof s.next !== "number" || !Array.isArray(s.stories)) return { error: "not a story-id state file (version 1)" };
  const str = (x: unknown) => typeof x === "string";
  if (s.merged !== undefined && !Array.isArray(s.merged)) return { error: "a story record is damaged" };
  const day = (x: unknown) => str(x) && /^\d{4}-\d{2}-\d{2}$/.test(x as string);
  if (s.days !== undefined && !(Array.isArray(s.days) && s.days.every((d: Partial<DayRecord>) => d && day(d.day) && str(d.stamp) && str(d.shown)))) return { error: "a day record is damaged" };
  for (const r of [...(s.stories as unknown[]), ...((s.merged as unknown[] | undefined) ?? [])]) {
    const rec = r as Partial<StoryRecord>;
    const ok =
      rec && str(rec.id) && typeof rec.serial === "number" && Array.isArray(rec.members) &&
      rec.members.every((m) => m && str(m.path) && str(m.hash)) &&
      (rec.formerIds === undefined || (Array.isArray(rec.formerIds) && rec.formerIds.every(str))) &&
      (rec.day === undefined || (str(rec.day) && /^\d{4}-\d{2}-\d{2}$/.test(rec.day))) &&
      (rec.headline === undefined || str(rec.headline)) &&
      (rec.stamp === undefined || str(rec.stamp)) &&
      (rec.shown === undefined || str(rec.shown)) &&
      (rec.left === undefined || (Array.isArray(rec.left) && rec.left.every((m) => m && str(m.path) && str(m.hash))));
    if (!ok) return { error: "a story record is damaged" };
  }
  return { state: s as IdentityState };
}
