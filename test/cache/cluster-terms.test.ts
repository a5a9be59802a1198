import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiskCache } from "../../src/cache/pack.ts";
import { cachedClusterRows } from "../../src/cache/cluster-rows.ts";
import { ENTRIES_FILE, TERMS_FILE } from "../../src/cache/cluster-terms.ts";
import { YEARS } from "../../src/cluster/term-record.ts";
import { articleTermsKeyed, clusterArticles, defaultClusterOptions } from "../../src/cluster/index.ts";
import { paragraphsOf } from "../../src/text/article-text.ts";
import type { DatedArticle } from "../../src/types.ts";
import { clusterStories, datedEvents } from "./cluster-rows-fixture.ts";

// Every article's terms carried to the next build (cluster-terms.bin): an article whose terms key is as
// then takes its runs from the file, the others are read from their records, and the stories and the
// file kept are those of a cold clustering; a damaged, cut short or foreign file is ignored with a warning.
const withTerms = (a: DatedArticle): DatedArticle => {
  const { terms, key } = articleTermsKeyed(a.title, paragraphsOf(a));
  return { ...a, terms, termsKey: key };
};
const events = datedEvents.map(withTerms);
const late = events.find((a) => a.path.endsWith("45_11ecbplus.txt"))!;
const without = events.filter((a) => a !== late);
/** One article's text changed: its terms (and key) with it. */
const changed = events.map((a) => (a === late ? withTerms({ ...a, paragraphs: [...paragraphsOf(a).slice(1), "Officials in Lisbon said the ferry resumed service on Tuesday."], stored: undefined }) : a));

const options = { ...defaultClusterOptions, minIdfDocuments: 10 };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), "digest-terms-"));
  dirs.push(dir);
  return dir;
};

/** Clusters with the cache in `dir`; the stories, the warnings, and how many times the carried entries were read back sound. */
async function build(dir: string, articles: DatedArticle[]) {
  const warnings: string[] = [];
  const cached = await cachedClusterRows(new DiskCache(dir, (w) => warnings.push(w)));
  const store = cached.rows!.weights!.terms!;
  let carried = 0;
  const rows = { ...cached.rows!, weights: { ...cached.rows!.weights!, terms: { ...store, entries: (ids: Int32Array, values: Float32Array) => store.entries(ids, values) && ++carried > 0 } } };
  const stories = clusterArticles(articles.map((a) => ({ ...a })), { ...options, rows }).map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf]);
  await cached.pack!.commit();
  return { stories, warnings, carried };
}

/** The file's table: counts, vocabulary (hash and tag of each id), articles and chunks (cluster-terms.ts's layout). */
function tableOf(dir: string) {
  const bytes = readFileSync(join(dir, TERMS_FILE));
  const [u, a, r, e, sorted, c] = [48, 52, 56, 60, 64, 68].map((at) => bytes.readUInt32LE(at)) as [number, number, number, number, number, number];
  const copy = new Uint8Array(bytes.length - 80);
  copy.set(bytes.subarray(80));
  const words = new Int32Array(copy.buffer, 0, (8 * u + 12 * a + 4 * r) / 4);
  const keys = Buffer.from(copy.buffer, 8 * u + 12 * a + 4 * r, 32 * a).toString("latin1");
  const chunks = new Int32Array(copy.buffer, 8 * u + 12 * a + 4 * r + 32 * a, 3 * c);
  return { u, a, r, e, sorted, c, words, keys, chunks };
}

/**
 * The file's content by terms key (the order of articles and ids in the file aside, and entries of articles
 * gone since left out): each article's run lengths, weekdays, months, and its entries as terms (each id as
 * its term's hash and tag; years as they are) with their values. Only the keys of `only` when given.
 */
function kept(dir: string, only?: ReadonlySet<string>) {
  const { u, a, e, words, keys } = tableOf(dir);
  const entries = readFileSync(join(dir, ENTRIES_FILE));
  const copy = new Uint8Array(entries.length);
  copy.set(entries);
  // Chunk after chunk, each its ids then its values: every entry's id and value, in order.
  const { chunks } = tableOf(dir);
  const ids = new Int32Array(e);
  const values = new Float32Array(e);
  for (let k = 0, at = 0; k < chunks.length / 3; k++) {
    const n = chunks[3 * k]!;
    ids.set(new Int32Array(copy.buffer, 8 * at, n), at);
    values.set(new Float32Array(copy.buffer, 8 * at + 4 * n, n), at);
    at += n;
  }
  const byKey = new Map<string, string>();
  let run = 0;
  let entry = 0;
  for (let k = 0; k < a; k++) {
    const count = words[2 * u + k]!;
    const lengths = Array.from(words.subarray(2 * u + 3 * a + run, 2 * u + 3 * a + run + count));
    const terms: Array<string | number> = [];
    lengths.forEach((length, r) => {
      for (let x = entry; x < entry + length; x++) terms.push(r === YEARS ? ids[x]! : `${words[ids[x]!]}:${words[u + ids[x]!]! >>> 0}`);
      entry += length;
    });
    const size = lengths.reduce((x, y) => x + y, 0);
    const key = keys.slice(32 * k, 32 * k + 32);
    if (!byKey.has(key) && (!only || only.has(key))) byKey.set(key, JSON.stringify([words[2 * u + a + k], words[2 * u + 2 * a + k], lengths, terms, Array.from(values.subarray(entry - size, entry))]));
    run += count;
  }
  return [...byKey.entries()].sort();
}

const keysOf = (articles: readonly DatedArticle[]) => new Set(articles.map((x) => x.termsKey!));

