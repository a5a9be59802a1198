// Clustering reads each article's words once, in the per-article step (`terms`, carried by the dated
// article and cached with it); the stories are the same whether the terms come with the articles or not.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { articleTerms, clusterArticles, defaultClusterOptions } from "../../src/cluster/index.ts";
import { buildProfiles } from "../../src/cluster/profile.ts";
import { NAME, NUMBER, NAMES, NUMBERS, QUANTITIES, QUANTITY, QUANTITY_UNITS, TermRecord, termHash, termTag, TITLE, UNIT, UNITS, WORD, WORDS, YEARS } from "../../src/cluster/term-record.ts";
import { stem } from "../../src/text/tfidf.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";

const seeds = seedArticles(join(import.meta.dirname, "../fixtures/seeds")).map((s) => s.article);

describe("the words clustering reads", () => {
  it("gives the same stories from terms worked out ahead as from the articles' text", () => {
    const withTerms = seeds.map((a) => ({ ...a, terms: articleTerms(a.title, a.paragraphs) }));
    const without = seeds.map(({ terms: _, ...a }) => a);
    const stories = (list: typeof seeds) => clusterArticles(list).map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
    expect(stories(withTerms)).toEqual(stories(without));
    expect(stories(withTerms).length).toBe(2);
  });

  it("lets go of the articles' terms when asked (the build), with the same stories and profiles", () => {
    const stories = (list: typeof seeds, releaseTerms: boolean) => clusterArticles(list, { ...defaultClusterOptions, releaseTerms }).map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
    const fresh = () => seeds.map((a) => ({ ...a, terms: articleTerms(a.title, a.paragraphs) }));
    const kept = fresh();
    const released = fresh();
    expect(stories(released, true)).toEqual(stories(kept, false));
    expect(kept.every((a) => a.terms !== undefined)).toBe(true);
    expect(released.every((a) => a.terms === undefined)).toBe(true);
    // Read again from the text, the profiles are what the terms gave (vectors are views into shared arrays).
    expect(buildProfiles(released, 30)).toEqual(buildProfiles(fresh(), 30));
  });

  it("keeps stemmed words, names, numbers and stated quantities as hashed terms, each run by position", () => {
    const terms = articleTerms("Ferry workers strike in Dover", ["About 3500 workers at the Dover ferry port walked out on Monday, the RMT union said."]);
    const record = new TermRecord();
    expect(record.load(terms)).toBe(true);
    const run = (r: number) => Array.from(record.ids.subarray(record.bounds[r]!, record.bounds[r + 1]!));
    const at = (kind: number, text: string) => {
      for (let k = 0; k < record.count; k++) if (record.hashes[k] === termHash(kind, text) && record.tags[k] === termTag(kind, text)) return k;
      return -1;
    };
    expect(run(WORDS)).toContain(at(WORD, "ferri"));
    expect(run(TITLE)).toContain(at(WORD, "ferri"));
    expect(run(NAMES)).toEqual(expect.arrayContaining([at(NAME, "dover"), at(NAME, "rmt")]));
    expect(run(NUMBERS)).toEqual([at(NUMBER, "3500")]);
    expect(run(QUANTITIES)).toEqual([at(QUANTITY, "worker=3500")]);
    expect(run(UNITS)).toEqual([at(UNIT, "worker")]);
    expect(record.weekdays).toBe(1);
    // "ferri" twice in the words (headline counted twice, body once): its count.
    const words = run(WORDS);
    expect(record.values[record.bounds[WORDS]! + words.indexOf(at(WORD, "ferri"))]).toBe(3);
  });

  it("counts every spelling of a word as one term, whichever spelling comes first", () => {
    const record = new TermRecord();
    const run = (r: number) => Array.from(record.ids.subarray(record.bounds[r]!, record.bounds[r + 1]!));
    const count = (r: number, kind: number, text: string) => {
      for (let k = 0; k < record.count; k++) {
        if (record.hashes[k] !== termHash(kind, text) || record.tags[k] !== termTag(kind, text)) continue;
        const at = run(r).indexOf(k);
        return at < 0 ? 0 : record.values[record.bounds[r]! + at]!;
      }
      return 0;
    };
    // Words never met before this test, so the first spelling of each is new to the reader too.
    for (const [first, second] of [["Quorvish", "quorvish"], ["zentharite", "ZENTHARITE's"]]) {
      const body = [`The ${first} report came. Later ${second} and ${first} rules stood; then ${second.toLowerCase()} tests.`];
      expect(record.load(articleTerms("Harbour news", body))).toBe(true);
      const lower = first.toLowerCase();
      expect(count(WORDS, WORD, stem(lower))).toBe(4);
      expect(count(NAMES, NAME, lower)).toBeGreaterThan(0);
    }
  });

  it("lists each run's terms once, in ascending order with their counts; quantities with their own units; years once", () => {
    // A long body spreads the headline's and the lead's few terms over many positions.
    const filler = Array.from({ length: 60 }, (_, i) => `Harbour${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} visitors counted lanterns near pier ${i + 100}.`).join(" ");
    const paragraphs = ["In 2019 and 2012, 12 people, 40 cars and 3 boats were seen in Dover; in 2019 the boats came back.", filler];
    const record = new TermRecord();
    expect(record.load(articleTerms("Dover boats sink", paragraphs))).toBe(true);
    const run = (r: number) => Array.from(record.ids.subarray(record.bounds[r]!, record.bounds[r + 1]!));
    const at = (kind: number, text: string) => {
      for (let k = 0; k < record.count; k++) if (record.hashes[k] === termHash(kind, text) && record.tags[k] === termTag(kind, text)) return k;
      return -1;
    };
    expect(record.count).toBeGreaterThan(150);
    for (const r of [TITLE, WORDS, NAMES, NUMBERS, QUANTITIES]) {
      const ids = run(r);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id, k) => k === 0 || id > ids[k - 1]!)).toBe(true);
    }
    expect(run(TITLE)).toEqual([at(WORD, "dover"), at(WORD, stem("boats")), at(WORD, "sink")].sort((a, b) => a - b));
    // "boats": twice in the headline as counted, twice in the body.
    expect(record.values[record.bounds[WORDS]! + run(WORDS).indexOf(at(WORD, stem("boats")))]).toBe(4);
    const quantities = [["people", "12"], ["cars", "40"], ["boats", "3"]].map(([unit, value]) => ({ quantity: at(QUANTITY, `${stem(unit!)}=${value}`), unit: at(UNIT, stem(unit!)) }));
    expect(quantities.every((q) => q.quantity >= 0 && q.unit >= 0)).toBe(true);
    quantities.sort((a, b) => a.quantity - b.quantity);
    expect(run(QUANTITIES)).toEqual(quantities.map((q) => q.quantity));
    expect(run(QUANTITY_UNITS)).toEqual(quantities.map((q) => q.unit));
    expect(run(YEARS)).toEqual([2012, 2019]);
  });

  it("reads a damaged or foreign record as unsound, and clusters as from the text", () => {
    const good = seeds.map((a) => articleTerms(a.title, a.paragraphs));
    const record = new TermRecord();
    const bytes = Buffer.from(good[0]!, "base64");
    const cut = bytes.subarray(0, bytes.length - 3).toString("base64");
    const flipped = Buffer.from(bytes);
    flipped[9]! ^= 0x40; // a term's hash: the terms are no longer in order, or a run names a term of another kind
    expect(record.load(cut)).toBe(false);
    expect(record.load("not a record")).toBe(false);
    expect(record.load("")).toBe(false);
    expect(record.load(Buffer.from(bytes.subarray(0, 1)).toString("base64"))).toBe(false);
    const damaged = seeds.map((a, i) => ({ ...a, terms: i === 0 ? cut : i === 1 ? "AAAA" : i === 2 ? good[3]! : good[i]! }));
    const stories = (list: typeof seeds) => clusterArticles(list).map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
    const fromText = stories(seeds.map(({ terms: _, ...a }) => a));
    expect(stories(damaged.filter((_, i) => i !== 2))).toEqual(stories(seeds.filter((_, i) => i !== 2).map(({ terms: _, ...a }) => a)));
    expect(fromText.length).toBe(2);
  });

  it("gives the same vectors whatever order they are laid out in memory", () => {
    const read = (layout?: Int32Array) =>
      buildProfiles(seeds, 30, false, layout).map((p) =>
        Object.fromEntries(
          Object.entries(p).map(([k, v]) => {
            const run = (r: { ids: Int32Array; weights?: Float32Array; from: number; to: number }) => ({ ids: Array.from(r.ids.subarray(r.from, r.to)), weights: r.weights ? Array.from(r.weights.subarray(r.from, r.to)) : null });
            return [k, typeof v === "number" ? v : Array.isArray(v) ? v.map(run) : run(v)];
          }),
        ),
      );
    const plain = read();
    expect(read(Int32Array.from([4, 2, 0, 3, 1]))).toEqual(plain);
    expect(plain[0]!.words).not.toEqual(plain[1]!.words);
  });
});
