// The IDF window that looks back (profile.ts IdfWindow.backDays): an article's weights count the articles of
// its own day and the days before it, so a new article on the latest day moves that day's vectors alone; which
// of its words another article holds (what chooses its keys) is still counted over the days either side, so an
// article and a later one of the window that share a term both hold it among their keys.
import { describe, expect, it } from "vitest";
import { buildProfiles, idfReachBack, type Profile } from "../../src/cluster/profile.ts";
import { clusterArticles, defaultClusterOptions, type RowStore, type StoredPairs, type WeightStore } from "../../src/cluster/index.ts";
import { dayOrder } from "../../src/cluster/candidates.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle } from "../../src/types.ts";

const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
// Two topics' real reports over a week, a few a day.
const articles: DatedArticle[] = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) => ({
  ...x.article,
  evidence: { ...x.article.evidence, date: addDays("2025-05-01", k % 7) },
}));
const dayOf = (a: DatedArticle) => Number(a.evidence.date!.slice(8));

/** Each article's profile and print, for `batch` with the window looking back `backDays` (undefined: either side). */
function profiles(batch: DatedArticle[], backDays: number | undefined, keyTerms = 30, weights?: WeightStore): { profiles: Profile[]; prints: Map<string, string> } {
  const days = batch.map(dayOf);
  const out: string[] = [];
  const termKeys = new Array<string>(batch.length);
  const made = buildProfiles(batch.map((a) => ({ ...a })), keyTerms, false, dayOrder(days), { days, windowDays: 2, minDocuments: 10, ...(backDays === undefined ? {} : { backDays }) }, { prints: out, termKeys, ...(weights ? { weights } : {}) });
  return { profiles: made, prints: new Map(batch.map((a, i) => [a.path, out[i]!])) };
}

const idsOf = (v: { ids: Int32Array; from: number; to: number }) => Array.from(v.ids.subarray(v.from, v.to));