describe("every article's terms carried to the next build", () => {
  it("after one new, one removed and one changed article, the stories and the file kept are a cold clustering's", async () => {
    for (const [before, after] of [
      [without, events],
      [events, without],
      [events, changed],
    ] as const) {
      const cold = folder();
      const coldBuild = await build(cold, after);
      expect(coldBuild.carried).toBe(0);
      const dir = folder();
      await build(dir, before);
      const warm = await build(dir, after);
      expect(warm.carried).toBe(1);
      expect(warm.warnings).toEqual([]);
      expect(warm.stories).toEqual(clusterStories(after, options));
      expect(warm.stories).toEqual(coldBuild.stories);
      // The same terms for every article of the batch; an article gone since may stay, unread.
      expect(kept(dir, keysOf(after))).toEqual(kept(cold));
    }
  });

  it("a build adds only its new and changed articles' entries to the file, until the entries no article takes are too many", async () => {
    const dir = folder();
    await build(dir, without);
    const first = readFileSync(join(dir, ENTRIES_FILE));
    expect(tableOf(dir).c).toBe(1);
    // One new article: the last build's entries as they were, the new one's after them, in a chunk of its own.
    const one = await build(dir, events);
    expect(one.carried).toBe(1);
    const second = readFileSync(join(dir, ENTRIES_FILE));
    expect(second.length).toBeGreaterThan(first.length);
    expect(second.subarray(0, first.length).equals(first)).toBe(true);
    expect(tableOf(dir).c).toBe(2);
    expect(tableOf(dir).sorted).toBeLessThan(tableOf(dir).u);
    // Taken away again: nothing is written (the file keeps its entries, unread).
    await build(dir, without);
    expect(readFileSync(join(dir, ENTRIES_FILE)).equals(second)).toBe(true);
    // The changed article: added again; the stories and terms are a cold clustering's.
    const again = await build(dir, changed);
    expect(again.carried).toBe(1);
    expect(again.stories).toEqual(clusterStories(changed, options));
    expect(tableOf(dir).c).toBe(3);
    const cold = folder();
    await build(cold, changed);
    expect(kept(dir, keysOf(changed))).toEqual(kept(cold));
    // Half the articles gone: more than an eighth of the entries unread, so the file is written whole, in rank order.
    const half = changed.slice(0, Math.floor(changed.length / 2));
    const shrunk = await build(dir, half);
    expect(shrunk.carried).toBe(1);
    expect(shrunk.stories).toEqual(clusterStories(half, options));
    const whole = tableOf(dir);
    expect([whole.c, whole.sorted, whole.a]).toEqual([1, whole.u, half.length]);
    const coldHalf = folder();
    await build(coldHalf, half);
    expect(readFileSync(join(dir, ENTRIES_FILE)).equals(readFileSync(join(coldHalf, ENTRIES_FILE)))).toBe(true);
    expect(kept(dir)).toEqual(kept(coldHalf));
  });

  it("a damaged, cut short or foreign file is ignored with a warning, one of other code is not used, and the stories are a cold clustering's", async () => {
    const coldStories = clusterStories(events, options);
    const dir = folder();
    const file = join(dir, TERMS_FILE);
    const spoil = async (how: (bytes: Buffer) => Buffer) => {
      await build(dir, without);
      writeFileSync(file, how(readFileSync(file)));
      return build(dir, events);
    };
    const lastValueFlipped = (b: Buffer) => {
      b[b.length - 2]! ^= 0x40;
      return b;
    };
    const damaged = await spoil(lastValueFlipped);
    expect(damaged.stories).toEqual(coldStories);
    expect(damaged.carried).toBe(0);
    expect(damaged.warnings).toEqual([`cache: ${file} is damaged; ignoring it`]);
    const short = await spoil((b) => b.subarray(0, b.length - 100));
    expect(short.stories).toEqual(coldStories);
    expect(short.warnings).toEqual([`cache: ${file} is cut short or too long; ignoring it`]);
    const foreign = await spoil((b) => Buffer.concat([Buffer.from("not Digest's terms\n"), b]));
    expect(foreign.stories).toEqual(coldStories);
    expect(foreign.warnings).toEqual([`cache: ${file} is not a Digest terms file of this version; ignoring it`]);
    const otherCode = await spoil((b) => {
      b.write("0123456789abcdef0123456789abcdef", 16, "latin1");
      return b;
    });
    expect(otherCode.stories).toEqual(coldStories);
    expect(otherCode.carried).toBe(0);
    expect(otherCode.warnings).toEqual([]);
    // The entries damaged, or cut short, beneath a sound table.
    const entries = join(dir, ENTRIES_FILE);
    await build(dir, without);
    writeFileSync(entries, lastValueFlipped(readFileSync(entries)));
    const damagedEntries = await build(dir, events);
    expect(damagedEntries.stories).toEqual(coldStories);
    expect(damagedEntries.carried).toBe(0);
    expect(damagedEntries.warnings).toEqual([`cache: ${entries} is damaged; ignoring it`]);
    await build(dir, without);
    writeFileSync(entries, readFileSync(entries).subarray(0, 100));
    const shortEntries = await build(dir, events);
    expect(shortEntries.stories).toEqual(coldStories);
    expect(shortEntries.warnings).toEqual([`cache: ${entries} is damaged; ignoring it`]);
    // A sound file again after each: the next build carries it, and removes what a build that stopped
    // half-way left (its process gone), not what a running one is writing.
    const [gone, running] = [join(dir, `${TERMS_FILE}.tmp-999999999-x`), join(dir, `${TERMS_FILE}.tmp-${process.pid}-x`)];
    writeFileSync(gone, "half");
    writeFileSync(running, "half");
    expect((await build(dir, without)).carried).toBe(1);
    expect([existsSync(gone), existsSync(running)]).toEqual([false, true]);
  });
});
