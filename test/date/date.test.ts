import { describe, expect, it } from "vitest";
import type { CleanArticle, DatedArticle } from "../../src/types.ts";
import { dateArticles, resolveDates } from "../../src/date/index.ts";
import { dayOf, nearestWeekday, weekdayOnOrBefore } from "../../src/date/parse.ts";
import { emptyMeta } from "../../src/clean/text.ts";

function article(paragraphs: string[], extra: Partial<CleanArticle> = {}): CleanArticle {
  return { path: "a.txt", format: "text", raw: paragraphs.join("\n\n"), title: "T", paragraphs, meta: emptyMeta(), context: "", mtime: new Date("2026-01-02T10:00:00Z"), messages: [], ...extra };
}
const date = (a: CleanArticle, zone = "UTC") => dateArticles([a], { zone })[0]!;

describe("dating one article", () => {
  it("takes a metadata or front-matter timestamp first, as a day in the configured zone", () => {
    const a = article(["Body."], { meta: { ...emptyMeta(), date: "2025-05-29T23:30:00-04:00", dateOrigin: "front-matter" } });
    expect(date(a).evidence).toMatchObject({ date: "2025-05-30", dateSource: "front-matter" });
    expect(date(a, "America/New_York").evidence.date).toBe("2025-05-29");
  });

  it("reads a dateline at the head of the first paragraph", () => {
    const e = date(article(["WASHINGTON, March 3, 2024 (Reuters) - Lawmakers agreed on Sunday to a spending deal."])).evidence;
    expect(e).toMatchObject({ date: "2024-03-03", dateSource: "dateline" });
  });

  it("does not take a date from deep in the story as its dateline", () => {
    const e = date(article(["Lawmakers agreed a spending deal on Sunday after talks that began when the previous budget expired on March 3, 2021."])).evidence;
    expect(e.date).toBeNull();
    expect(e.weekday).toBe(7);
  });

  it("does not take the page's clock as the article's date, but uses it to resolve 'on Thursday'", () => {
    const e = date(article(["Russia on Thursday accused Serbia of exporting arms."], { context: "Friday, May 30, 2025\nLive TV" })).evidence;
    expect(e.date).toBeNull();
    expect(e.pageAnchor).toBe("2025-05-30");
    expect(e.pageDate).toBe("2025-05-29");
  });

  it("falls back to the file's modification day, marked as such", () => {
    const [resolved] = resolveDates(dateArticles([article(["No dates here at all."])], { zone: "UTC" }));
    expect(resolved).toMatchObject({ date: "2026-01-02", dateSource: "file-mtime" });
  });
});

describe("resolving against the story", () => {
  it("puts 'on Thursday' on the Thursday nearest the day other outlets state", () => {
    const stated = { ...article(["x"]), path: "b.txt", meta: { ...emptyMeta(), date: "2025-05-29", dateOrigin: "metadata-line" } };
    const relative = article(["Russia on Thursday accused Serbia of exporting arms to Ukraine."]);
    const members: DatedArticle[] = dateArticles([relative, stated], { zone: "UTC" });
    const [a, b] = resolveDates(members);
    expect(a).toMatchObject({ date: "2025-05-29", dateSource: "relative-to-story" });
    expect(b).toMatchObject({ date: "2025-05-29", dateSource: "metadata-line" });
  });
});

describe("calendar helpers", () => {
  it("finds weekdays around an anchor", () => {
    expect(nearestWeekday("2025-05-28", 4)).toBe("2025-05-29"); // Wednesday -> Thursday after
    expect(nearestWeekday("2025-05-30", 4)).toBe("2025-05-29");
    expect(weekdayOnOrBefore("2025-06-23", 1)).toBe("2025-06-23");
    expect(weekdayOnOrBefore("2025-06-25", 1)).toBe("2025-06-23");
  });

  it("parses ISO, RFC 2822 and HTTP timestamps", () => {
    expect(dayOf("2025-05-29", "UTC")).toBe("2025-05-29");
    expect(dayOf("Thu, 29 May 2025 22:00:00 -0400", "UTC")).toBe("2025-05-30");
    expect(dayOf("not a date", "UTC")).toBeNull();
  });
});
