// The dated record carries clustering's terms (src/cluster term-record.ts): kept as they were made, and
// when a record's terms are damaged or not a string, nothing of them is trusted.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { articleNamespace, cleanRecordJson, datedNamespace, datedRecordJson, lazyParagraphs, paragraphsNamespace, restoreClean, restoreDated } from "../../src/cache/articles.ts";
import { articleRef } from "../../src/cluster/identity.ts";
import { articleWords } from "../../src/text/article-facts.ts";
import { articleTerms, clusterArticles } from "../../src/cluster/index.ts";
import { TermRecord } from "../../src/cluster/term-record.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import type { CleanArticle, DatedArticle, SourceFile } from "../../src/types.ts";

const seeds = seedArticles(join(import.meta.dirname, "../fixtures/seeds")).map((s) => s.article);
const dated = seeds.map((a): DatedArticle => ({ ...a, terms: articleTerms(a.title, a.paragraphs) }));
const clean = (a: DatedArticle): CleanArticle => {
  const { evidence: _, terms: __, ...rest } = a;
  return rest;
};
const stories = (list: DatedArticle[]) => clusterArticles(list).map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf]);

describe("the dated record's terms", () => {
  it("come back as they were made, and read back as a sound record", () => {
    const a = dated[0]!;
    const json = datedRecordJson(clean(a), a)!;
    const record: unknown = JSON.parse(json);
    expect(datedNamespace.accepts(record)).toBe(true);
    const back = restoreDated(clean(a), record as Record<string, unknown>);
    expect(back.terms).toBe(a.terms);
    expect(new TermRecord().load(back.terms!)).toBe(true);
  });

  it("are refused when they are not a string, and worked out again from the text when damaged", () => {
    const record = JSON.parse(datedRecordJson(clean(dated[0]!), dated[0]!)!) as Record<string, unknown>;
    expect(datedNamespace.accepts({ ...record, terms: 12 })).toBe(false);
    expect(datedNamespace.accepts({ ...record, terms: { stems: "ferri" } })).toBe(false);
    // A string that is not a record, and one cut short: the stories are those of sound terms.
    const cut = dated[1]!.terms!.slice(0, -8);
    const damaged = dated.map((a, i) => restoreDated(clean(a), { ...record, evidence: a.evidence, terms: i === 0 ? "garbage" : i === 1 ? cut : a.terms }));
    expect(new TermRecord().load(cut)).toBe(false);
    expect(stories(damaged)).toEqual(stories(dated));
    expect(stories(dated).length).toBe(2);
  });
});

describe("the cleaned article's record", () => {
  const a = clean(dated[0]!);
  const file: SourceFile = { path: a.path, format: a.format, text: a.raw, encoding: "utf-8", mtime: a.mtime };
  const records = cleanRecordJson(file, { article: a })!;
  const record: unknown = JSON.parse(records.record);
  const bytes = Buffer.from(records.paragraphs!);
  let reads = 0;
  const read = (json: string) => () => (reads++, json);

  it("keeps the paragraphs apart, and comes back as the article, paragraphs parsed only when read", () => {
    expect(articleNamespace.accepts(record)).toBe(true);
    expect(paragraphsNamespace.accepts(bytes)).toBe(true);
    expect(records.record).not.toContain(a.paragraphs[0]!);
    const back = restoreClean(file, record as Parameters<typeof restoreClean>[1], read(records.paragraphs!))!;
    expect(reads).toBe(0);
    expect(JSON.stringify(back)).toBe(JSON.stringify({ article: a }));
    expect(back).toEqual({ article: a });
    if (!("article" in back)) throw new Error("not an article");
    expect(Array.isArray(back.article.paragraphs)).toBe(true);
    expect([...back.article.paragraphs]).toEqual(a.paragraphs);
    expect(reads).toBe(1);
    // Without its paragraphs an article's record is no hit.
    expect(restoreClean(file, record as Parameters<typeof restoreClean>[1], undefined)).toBeNull();
  });

  it("gives a story id's hash and the word count without parsing the paragraphs", () => {
    // Bytes that are not JSON: any read of the list would throw.
    const back = restoreClean(file, record as Parameters<typeof restoreClean>[1], read("[not json]"))!;
    if (!("article" in back)) throw new Error("not an article");
    const copy = { ...back.article, date: "2024-01-01" }; // as dates are resolved: a copy shares the list
    expect(articleRef(copy)).toEqual(articleRef(a));
    expect(articleWords(copy.paragraphs)).toBe(articleWords(a.paragraphs));
    expect(articleWords(a.paragraphs)).toBeGreaterThan(50);
    expect(() => copy.paragraphs.length).toThrow();
    // A retitled copy's hash is worked out from its text.
    expect(() => articleRef({ ...copy, title: "Another" })).toThrow();
  });

  it("refuses paragraphs that are not a list of texts when they are read", () => {
    expect(paragraphsNamespace.accepts(Buffer.from('{"a":1}'))).toBe(false);
    const numbers = lazyParagraphs(() => "[1,2]");
    expect(() => numbers.join("")).toThrow(/not a list of texts/);
    expect(() => numbers.length).toThrow(/not a list of texts/); // not an empty list the second time
    expect(lazyParagraphs(() => '["a","b"]').join("+")).toBe("a+b");
  });
});
