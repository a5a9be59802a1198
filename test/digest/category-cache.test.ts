// A story's categories from the build cache are the ones storyCategories finds, and a story whose
// articles (their prose, or what they were cleaned from) or outlets changed is not answered from it.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiskCache } from "../../src/cache/pack.ts";
import { cachedCategories, categoriseArticles, type ArticleKeys } from "../../src/digest/index.ts";
import { storyCategories } from "../../src/digest/categories.ts";

// Under the test run's own temporary folder (test/temp-folder.ts), removed when the run ends.
const freshDir = () => mkdtempSync(join(tmpdir(), "digest-categories-"));

const texts = [
  "Talks in Belgrade ended on Monday. Officials from Serbia and the European Commission met at the National Gallery.",
  "The European Commission said Serbia had agreed. Reuters reported that Kosovo was not at the table.",
];
const articles = texts.map((t, i) => ({ path: `a${i}.txt`, paragraphs: t.split(". ") }));
const prose = articles.map((a) => a.paragraphs.join("\n"));
const warn = (text: string) => expect.fail(text);

describe("categories through the cache", () => {
  it("are storyCategories' answer over the articles' first paragraphs", () => {
    const long = { path: "long.txt", paragraphs: ["Intro.", "Two.", "Three.", "Four.", "Five.", "Six.", "Then Kosovo and Serbia met in Belgrade."] };
    expect(categoriseArticles([long], [])).toEqual(storyCategories([long.paragraphs.slice(0, 6).join("\n")], []));
    expect(categoriseArticles(articles, ["Reuters"])).toEqual(storyCategories(prose, ["Reuters"]));
    // A name broken across two paragraphs is one name, as in the paragraphs joined by newlines.
    const broken = ["a.txt", "b.txt"].map((path) => ({ path, paragraphs: ["Talks went on with John", "Smith of Acme", "Corp in Paris"] }));
    expect(categoriseArticles(broken, [])).toEqual(["John Smith of Acme Corp", "Paris"]);
    expect(categoriseArticles(broken, [])).toEqual(storyCategories(broken.map((a) => a.paragraphs.join("\n")), []));
    // Outlets sharing paragraphs (each read once), met at a sentence's start in one article and within a sentence in another.
    const shared = "Serbia and Kosovo met in Brussels.";
    const wire = [
      ["Officials said on Monday that", shared, "Reuters reported the talks."],
      ["Talks ended.", shared, "Reuters reported the talks."],
      [shared, "The European Union hosted them with Serbia", shared],
    ].map((paragraphs, i) => ({ path: `w${i}.txt`, paragraphs }));
    expect(categoriseArticles(wire, [])).toEqual(storyCategories(wire.map((a) => a.paragraphs.join("\n")), []));
    expect(categoriseArticles(wire, [])).toEqual(["Brussels", "Serbia and Kosovo", "European Union"]);
  });

  it("kept with the language they were found in, and a cache of the names alone (before stop 71) not called damaged", async () => {
    const dir = freshDir();
    const older = await new DiskCache(dir, warn).open({ name: "categories", accepts: (v): v is string[] => Array.isArray(v) }, "all");
    older.put("0".repeat(32), ["Serbia"]);
    await older.commit();
    const first = await cachedCategories(new DiskCache(dir, warn));
    expect(first.categorise.find(articles, ["Reuters"])).toEqual({ categories: storyCategories(prose, ["Reuters"]), language: "en" });
    await first.pack!.commit();
    const second = await cachedCategories(new DiskCache(dir, warn));
    expect(second.categorise.find(articles, ["Reuters"])).toEqual({ categories: storyCategories(prose, ["Reuters"]), language: "en" });
    expect(second.pack!.stats.hits).toBe(1);
  });

  it("by prose: kept for the next build, and found again only for the same texts and outlets", async () => {
    const dir = freshDir();
    const first = await cachedCategories(new DiskCache(dir, warn));
    expect(first.categorise(articles, ["Reuters"])).toEqual(storyCategories(prose, ["Reuters"]));
    await first.pack!.commit();
    expect(first.pack!.stats.added).toBe(1);

    const second = await cachedCategories(new DiskCache(dir, warn));
    expect(second.categorise(articles, ["Reuters"])).toEqual(storyCategories(prose, ["Reuters"]));
    expect(second.pack!.stats.hits).toBe(1);
    // Another outlet left out, another text: computed, not taken from the entry above.
    expect(second.categorise(articles, ["Serbia"])).toEqual(storyCategories(prose, ["Serbia"]));
    expect(second.categorise([articles[1]!], ["Reuters"])).toEqual(storyCategories([prose[1]!], ["Reuters"]));
    const edited = [articles[0]!, { ...articles[1]!, paragraphs: ["Serbia and Kosovo met again in Brussels, Reuters said."] }];
    expect(second.categorise(edited, ["Reuters"])).toEqual(storyCategories(edited.map((a) => a.paragraphs.join("\n")), ["Reuters"]));
    await second.pack!.commit();
    expect(second.pack!.stats.added).toBe(3);
    expect(storyCategories(prose, ["Serbia"])).not.toEqual(storyCategories(prose, ["Reuters"]));
  });

  it("by what the articles were cleaned from, when the build gives it: another content key or other rules are another story", async () => {
    const dir = freshDir();
    const keys = (contentKeys: string[], rules = ["a", "b"]): ArticleKeys => ({ rules, contentKeys: new Map(articles.map((a, i) => [a.path, contentKeys[i]!])) });
    const first = await cachedCategories(new DiskCache(dir, warn), keys(["k0", "k1"]));
    expect(first.categorise(articles, ["Reuters"])).toEqual(storyCategories(prose, ["Reuters"]));
    await first.pack!.commit();

    // The same inputs: found without reading the prose (the paragraphs here are a stand-in the cache never sees).
    const second = await cachedCategories(new DiskCache(dir, warn), keys(["k0", "k1"]));
    const blank = articles.map((a) => ({ ...a, paragraphs: [] }));
    expect(second.categorise(blank, ["Reuters"])).toEqual(storyCategories(prose, ["Reuters"]));
    expect(second.pack!.stats.hits).toBe(1);
    // One input's content changed, or the rules did: computed again from the prose.
    const third = await cachedCategories(new DiskCache(dir, warn), keys(["k0", "k2"]));
    expect(third.categorise(blank, ["Reuters"])).toEqual([]);
    const fourth = await cachedCategories(new DiskCache(dir, warn), keys(["k0", "k1"], ["a"]));
    expect(fourth.categorise(blank, ["Reuters"])).toEqual([]);
    // An article the build gave no key for is keyed by its prose.
    const fifth = await cachedCategories(new DiskCache(dir, warn), { rules: ["a", "b"], contentKeys: new Map([["a0.txt", "k0"]]) });
    expect(fifth.categorise([blank[0]!, articles[1]!], ["Reuters"])).toEqual(storyCategories(["", prose[1]!], ["Reuters"]));
    // The outlets left out are part of the key however they are split, with every article keyed or not.
    const sixth = await cachedCategories(new DiskCache(dir, warn), keys(["k0", "k1"]));
    expect(sixth.categorise(blank, ["Reuters"])).toEqual(storyCategories(prose, ["Reuters"]));
    expect(sixth.categorise(blank, ["Reuters", ""])).toEqual([]);
    expect(sixth.categorise(blank, [])).toEqual([]);
    expect(sixth.categorise([blank[1]!, blank[0]!], ["Reuters"])).toEqual([]);
    expect(sixth.pack!.stats.hits).toBe(1);
  });

  it("are categoriseArticles itself without a cache", async () => {
    const none = await cachedCategories(null);
    expect(none.pack).toBeNull();
    expect(none.categorise).toBe(categoriseArticles);
  });
});
