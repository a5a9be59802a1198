import { describe, expect, it } from "vitest";
import type { CleanArticle, DatedArticle } from "../../src/types.ts";
import { dateArticles, ownDate, resolveDates } from "../../src/date/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";

function article(paragraphs: string[], extra: Partial<CleanArticle> = {}): CleanArticle {
  return { path: "a.txt", format: "text", raw: paragraphs.join("\n\n"), title: "T", paragraphs, meta: emptyMeta(), context: "", mtime: new Date(Date.UTC(2026, 0, 2, 10)), messages: [], ...extra };
}
const date = (a: CleanArticle, zone = "UTC") => dateArticles([a], { zone })[0]!;

describe("dating one article", () => {
  it("takes a front-matter timestamp first, as the day it names in its own offset, whatever the configured zone", () => {
    const a = article(["Body."], { meta: { ...emptyMeta(), date: "2025-05-29T23:30:00-04:00", dateOrigin: "front-matter" } });
    expect(date(a).evidence).toMatchObject({ date: "2025-05-29", dateSource: "front-matter" });
    expect(date(a, "Asia/Tokyo").evidence.date).toBe("2025-05-29");
    expect(date(a, "Pacific/Kiritimati").evidence.date).toBe("2025-05-29");
  });

  it("reads a date line written in Arabic-Indic or full-width digits", () => {
    const arabic = article(["ارتفعت أسعار الذهب يوم الخميس إلى مستوى قياسي جديد، وفق بيانات السوق."], { raw: "ارتفاع أسعار الذهب\nالثلاثاء ١٩ نوفمبر ٢٠١٩\n\nارتفعت أسعار الذهب يوم الخميس إلى مستوى قياسي جديد، وفق بيانات السوق." });
    expect(ownDate(arabic, "UTC")).toMatchObject({ date: "2019-11-19", dateSource: "visible-date" });
    const japanese = article(["東京都は１９日、運賃を引き下げると発表した。"], { raw: "運賃を引き下げへ\n２０１９年１１月１９日　１０時３０分\n\n東京都は１９日、運賃を引き下げると発表した。" });
    expect(ownDate(japanese, "UTC")).toMatchObject({ date: "2019-11-19", dateSource: "visible-date" });
  });

  it("reads a dateline at the head of the first paragraph", () => {
    const a = article(["WASHINGTON, March 3, 2024 (Reuters) - Lawmakers agreed on Sunday to a spending deal."]);
    expect(ownDate(a, "UTC")).toMatchObject({ date: "2024-03-03", dateSource: "visible-date" });
  });

  it("does not state a date from deep in the story: 'on Sunday' read against the page comes first", () => {
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

  it("falls back to the file's modification day in the configured zone, marked as such", () => {
    const [resolved] = resolveDates(dateArticles([article(["No dates here at all."])], { zone: "UTC" }));
    expect(resolved).toMatchObject({ date: "2026-01-02", dateSource: "file-mtime" });
    const late = article(["No dates here at all."], { mtime: new Date(Date.UTC(2026, 0, 2, 23, 30)) });
    expect(resolveDates(dateArticles([late], { zone: "Asia/Kolkata" }))[0]!.date).toBe("2026-01-03");
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

  it("lets a day the page only suggests yield to the day the story's articles state, and date a lone article by it", () => {
    const stated = { ...article(["x"]), path: "b.txt", meta: { ...emptyMeta(), date: "2025-05-29", dateOrigin: "metadata-line" } };
    const [guessed] = dateArticles([article(["A harbour reopened."], { path: "c.txt" })], { zone: "UTC" });
    const withGuess: DatedArticle = { ...guessed!, evidence: { ...guessed!.evidence, weakDate: "2025-04-01" } };
    expect(resolveDates([withGuess, ...dateArticles([stated], { zone: "UTC" })])[0]).toMatchObject({ date: "2025-05-29", dateSource: "story" });
    expect(resolveDates([withGuess])[0]).toMatchObject({ date: "2025-04-01", dateSource: "visible-date" });
  });
});
