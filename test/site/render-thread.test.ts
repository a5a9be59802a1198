// A cold build renders its pages with Eleventy on a thread started ahead (src/site/render-thread.ts),
// and finds the categories once the pages are rendered (renderSite's `completeModel`): the site, its
// search index and the state it leaves are those of a render in the build's own thread from a model
// made whole at once.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest, categoriseArticles, fillCategories, LATER } from "../../src/digest/index.ts";
import { renderSite, RenderThread } from "../../src/site/index.ts";
import { tree } from "./build.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, date: string, title: string, source: string, text: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title, paragraphs: [text], meta: { ...emptyMeta(), source },
    context: "", mtime: new Date(0), messages: [], evidence: { date, dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "front-matter",
  };
}

/** Stories enough for two search bundles' worth of pages would be slow; a dozen over two months, three outlets. */
function stories(): Story[] {
  const out: Story[] = [];
  for (let i = 0; i < 12; i++) {
    const date = `2025-0${3 + (i % 2)}-${String(10 + i).padStart(2, "0")}`;
    const title = `Harbour council story ${i} & <the> "wall"`;
    const text = `Mayor Anna Lindqvist of Portmouth said on ${date} that the harbour wall repairs will cost ${i + 2} million. Football fans from Glasgow Rangers marched.`;
    out.push({ id: `s-${String(1000000000 + i)}`, date, title, members: [member(`${i}-a.md`, date, title, "Island Times", text), member(`${i}-b.md`, date, `${title} (update)`, "Harbour News", text)], summary: [`Summary ${i}.`], followUpOf: i > 0 ? `s-${String(1000000000 + i - 1)}` : null });
  }
  return out;
}

const fresh = () => mkdtempSync(join(tmpdir(), "digest-site-thread-"));

describe("rendering on a thread started ahead", () => {
  it("writes the pages, search index and state of a render in this thread", async () => {
    const input = stories();
    const whole = buildDigest(input, { categorise: categoriseArticles }).model;
    const here = fresh();
    const inThread = await renderSite({ outputDir: here, config: defaultConfig, model: whole });

    const later = buildDigest(input, { categorise: LATER }).model;
    expect(later.stories.every((s) => s.categories.length === 0)).toBe(true);
    const order: string[] = [];
    const there = fresh();
    const thread = new RenderThread();
    try {
      const onThread = await renderSite({
        outputDir: there, config: defaultConfig, model: later, thread,
        completeModel: async () => {
          order.push("complete");
          fillCategories(later, input, categoriseArticles);
        },
        alongside: async () => {
          order.push("alongside");
        },
      });
      expect(order).toEqual(["complete", "alongside"]);
      expect(later).toEqual(whole);
      expect(tree(there)).toEqual(tree(here));
      // The page keys hash the views with their categories: the next build carries every page over.
      expect(onThread.state.pages).toEqual(Object.fromEntries(Object.entries(inThread.state.pages).map(([file, [key]]) => [file, [key, ...onThread.state.pages[file]!.slice(1)]])));
      expect(onThread.state.search.pagefind!.key).toBe(inThread.state.search.pagefind!.key);
      expect(onThread.stats.rendered).toBe(inThread.stats.rendered);
    } finally {
      await thread.close();
    }
    expect(JSON.parse(readFileSync(join(there, "pagefind/pagefind-entry.json"), "utf8")).languages.en.page_count).toBe(12);
  });

  it("fails the stage with Eleventy's error", async () => {
    const model = buildDigest(stories()).model;
    // Two pages written to one file: Eleventy refuses, and its error comes back from the thread.
    const broken = { ...model, stories: [...model.stories, model.stories[0]!] };
    const thread = new RenderThread();
    try {
      await expect(renderSite({ outputDir: fresh(), config: defaultConfig, model: broken, thread })).rejects.toThrow(/Output conflict/);
    } finally {
      await thread.close();
    }
  });
});
