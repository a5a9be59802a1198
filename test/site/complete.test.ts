// A cold build finds the stories' categories (read by the feeds alone: no page shows them) in the site
// stage, once the pages are rendered, while Pagefind finishes the search index (renderSite's `complete`).
// The feeds must see them, and the pages' keys the build leaves must be those of the complete model (or
// the next build would render every page again); a build from a last one's state completes it first.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest, fillCategories, LATER, type Categorise, type DigestModel } from "../../src/digest/index.ts";
import { renderSite, type SiteResult } from "../../src/site/index.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, title: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title, paragraphs: ["The ferry will run twice a day from November."], meta: { ...emptyMeta(), source: "Island Times" },
    context: "", mtime: new Date(0), messages: [], evidence: { date: "2025-03-14", dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-03-14" },
    date: "2025-03-14", dateSource: "front-matter",
  };
}

const stories: Story[] = [
  { id: "s-2222222222", date: "2025-03-14", title: "Ferry timetable changes for the winter", members: [member("a.md", "Ferry timetable changes for the winter")], summary: ["The ferry will run twice a day from November."], followUpOf: null },
  { id: "s-3333333333", date: "2025-03-14", title: "Harbour wall repairs begin", members: [member("b.md", "Harbour wall repairs begin")], summary: ["Work on the harbour wall starts on Monday."], followUpOf: null },
];
const categorise: Categorise = (members) => (members[0]!.path === "a.md" ? ["Ferries", "Island Times"] : ["Harbour"]);
const categoriesOf = (model: DigestModel) => ({ stories: model.stories.map((s) => s.categories), days: model.days.map((d) => d.categories) });
const keysOf = (result: SiteResult) => Object.fromEntries(Object.entries(result.state.pages).map(([file, [key]]) => [file, key]));

describe("a model completed in the site stage", () => {
  it("is filled as buildDigest fills it", () => {
    const later = buildDigest(stories, { categorise: LATER }).model;
    expect(categoriesOf(later).stories).toEqual([[], []]);
    fillCategories(later, stories, categorise);
    expect(later).toEqual(buildDigest(stories, { categorise }).model);
  });

  it("is completed once the pages are rendered, before the feeds, and leaves the complete model's keys", async () => {
    const whole = await renderSite({ outputDir: mkdtempSync(join(tmpdir(), "digest-site-complete-")), config: defaultConfig, model: buildDigest(stories, { categorise }).model });
    const out = mkdtempSync(join(tmpdir(), "digest-site-complete-"));
    const model = buildDigest(stories, { categorise: LATER }).model;
    let pagesThen = false;
    let calls = 0;
    let seenBeside: ReturnType<typeof categoriesOf> | null = null;
    const result = await renderSite({
      outputDir: out, config: defaultConfig, model,
      complete: async () => {
        calls++;
        pagesThen = existsSync(join(out, "index.html")) && existsSync(join(out, "stories/s-3333333333/index.html"));
        fillCategories(model, stories, categorise);
      },
      alongside: async () => void (seenBeside = categoriesOf(model)),
    });
    expect(calls).toBe(1);
    expect(pagesThen).toBe(true);
    expect(seenBeside).toEqual({ stories: [["Ferries", "Island Times"], ["Harbour"]], days: [["Ferries", "Harbour"]] });
    expect(keysOf(result)).toEqual(keysOf(whole));
  });

  it("is completed before anything in a build from the last one's state, which then carries every page over", async () => {
    const first = mkdtempSync(join(tmpdir(), "digest-site-complete-"));
    const last = await renderSite({ outputDir: first, config: defaultConfig, model: buildDigest(stories, { categorise }).model });
    const model = buildDigest(stories, { categorise: LATER }).model;
    let pagesThen: boolean | null = null;
    const out = mkdtempSync(join(tmpdir(), "digest-site-complete-"));
    const result = await renderSite({
      outputDir: out, config: defaultConfig, model, previous: { dir: first, state: last.state },
      complete: async () => {
        pagesThen = existsSync(join(out, "stories/s-3333333333/index.html"));
        fillCategories(model, stories, categorise);
      },
    });
    expect(pagesThen).toBe(false);
    expect(keysOf(result)).toEqual(keysOf(last));
    expect(result.stats.carried).toBe(result.stats.pages);
  });
});
