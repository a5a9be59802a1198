// An article's terms key (what clustering keys its pairs, merges and weights by) is made with its terms in
// the per-article step and carried with them, so that a build does not hash every article's record again.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { articleTerms, articleTermsKeyed, clusterArticles, defaultClusterOptions, termsKey, type StoredPairs } from "../../src/cluster/index.ts";
import { TermRecord } from "../../src/cluster/term-record.ts";
import { dateArticle } from "../../src/pipeline/article.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import type { CleanArticle, DatedArticle } from "../../src/types.ts";

const seeds = seedArticles(join(import.meta.dirname, "../fixtures/seeds")).map((s) => s.article);

/** The terms key each article's pairs were stored under (rows.ts pairPrint: key, day, print). */
function storedKeys(articles: DatedArticle[]): Map<string, string> {
  let stored: StoredPairs | undefined;
  clusterArticles(articles, { ...defaultClusterOptions, rows: { get: () => undefined, put: (_, v) => void (stored = v) } });
  return new Map(stored!.paths.map((p, i) => [p, stored!.prints[i]!.split(" ")[0]!]));
}

describe("the terms key", () => {
  it("is made with the terms, as clustering would make it from their record, and the terms stay last", () => {
    const dated = dateArticle(seeds[0]! as unknown as CleanArticle, "UTC");
    const record = new TermRecord();
    expect(record.load(dated.terms!)).toBe(true);
    expect(dated.termsKey).toBe(record.key());
    expect(Object.keys(dated).slice(-2)).toEqual(["termsKey", "terms"]);
  });

  it("is taken from the article with its terms, and made again when the terms are not sound", () => {
    const dated = seeds.filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null);
    const withKeys = dated.map((a) => ({ ...a, terms: articleTerms(a.title, a.paragraphs), termsKey: `carried-${a.path}` }));
    const made = storedKeys(dated.map((a) => ({ ...a, terms: articleTerms(a.title, a.paragraphs) })));
    expect(storedKeys(withKeys)).toEqual(new Map(dated.map((a) => [a.path, `carried-${a.path}`])));
    // Terms that do not read back are worked out from the text: the key carried with them is not theirs.
    const broken = withKeys.map((a) => ({ ...a, terms: "not a record" }));
    expect(storedKeys(broken)).toEqual(made);
    expect([...made.values()].every((k) => /^[0-9a-f]{32}$/.test(k))).toBe(true);
  });
});

describe("the terms key of a record just written", () => {
  it("is the key of its bytes read back, for each record in turn", () => {
    const [a, b] = seeds.slice(0, 2).map((s) => ({ title: s.title, paragraphs: s.paragraphs }));
    const keyOf = (terms: string) => {
      const record = new TermRecord();
      expect(record.load(terms)).toBe(true);
      return record.key();
    };
    const first = articleTermsKeyed(a!.title, a!.paragraphs, () => null);
    expect(first.key).toBe(keyOf(first.terms));
    const second = articleTermsKeyed(b!.title, b!.paragraphs, () => null);
    expect(second.key).toBe(keyOf(second.terms));
    expect(second.key).not.toBe(first.key);
    // A record read from elsewhere (the cache) is keyed by decoding it, to the same key.
    expect(termsKey(first.terms)).toBe(first.key);
    expect(termsKey(second.terms)).toBe(second.key);
  });
});
