// The dated record carries clustering's terms (src/cluster term-record.ts): kept as they were made, and
// when a record's terms are damaged or not a string, nothing of them is trusted.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { articleNamespace, datedNamespace, datedRecordJson, restoreArticle, restoreClean, restoreDated, type CleanRecord } from "../../src/cache/articles.ts";
import { prepareFile } from "../../src/parallel/article-task.ts";
import { defaultRules } from "../../src/clean/index.ts";
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

describe("an article restored from both of its records", () => {
  it("is, key for key and in the same order, the cleaned record restored and then the dated one added, its evidence emptied or kept", () => {
    const dir = join(import.meta.dirname, "../fixtures/seeds");
    let restored = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt")).slice(0, 20)) {
      const file: SourceFile = { path: `in/${name}`, format: "text", text: readFileSync(join(dir, name), "utf8"), encoding: "utf-8", mtime: new Date(Date.UTC(2025, 2, 22, 9)) };
      const p = prepareFile(file, "Europe/London", defaultRules);
      if (!p.clean || !p.dated) continue;
      const clean = p.clean.value as CleanRecord;
      if (!("article" in clean)) continue;
      expect(articleNamespace.accepts(clean) && datedNamespace.accepts(p.dated.value)).toBe(true);
      const dated = p.dated.value as Record<string, unknown>;
      const chained = restoreDated((restoreClean(file, clean) as { article: CleanArticle }).article, dated);
      for (const drop of [false, true]) {
        const expected = drop ? { ...chained, raw: "", context: "" } : chained;
        const one = restoreArticle(file, clean, dated, drop);
        expect(Object.keys(one)).toEqual(Object.keys(expected));
        expect(one).toStrictEqual(expected);
        expect(one.raw).toBe(drop ? "" : file.text);
      }
      restored++;
    }
    expect(restored).toBeGreaterThanOrEqual(5);
  });
});
