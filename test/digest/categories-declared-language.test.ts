// A story's categories are found in the language the story is declared in (its page's and feed item's
// language, read from its headline and summary), not in the language of its prose's first 600 characters
// when the two differ: a German story that opens with an English quotation is declared German and must
// not show the German "Sie" as a category. The German text is a tuning-half webpages-dev page as the
// cleaner keeps it (test/fixtures/categories/other-languages.jsonl); the English lead is written for the test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { categoriesAhead } from "../../src/pipeline/categories-ahead.ts";
import { buildDigest, categoriseArticles, categoriser, findCategories } from "../../src/digest/index.ts";

const german = readFileSync(new URL("../fixtures/categories/other-languages.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; text: string })
  .find((r) => r.id === "webpages-dev/8c3935af4702af76")!.text;
const quote = "“The finder is the best way to see all the markets of the season, and the map is free for the whole family,” the team behind the service said in a statement.";
const dir = mkdtempSync(join(tmpdir(), "digest-declared-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "markt.md"), `---\ntitle: Weihnachtsmarkt-Finder jetzt auch für Smartphone und Tablet\ndate: 2013-11-20\n---\n\n${quote}\n\n${german.split("\n").join("\n\n")}\n`);
const { stories } = runPipeline((await ingest(dir)).files, { zone: "UTC" });
// The same page without the English lead: its prose is German too.
const plainDir = mkdtempSync(join(tmpdir(), "digest-declared-"));
afterAll(() => rmSync(plainDir, { recursive: true, force: true }));
writeFileSync(join(plainDir, "markt.md"), `---\ntitle: Weihnachtsmarkt-Finder jetzt auch für Smartphone und Tablet\ndate: 2013-11-20\n---\n\n${german.split("\n").join("\n\n")}\n`);
const plain = runPipeline((await ingest(plainDir)).files, { zone: "UTC" }).stories;

describe("a story's categories in its declared language", () => {
  it("refuse the German function words of a German story whose prose opens in English", () => {
    const story = buildDigest(stories).model.stories[0]!;
    expect(story.language.lang).toBe("de");
    expect(story.categories).not.toContain("Sie");
    expect(story.categories).toContain("Weihnachtsmarkt-Finder");
    // "Smartphone" is a common noun (the German categories' noun list and its form weigh it so, ct73).
    expect(story.categories).not.toContain("Smartphone");
  });

  it("are found anew when found ahead in the prose's language", () => {
    const ahead = categoriesAhead(stories, categoriseArticles);
    while (ahead.step());
    const story = buildDigest(stories, { categorise: ahead.categorise }).model.stories[0]!;
    expect(story.categories).toEqual(buildDigest(stories).model.stories[0]!.categories);
    expect(story.categories).not.toContain("Sie");
  });

  it("say which language they were found in, so that a story declared in its prose's language is answered from what was found ahead", () => {
    expect(findCategories(stories[0]!.members, []).language).toBe("en");
    expect(findCategories(plain[0]!.members, []).language).toBe("de");
    expect(findCategories(stories[0]!.members, [], "de").language).toBe("de");
    let calls = 0;
    const counted = categoriser((members, exclude, language) => (calls++, findCategories(members, exclude, language)));
    for (const [set, asked] of [[plain, 1], [stories, 2]] as const) {
      calls = 0;
      const ahead = categoriesAhead(set, counted);
      while (ahead.step());
      const story = buildDigest(set, { categorise: ahead.categorise }).model.stories[0]!;
      expect(story.language.lang).toBe("de");
      expect(story.categories).toEqual(buildDigest(set).model.stories[0]!.categories);
      expect(calls).toBe(asked); // the English-led one is asked again, in German
    }
  });
});
