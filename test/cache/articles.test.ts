// The dated record carries clustering's terms (src/cluster term-record.ts): kept as they were made, and
// when a record's terms are damaged or not a string, nothing of them is trusted.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { datedNamespace, datedRecordJson, restoreDated } from "../../src/cache/articles.ts";
import { articleTerms, clusterArticles } from "../../src/cluster/index.ts";
import { TermRecord } from "../../src/cluster/term-record.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import type { CleanArticle, DatedArticle } from "../../src/types.ts";

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
