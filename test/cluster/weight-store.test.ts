import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clusterArticles, defaultClusterOptions, type RowStore, type StoredPairs, type WeightStore } from "../../src/cluster/index.ts";
import { buildProfiles, type Profile } from "../../src/cluster/profile.ts";
import { dayOrNull } from "../../src/cluster/days.ts";
import { spanOf } from "../../src/cluster/time.ts";
import { dayOrder } from "../../src/cluster/candidates.ts";
import { DiskCache } from "../../src/cache/pack.ts";
import { cachedClusterRows } from "../../src/cache/cluster-rows.ts";
import { WEIGHTS_FOLDER } from "../../src/cache/cluster-weights.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

// Two events-dev topics over May 2025 (topic 21 on 1-4 May, topic 45 on 15-21 May), as test/cluster/reuse.test.ts.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const events = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k): DatedArticle => ({
  ...x.article,
  evidence: { ...x.article.evidence, date: x.topic === "21" ? addDays("2025-05-01", k % 4) : addDays("2025-05-15", k % 7) },
}));
// The article a later build adds: on topic 45's first day, so topic 21's days keep their windows.
const added = events.find((a) => a.evidence.date === "2025-05-15")!;
const before = events.filter((a) => a !== added);
// IDF windows of at least 10 articles (the build's 100 would span this small batch whole).
const options = { ...defaultClusterOptions, minIdfDocuments: 10 };

/** A weight store in memory that counts the segments it gave; `tamper` changes what it gives. */
function memoryWeights(tamper?: (segment: Uint8Array) => Uint8Array): WeightStore & { kept: Map<number, { key: string; segment: Uint8Array }>; given: number; unsoundDays: number } {
  const kept = new Map<number, { key: string; segment: Uint8Array }>();
  const store = {
    kept,
    given: 0,
    unsoundDays: 0,
    get(day: number, key: string) {
      const found = kept.get(day);
      if (!found || found.key !== key) return undefined;
      store.given++;
      const copy = found.segment.slice();
      return tamper ? tamper(copy) : copy;
    },
    put(day: number, key: string, segment: Uint8Array) {
      kept.set(day, { key, segment: segment.slice() });
    },
    prune(days: readonly number[]) {
      for (const day of [...kept.keys()]) if (!days.includes(day)) kept.delete(day);
    },
    unsound() {
      store.unsoundDays++;
    },
  };
  return store;
}

/** Every number a profile holds, with its term ids (the same batch gives the same ids). */
function profileNumbers(p: Profile): unknown {
  const vector = (v: { ids: Int32Array; weights?: Float32Array; from: number; to: number }) => [Array.from(v.ids.subarray(v.from, v.to)), v.weights ? Array.from(v.weights.subarray(v.from, v.to)) : null];
  return [vector(p.words), vector(p.lead), vector(p.title), vector(p.actors), vector(p.keys), vector(p.names), vector(p.leadNames), vector(p.numbers), p.sentences.map(vector), vector(p.quantities), vector(p.days)];
}

/** The articles' profiles in path order, with and without a weight store, and their prints. */
function profiles(articles: readonly DatedArticle[], weights?: WeightStore, byDay = true) {
  const order = [...articles].sort((a, b) => (a.path < b.path ? -1 : 1));
  const days = order.map((a) => dayOrNull(spanOf(a.evidence).first));
  const termKeys = new Array<string>(order.length);
  const prints = new Array<string>(order.length);
  const made = buildProfiles(order, options.keyTerms, false, byDay ? dayOrder(days) : undefined, { days, windowDays: options.windowDays, minDocuments: 10 }, { termKeys, prints, ...(weights ? { weights } : {}) });
  return { numbers: made.map(profileNumbers), prints };
}

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
const pairsOnly = (): RowStore => {
  const pairs = new Map<string, StoredPairs>();
  return { get: (k) => structuredClone(pairs.get(k)), put: (k, v) => void pairs.set(k, structuredClone(v)) };
};

