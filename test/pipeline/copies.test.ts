// Copies of one article dated apart are one story, on the day the stronger evidence gives (src/pipeline/copies.ts).
// The page is a tuning-half page of dates-dev (c32c42113ee5b7e7, "Leadership Styles", gold day 2016-02-08) saved
// twice, as its HTML (JSON-LD: 2016-02-08) and as its text dump (a visible date line: 2018-03-26): two stories two
// years apart before. Two Markdown notes written here, each dated by its own front matter, stay two publications.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { runPipeline } from "../../src/pipeline.ts";
import type { SourceFile } from "../../src/types.ts";

const dir = join(import.meta.dirname, "../fixtures/copies");
const mtime = new Date(Date.UTC(2026, 10, 20, 12));
const html: SourceFile = { path: "page.html", format: "html", text: gunzipSync(readFileSync(join(dir, "dates-c32c42113ee5b7e7.html.gz"))).toString("utf8"), encoding: "utf-8", mtime };
const dump: SourceFile = { path: "page.txt", format: "text", text: readFileSync(join(dir, "dates-c32c42113ee5b7e7.txt"), "utf8"), encoding: "utf-8", mtime };

const body = [
  "The harbour authority of Emden said on its website that the new lock gate, built over three years by a consortium of four firms, was opened to ships for the first time after tests on the water levels and the pumps.",
  "Engineers had replaced the old gate, which dated from the nineteen sixties, because its hinges no longer closed tightly and salt water reached the inner harbour at every high tide during the winter storms.",
  "The port expects larger car carriers to use the lock from next spring, when the dredging of the outer channel is finished and the pilots have trained on the new approach with the simulator in Leer.",
].join("\n\n");
const note = (path: string, day: string): SourceFile => ({ path, format: "markdown", text: `---\ntitle: Emden opens its new lock gate\ndate: ${day}\n---\n\n${body}\n`, encoding: "utf-8", mtime });

describe("one article saved as its HTML and as its text dump, dated apart", () => {
  const result = runPipeline([html, dump], { zone: "UTC" });

  it("is one story, on the day the page's structured data gives", () => {
    expect(result.stories).toHaveLength(1);
    const story = result.stories[0]!;
    expect(story.date).toBe("2016-02-08");
    expect(story.members.map((m) => m.path).sort()).toEqual(["page.html", "page.txt"]);
    const copy = story.members.find((m) => m.path === "page.txt")!;
    expect(copy.date).toBe("2016-02-08");
    expect(copy.dateSource).toBe("copy");
  });

  it("says once, for the copy whose day it moved, what its own day was and why", () => {
    const said = result.messages.filter((m) => m.rule === "copy-date");
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ file: "page.txt", stage: "date", level: "warning" });
    expect(said[0]!.text).toContain("2018-03-26");
    expect(said[0]!.text).toContain("page.html");
  });

  it("gives the same story whichever order the inputs come in", () => {
    const again = runPipeline([dump, html], { zone: "UTC" });
    expect(again.stories.map((s) => [s.id, s.date, s.members.map((m) => m.path)])).toEqual(result.stories.map((s) => [s.id, s.date, s.members.map((m) => m.path)]));
  });
});

describe("one text published twice, each copy dated by its own front matter", () => {
  const result = runPipeline([note("first.md", "2024-03-01"), note("again.md", "2024-03-20")], { zone: "UTC" });

  it("keeps both days: evidence as strong on both sides does not say which is wrong", () => {
    expect(result.stories.map((s) => s.date).sort()).toEqual(["2024-03-01", "2024-03-20"]);
    expect(result.messages.filter((m) => m.rule === "copy-date")).toEqual([]);
  });
});
