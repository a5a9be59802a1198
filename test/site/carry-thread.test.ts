// A site folder with nothing in it yet (the build after a cold and an unchanged one: no folder an earlier
// swap put aside) gets the unchanged pages linked in on a thread while the changed ones are rendered and
// indexed (src/site/carry-thread.ts). The site must still be a cold build's, each carried page the very
// file of the live site, and the live site untouched; a page Pagefind reindexes is read from the live site
// while its link may not be there yet.
import { describe, expect, it } from "vitest";
import { lstatSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest } from "../../src/digest/index.ts";
import { renderSite } from "../../src/site/index.ts";
import { tree } from "./build.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, date: string, title: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title, paragraphs: [`${title}: the first paragraph says what happened.`], meta: { ...emptyMeta(), source: "Island Times" },
    context: "", mtime: new Date(0), messages: [], evidence: { date, dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "front-matter",
  };
}

const TOPICS = ["ferry fares", "harbour wall", "bakery reopens", "school roof", "lighthouse keeper", "storm damage", "market day", "bus timetable", "post office", "library hours", "fishing quota", "island census"];

/** A story a day, the oldest first in TOPICS; `from` days later for the later ones: newest first. */
function stories(count: number): Story[] {
  return TOPICS.slice(0, count).map((topic, i): Story => {
    const id = `s-${String(i).padStart(10, "0")}`;
    const date = `2025-03-${String(10 + i).padStart(2, "0")}`;
    return { id, date, title: `The ${topic}`, members: [member(`${id}.md`, date, `The ${topic}`)], summary: [`What happened to the ${topic}.`], followUpOf: null };
  }).reverse();
}

const fresh = () => mkdtempSync(join(tmpdir(), "digest-site-carry-thread-"));
const inode = (path: string) => lstatSync(path).ino;

describe("the unchanged pages carried into an empty site folder on a thread", () => {
  it("links them in while the new story is rendered and indexed, and writes what a cold build writes", async () => {
    const live = fresh();
    const first = await renderSite({ outputDir: live, config: defaultConfig, model: buildDigest(stories(11)).model });
    const liveTree = tree(live);
    const model = buildDigest(stories(12)).model;
    const next = fresh();
    const second = await renderSite({ outputDir: next, config: defaultConfig, model, previous: { dir: live, state: first.state } });
    // Every story page but the new one's is carried, and on the thread.
    expect(second.stats.carried).toBeGreaterThanOrEqual(11);
    expect(second.stats.carriedBeside).toBeGreaterThanOrEqual(second.stats.carried);
    for (let i = 0; i < 11; i++) {
      const file = `stories/s-${String(i).padStart(10, "0")}/index.html`;
      expect(inode(join(next, file)), file).toBe(inode(join(live, file)));
      expect(second.state.pages[file]?.[1], file).toBe(inode(join(live, file)));
    }
    // The search index was rebuilt from the pages as they are (the carried ones read from the live site).
    expect(second.stats.rebuilt).toBeGreaterThanOrEqual(1);
    const cold = fresh();
    await renderSite({ outputDir: cold, config: defaultConfig, model });
    expect(tree(next)).toEqual(tree(cold));
    expect(tree(live)).toEqual(liveTree);
    // A folder an earlier build wrote (here: this one's) is sorted out on this thread, as before.
    const third = await renderSite({ outputDir: next, config: defaultConfig, model, previous: { dir: live, state: first.state } });
    expect(third.stats.carriedBeside).toBe(0);
    expect(tree(next)).toEqual(tree(cold));
  });
});
