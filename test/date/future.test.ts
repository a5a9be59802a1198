// A build warns of an article dated after its own present (a mistyped year), read from its inputs, not the clock.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cpSync, mkdtempSync, readdirSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DateSource, Message, ResolvedArticle } from "../../src/types.ts";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { futureDoubts } from "../../src/date/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";

const fixtures = join(import.meta.dirname, "../fixtures/future-date");

/** The fixtures' build (three stories, one Markdown file dated 2062-06-03 for 2025), every file last written at `written`. */
async function build(written: Date) {
  const dir = mkdtempSync(join(tmpdir(), "future-date-"));
  cpSync(fixtures, dir, { recursive: true });
  for (const name of readdirSync(dir)) utimesSync(join(dir, name), written, written);
  const { files } = await ingest(dir);
  return runPipeline(files, { zone: "UTC" });
}
const futureOnes = (messages: readonly Message[]) => messages.filter((m) => m.rule === "future-date");

afterEach(() => vi.useRealTimers());

describe("an article dated after the build's present", () => {
  it("is named in the build's warnings with its file, stage, rule, line and day, and filed under its file's day: it does not lead", async () => {
    const result = await build(new Date(Date.UTC(2025, 5, 3, 18)));
    expect(result.stories).toHaveLength(3);
    expect(result.stories.map((s) => s.date)).toEqual(["2025-06-03", "2025-06-03", "2025-06-02"]);
    const wind = result.stories.find((s) => s.members.some((m) => m.path === "wind-auction.md"))!;
    expect(wind.date).toBe("2025-06-03");
    expect(wind.members[0]!.dateSource).toBe("file-mtime");
    expect(futureOnes(result.messages)).toEqual([
      {
        file: "wind-auction.md",
        stage: "date",
        level: "warning",
        rule: "future-date",
        line: 3,
        text: "dated 2062-06-03 (front-matter), 13514 days after the newest other article (2025-06-03) and after every input file was last written (newest 2025-06-03): a mistyped date? filed under 2025-06-03 (the day its file was last written) instead",
      },
    ]);
  });

  it("refiles a member that took its story's future day along with the article it took it from", () => {
    const articles = [
      member("a.txt", "2025-06-01", "json-ld", "2025-06-02"),
      member("b.txt", "2025-06-02", "metadata-line", "2025-06-02"),
      member("typo.txt", "2062-06-02", "json-ld", "2025-06-01"),
      member("follows.txt", "2062-06-02", "relative-to-story", "2025-06-02"),
    ];
    const { refiled } = futureDoubts(articles);
    expect([...refiled]).toEqual([
      ["typo.txt", { date: "2025-06-01", dateSource: "file-mtime" }],
      ["follows.txt", { date: "2025-06-02", dateSource: "file-mtime" }],
    ]);
  });

  it("is found the same whatever the machine's clock says", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.UTC(2063, 0, 1)));
    const late = await build(new Date(Date.UTC(2025, 5, 3, 18)));
    expect(futureOnes(late.messages).map((m) => m.file)).toEqual(["wind-auction.md"]);
  });

  it("is not told from file times that hold none of the articles (all stamped 1970): they say nothing about now", async () => {
    const epoch = await build(new Date(0));
    expect(epoch.stories[0]!.date).toBe("2062-06-03");
    expect(futureOnes(epoch.messages)).toEqual([]);
  });

  it("is not an article a few days ahead of the rest that its file time allows (a build after a quiet week)", () => {
    const quiet = [member("old-1.txt", "2025-05-20", "json-ld", "2025-05-29"), member("old-2.txt", "2025-05-21", "url", "2025-05-29"), member("new.txt", "2025-05-29", "html-meta", "2025-05-29")];
    expect(futureDoubts(quiet).messages).toEqual([]);
  });

  it("warns of every article past the file times, not of members that only take the story's day", () => {
    const articles = [
      member("a.txt", "2025-06-01", "json-ld", "2025-06-02"),
      member("b.txt", "2025-06-02", "metadata-line", "2025-06-02"),
      member("typo-1.txt", "2062-06-02", "json-ld", "2025-06-02"),
      member("typo-2.txt", "2062-06-02", "visible-date", "2025-06-02"),
      member("follows.txt", "2062-06-02", "relative-to-story", "2025-06-02"),
    ];
    expect(futureDoubts(articles).messages.map((m) => m.file)).toEqual(["typo-1.txt", "typo-2.txt"]);
  });

  it("is not warned of when the file times hold fewer than half the articles", () => {
    const articles = [member("a.txt", "2025-06-01", "json-ld", "2025-06-02"), member("b.txt", "2025-06-20", "json-ld", "2025-06-02"), member("c.txt", "2025-06-21", "url", "2025-06-02")];
    expect(futureDoubts(articles).messages).toEqual([]);
    expect(futureDoubts([...articles, member("d.txt", "2025-06-02", "html-meta", "2025-06-02")]).messages.map((m) => m.file)).toEqual(["b.txt", "c.txt"]);
  });
});

function member(path: string, date: string, source: DateSource, mtimeDate: string): ResolvedArticle {
  const own = source !== "relative-to-story";
  const evidence = { date: own ? date : null, dateSource: own ? source : null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate };
  return { path, format: "text", raw: "", title: "T", paragraphs: [], meta: emptyMeta(), context: "", mtime: new Date(0), messages: [], evidence, date, dateSource: source };
}