describe("the last build's weights, a day at a time", () => {
  it("gives every profile's numbers and print as weighing gives them, the days whose window is as it was taken from the store", () => {
    const weights = memoryWeights();
    expect(profiles(before, weights)).toEqual(profiles(before));
    expect(weights.given).toBe(0);
    const days = weights.kept.size;
    expect(days).toBeGreaterThan(8);
    const cold = profiles(events);
    expect(profiles(events, weights)).toEqual(cold);
    // Topic 21's days are taken; the days within reach of the new article's window are weighed again.
    expect(weights.given).toBeGreaterThanOrEqual(4);
    expect(weights.given).toBeLessThan(days);
    expect(weights.unsoundDays).toBe(0);
    // Taken again with nothing new: every day, also into vectors laid out in path order (each article's values copied apart).
    weights.given = 0;
    expect(profiles(events, weights)).toEqual(cold);
    expect(weights.given).toBe(weights.kept.size);
    expect(profiles(events, weights, false)).toEqual(cold);
    expect(weights.given).toBe(2 * weights.kept.size);
  });

  it("clusters with the store as a cold clustering does, and weighs again a day whose segment does not fit", () => {
    const cold = stories(clusterArticles(events.map((a) => ({ ...a })), options));
    const run = (articles: DatedArticle[], weights: WeightStore) => stories(clusterArticles(articles.map((a) => ({ ...a })), { ...options, rows: { ...pairsOnly(), weights } }));
    const weights = memoryWeights();
    run(before, weights);
    expect(run(events, weights)).toEqual(cold);
    const tampers: Array<(s: Uint8Array) => Uint8Array> = [
      (s) => s.subarray(0, s.length - 4), // cut short
      (s) => {
        new Int32Array(s.buffer)[0]! += 1; // another article count
        return s;
      },
      (s) => {
        // The first actor or key at a position outside its article (the article count and heads come first,
        // then the values; the positions then the weights end the segment).
        const words = new Int32Array(s.buffer);
        let chosen = 0;
        for (let k = 0; k < words[0]!; k++) chosen += words[2 + 11 * k]! + words[3 + 11 * k]!;
        words[words.length - 2 * chosen] = 1 << 20;
        return s;
      },
    ];
    for (const tamper of tampers) {
      const damaged = memoryWeights(tamper);
      run(before, damaged);
      expect(run(events, damaged)).toEqual(cold);
      expect(damaged.given).toBeGreaterThan(0);
      expect(damaged.unsoundDays).toBe(damaged.given);
    }
  });

  it("on disk: a file cut short or of another kind is ignored with a warning, one of other code is not used, and days gone are removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-weights-"));
    try {
      const build = async (articles: DatedArticle[]) => {
        const warnings: string[] = [];
        const cached = await cachedClusterRows(new DiskCache(dir, (w) => warnings.push(w)));
        const made = stories(clusterArticles(articles.map((a) => ({ ...a })), { ...options, rows: cached.rows }));
        await cached.pack!.commit();
        return { made, warnings };
      };
      const cold = stories(clusterArticles(events.map((a) => ({ ...a })), options));
      const folder = join(dir, WEIGHTS_FOLDER);
      expect((await build(before)).warnings).toEqual([]);
      const files = readdirSync(folder).sort();
      expect(files.length).toBeGreaterThan(8);
      const first = join(folder, files[0]!);
      const [second, third] = [join(folder, files[1]!), join(folder, files[2]!)];
      writeFileSync(first, readFileSync(first).subarray(0, 200));
      writeFileSync(second, "DIGEST-CACHE 2 cluster-rows\n");
      const other = readFileSync(third);
      other.write("0".repeat(32), 16, "latin1"); // written by other code
      writeFileSync(third, other);
      const { made, warnings } = await build(events);
      expect(made).toEqual(cold);
      expect(warnings).toHaveLength(2);
      expect(warnings.find((w) => w.includes(files[0]!))).toMatch(/damaged; ignoring it/);
      expect(warnings.find((w) => w.includes(files[1]!))).toMatch(/not a Digest weights file/);
      // Each was written again: the next build takes every day without a warning.
      expect(await build(events)).toEqual({ made: cold, warnings: [] });
      expect(readFileSync(third).toString("latin1", 16, 48)).not.toBe("0".repeat(32));
      // Topic 45's days gone: their files are removed.
      const fewer = events.filter((a) => a.evidence.date! < "2025-05-10");
      expect((await build(fewer)).made).toEqual(stories(clusterArticles(fewer.map((a) => ({ ...a })), options)));
      expect(readdirSync(folder).length).toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
