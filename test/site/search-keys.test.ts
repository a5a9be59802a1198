// A search bundle is rebuilt only when what Pagefind is sent of its pages changed (src/site/index.ts): a
// story page that changed only in its follow-up links (marked for Pagefind to ignore) leaves its bundle's
// files the very ones the last build wrote; one whose searched text changed gets its bundle rebuilt,
// written as a cold build writes it, and the live site's files (which the new site folder links to) stay
// as they were.
import { afterEach, describe, expect, it } from "vitest";
import { lstatSync, mkdtempSync, readFileSync } from "node:fs";
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

const TOPICS = ["ferry fares", "harbour wall", "bakery reopens", "school roof", "lighthouse keeper", "storm damage", "market day", "bus timetable"];

/** Eight stories on eight days (the oldest first in TOPICS), newest first; `extra` adds stories, `summaryOf` changes a summary. */
function stories(extra: Story[] = [], summaryOf: (id: string) => string = () => "What happened, in one sentence."): Story[] {
  const list = TOPICS.map((topic, i): Story => {
    const id = `s-${String(i + 1).repeat(10)}`.slice(0, 12);
    const date = `2025-03-${String(10 + i).padStart(2, "0")}`;
    return { id, date, title: `The ${topic}`, members: [member(`${id}.md`, date, `The ${topic}`)], summary: [summaryOf(id)], followUpOf: null };
  });
  return [...extra, ...list].sort((a, b) => (a.date < b.date ? 1 : -1));
}

const fresh = () => mkdtempSync(join(tmpdir(), "digest-site-search-keys-"));
const inode = (path: string) => lstatSync(path).ino;

afterEach(() => {
  delete process.env.DIGEST_TEST_BUNDLES;
});

describe("search bundles keyed by what Pagefind is sent", () => {
  it("carries a bundle whose story changed only in its follow-up links, and writes what a cold build writes", async () => {
    process.env.DIGEST_TEST_BUNDLES = "2";
    const live = fresh();
    const first = await renderSite({ outputDir: live, config: defaultConfig, model: buildDigest(stories()).model });
    // A new story, the newest, follows up the oldest one (in the oldest bundle, "pagefind"): that page now links to it.
    const followUp: Story = { id: "s-9999999999", date: "2025-03-20", title: "The ferry fares again", members: [member("s-9999999999.md", "2025-03-20", "The ferry fares again")], summary: ["More on the fares."], followUpOf: "s-1111111111" };
    const model = buildDigest(stories([followUp])).model;
    const next = fresh();
    const second = await renderSite({ outputDir: next, config: defaultConfig, model, previous: { dir: live, state: first.state } });
    expect(readFileSync(join(next, "stories/s-1111111111/index.html"), "utf8")).toContain("Followed up by");
    // The oldest bundle keeps its eight stories; the new story starts a bundle of its own.
    expect([second.stats.bundles, second.stats.rebuilt]).toEqual([2, 1]);
    for (const file of Object.keys(first.state.search.pagefind!.files)) expect(inode(join(next, "pagefind", file)), file).toBe(inode(join(live, "pagefind", file)));
    const cold = fresh();
    await renderSite({ outputDir: cold, config: defaultConfig, model });
    expect(tree(next)).toEqual(tree(cold));
  });

  it("rebuilds a bundle whose story's searched text changed, leaving the live site's files as they were", async () => {
    process.env.DIGEST_TEST_BUNDLES = "2";
    const live = fresh();
    const first = await renderSite({ outputDir: live, config: defaultConfig, model: buildDigest(stories()).model });
    const before = tree(live);
    const model = buildDigest(stories([], (id) => (id === "s-1111111111" ? "The fares go up in May, the ferry company says." : "What happened, in one sentence."))).model;
    const next = fresh();
    const second = await renderSite({ outputDir: next, config: defaultConfig, model, previous: { dir: live, state: first.state } });
    expect(second.stats.rebuilt).toBe(1);
    expect(tree(live)).toEqual(before);
    const cold = fresh();
    await renderSite({ outputDir: cold, config: defaultConfig, model });
    expect(tree(next)).toEqual(tree(cold));
    // And the next build, from this one's state, carries everything again.
    const third = await renderSite({ outputDir: fresh(), config: defaultConfig, model, previous: { dir: next, state: second.state } });
    expect(third.stats.rebuilt).toBe(0);
  });
});
