// A story's day: the day its articles state outweighs days worked out from "on Tuesday" or from file times.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { DateSource, ResolvedArticle } from "../../src/types.ts";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { storyDate } from "../../src/date/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";

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
