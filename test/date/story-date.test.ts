// A story's day: the day its articles state outweighs days worked out from "on Tuesday" or from file times.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { DateSource, ResolvedArticle } from "../../src/types.ts";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { storyDate } from "../../src/date/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { SourceFile } from "../../src/types.ts";

describe("a story's day", () => {
  it("is the day its one dated article states, not the Tuesday two undated reports say the strike began", async () => {
    // Three outlets on one dock strike: one page states Thursday 2025-05-29; the other two only say "on Tuesday".
    const { files } = await ingest(join(import.meta.dirname, "../fixtures/story-date"));
    const { stories } = runPipeline(files, { zone: "UTC" });
    expect(stories).toHaveLength(1);
    const story = stories[0]!;
    expect(story.members.map((m) => [m.path, m.date, m.dateSource])).toEqual([
      ["tuesday-a.txt", "2025-05-27", "relative-to-story"],
      ["tuesday-b.txt", "2025-05-27", "relative-to-story"],
      ["stated-thursday.txt", "2025-05-29", "metadata-line"],
    ]);
    expect(story.date).toBe("2025-05-29");
  });

  it("is a day read from a page's text before the days files were copied, however many", () => {
    const fromPage = member("reuters.txt", "2025-06-23", "relative-to-page");
    const copied = [member("copy-1.txt", "2025-07-01", "file-mtime"), member("copy-2.txt", "2025-07-01", "file-mtime")];
    expect(storyDate([fromPage, ...copied])).toBe("2025-06-23");
    expect(storyDate(copied)).toBe("2025-07-01");
  });

  it("stays the day it was published on when more outlets report the story the next day", async () => {
    // Thursday's report is published; on Friday two more outlets file the story, stating Friday.
    const { files } = await ingest(join(import.meta.dirname, "../fixtures/story-date"));
    const thursday = files.find((f) => f.path === "stated-thursday.txt")!;
    const friday = (n: number): SourceFile => ({
      ...thursday,
      path: `friday-${n}.txt`,
      text: thursday.text.replace("date 2025-05-29", "date 2025-05-30").replace("/news/", `/friday-${n}/`) + `\nReporting by outlet ${n}.`,
    });
    const first = runPipeline([thursday], { zone: "UTC" });
    expect(first.stories[0]!.date).toBe("2025-05-29");
    const later = [thursday, friday(1), friday(2)];
    const next = runPipeline(later, { zone: "UTC", identity: first.identity });
    expect(next.stories).toHaveLength(1);
    expect(next.stories[0]!.id).toBe(first.stories[0]!.id);
    expect(next.stories[0]!.date).toBe("2025-05-29");
    // Built afresh, the day most of them state wins; and with Thursday's report gone, the story moves.
    expect(runPipeline(later, { zone: "UTC" }).stories[0]!.date).toBe("2025-05-30");
    expect(runPipeline([friday(1), friday(2)], { zone: "UTC", identity: next.identity }).stories[0]!.date).toBe("2025-05-30");
  });

  it("keeps its published headline when a fuller report of the same day joins it", async () => {
    const { files } = await ingest(join(import.meta.dirname, "../fixtures/story-date"));
    const first = files.find((f) => f.path === "stated-thursday.txt")!;
    const headline = "Antwerp-Bruges clears ship backlog after 48-hour dock strike";
    const fuller: SourceFile = {
      ...first,
      path: "fuller.txt",
      text: first.text.replace(headline, "Belgian dockers return after strike").replace("/news/", "/other/") + "\nThe unions said talks with the government would resume next week.\nShipping lines said schedules would take a fortnight to recover.",
    };
    const published = runPipeline([first], { zone: "UTC" });
    expect(published.stories[0]!.title).toBe(headline);
    const next = runPipeline([first, fuller], { zone: "UTC", identity: published.identity });
    expect(next.stories).toHaveLength(1);
    expect(next.stories[0]!.title).toBe(headline);
    // Built again with nothing new (the next day's build): the headline still holds.
    const again = runPipeline([first, fuller], { zone: "UTC", identity: next.identity });
    expect(again.stories[0]!.title).toBe(headline);
    expect(runPipeline([first, fuller], { zone: "UTC", identity: again.identity }).stories[0]!.title).toBe(headline);
    // Built afresh, the fuller report gives the headline.
    expect(runPipeline([first, fuller], { zone: "UTC" }).stories[0]!.title).toBe("Belgian dockers return after strike");
  });

  it("keeps its published day only while a member of the firmest tier gives it", () => {
    const copied = member("copy.txt", "2025-05-29", "file-mtime");
    const stated = [member("a.txt", "2025-05-30", "json-ld"), member("b.txt", "2025-05-30", "url")];
    expect(storyDate([copied, ...stated], "2025-05-29")).toBe("2025-05-30");
    expect(storyDate([member("c.txt", "2025-05-29", "html-meta"), ...stated], "2025-05-29")).toBe("2025-05-29");
    expect(storyDate([member("c.txt", "2025-05-29", "html-meta"), ...stated])).toBe("2025-05-30");
  });

  it("is the day most of its dated articles state, the earliest on a tie", () => {
    const stated = [member("a.txt", "2025-05-30", "json-ld"), member("b.txt", "2025-05-29", "url"), member("c.txt", "2025-05-30", "html-meta")];
    expect(storyDate(stated)).toBe("2025-05-30");
    expect(storyDate(stated.slice(0, 2))).toBe("2025-05-29");
  });
});

/** A resolved member dated `date` by `source`: its own evidence states the day only when the source is one the article states. */
function member(path: string, date: string, source: DateSource): ResolvedArticle {
  const stated = !["relative-to-story", "relative-to-page", "story", "file-mtime"].includes(source);
  const evidence = { date: stated ? date : null, dateSource: stated ? source : null, weekday: null, pageAnchor: null, pageDate: source === "relative-to-page" ? date : null, mtimeDate: source === "file-mtime" ? date : "2025-07-01" };
  return { path, format: "text", raw: "", title: "T", paragraphs: [], meta: emptyMeta(), context: "", mtime: new Date(Date.UTC(2025, 6, 1)), messages: [], evidence, date, dateSource: source };
}