describe("an IDF window that looks back", () => {
  it("moves only the new article's own day's weights when it comes on the latest day", () => {
    const last = Math.max(...articles.map(dayOf));
    const added = articles.find((a) => dayOf(a) === last)!;
    const before = articles.filter((a) => a !== added);
    const weights = (p: Profile) => JSON.stringify([p.words, p.lead, p.title, p.names, p.numbers, p.sentences].map((v) => Array.from(v instanceof Array ? v.flatMap((s) => Array.from(s.weights.subarray(s.from, s.to))) : v.weights.subarray(v.from, v.to))));
    const moved = (backDays: number | undefined) => {
      const [was, now] = [profiles(before, backDays).profiles, profiles(articles, backDays).profiles];
      const nowOf = new Map(articles.map((a, i) => [a.path, now[i]!]));
      return new Set(before.filter((a, i) => weights(was[i]!) !== weights(nowOf.get(a.path)!)).map(dayOf));
    };
    // Either side, the days before the latest count it too.
    expect([...moved(undefined)].sort()).toEqual([last - 2, last - 1, last]);
    expect([...moved(2)]).toEqual([last]);
    // Its terms held by no other article before it are now held: earlier articles' keys may take them (their prints say so).
    const [was, now] = [profiles(before, 2).prints, profiles(articles, 2).prints];
    const printed = before.filter((a) => was.get(a.path) !== now.get(a.path));
    expect(printed.every((a) => dayOf(a) >= last - 2)).toBe(true);
  });

  it("gives an article as keys the words and numbers another article within the window holds, on either side", () => {
    // Keys enough for every term held: an article's keys are then exactly the terms another article of the
    // days either side holds, the later days' too (else two reports a day apart could not meet on a key).
    const made = profiles(articles, 2, 100_000).profiles;
    const terms = made.map((p) => new Set([...idsOf(p.words), ...idsOf(p.numbers)]));
    let later = 0;
    made.forEach((p, a) => {
      const held = [...terms[a]!].filter((t) => made.some((_, b) => b !== a && Math.abs(dayOf(articles[b]!) - dayOf(articles[a]!)) <= 2 && terms[b]!.has(t)));
      const onlyLater = held.filter((t) => !made.some((_, b) => b !== a && dayOf(articles[b]!) <= dayOf(articles[a]!) && dayOf(articles[b]!) >= dayOf(articles[a]!) - 2 && terms[b]!.has(t)));
      later += onlyLater.length;
      expect(idsOf(p.keys).sort((x, y) => x - y)).toEqual(held.sort((x, y) => x - y));
    });
    // Terms only a later article holds are keys too (the test means something).
    expect(later).toBeGreaterThan(0);
  });

  it("widens back first, and ahead only where every earlier day holds too few", () => {
    // Ten articles a day on days 10 … 19.
    const days = Int32Array.from({ length: 100 }, (_, k) => 10 + Math.floor(k / 10));
    const at = (day: number) => days.indexOf(day);
    expect(idfReachBack(days, at(19), 2, 30)).toEqual({ back: 2, ahead: 0 });
    expect(idfReachBack(days, at(19), 2, 50)).toEqual({ back: 4, ahead: 0 });
    // Day 11 has one day before it: 20 articles back, one day ahead makes 30.
    expect(idfReachBack(days, at(11), 2, 30)).toEqual({ back: 2, ahead: 1 });
    expect(idfReachBack(days, at(10), 2, 100)).toEqual({ back: 2, ahead: 9 });
  });

  it("takes from the last build's weights only the days the new article's window does not reach, and gives what weighing gives", () => {
    const kept = new Map<number, { key: string; segment: Uint8Array }>();
    const taken: number[] = [];
    const store: WeightStore = {
      get(day, key) {
        const found = kept.get(day);
        if (!found || found.key !== key) return undefined;
        taken.push(day);
        return found.segment.slice();
      },
      put: (day, key, segment) => void kept.set(day, { key, segment: segment.slice() }),
      prune: () => {},
    };
    const numbers = (p: Profile) => JSON.stringify([p.words, p.lead, p.title, p.names, p.numbers, p.actors, p.keys].map((v) => [Array.from(v.ids.subarray(v.from, v.to)), Array.from(v.weights.subarray(v.from, v.to))]));
    const middle = 4;
    const added = articles.find((a) => dayOf(a) === middle)!;
    const before = articles.filter((a) => a !== added);
    profiles(before, 2, 30, store);
    const cold = profiles(articles, 2);
    const warm = profiles(articles, 2, 30, store);
    expect(warm.profiles.map(numbers)).toEqual(cold.profiles.map(numbers));
    expect(warm.prints).toEqual(cold.prints);
    // Its own day and the two after it count it in their IDF, the two before it in their keys: the rest are taken.
    const all = [...new Set(articles.map(dayOf))];
    expect(taken.sort()).toEqual(all.filter((d) => d < middle - 2 || d > middle + 2).sort());
  });

  it("clusters with the last build's pairs and weights as a cold clustering does", () => {
    const options = { ...defaultClusterOptions, minIdfDocuments: 10, idfBackDays: 2 };
    const stories = (batch: DatedArticle[], rows?: RowStore) => clusterArticles(batch.map((a) => ({ ...a })), { ...options, ...(rows ? { rows } : {}) }).map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf]);
    const pairs = new Map<string, StoredPairs>();
    const kept = new Map<number, { key: string; segment: Uint8Array }>();
    const rows: RowStore = {
      get: (k) => structuredClone(pairs.get(k)),
      put: (k, v) => void pairs.set(k, structuredClone(v)),
      weights: { get: (day, key) => (kept.get(day)?.key === key ? kept.get(day)!.segment.slice() : undefined), put: (day, key, segment) => void kept.set(day, { key, segment: segment.slice() }), prune: () => {} },
    };
    const added = articles.find((a) => dayOf(a) === 4)!;
    stories(articles.filter((a) => a !== added), rows);
    expect(stories(articles, rows)).toEqual(stories(articles));
  });
});
