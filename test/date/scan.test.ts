// Where the date stage finds a page's dates and its landmarks (headline, body), on real pages from the
// tuning half of dates-dev (test/fixtures/dates).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../../src/clean/index.ts";
import { scanOf } from "../../src/date/evidence.ts";
import { MENTION_FEATURES, mentionFeatures, pageContext } from "../../src/date/features.ts";
import { scanHtml } from "../../src/date/html-scan.ts";
import { findDates } from "../../src/date/text-dates.ts";
import { scanText } from "../../src/date/text-scan.ts";
import { decode } from "../../src/ingest/decode.ts";
import type { PageScan, VisibleDate } from "../../src/date/scan-types.ts";

const dir = join(import.meta.dirname, "../fixtures/dates");
const pages = readFileSync(join(dir, "pages.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; url: string; date: string; text_dump: string });
const page = (prefix: string) => pages.find((p) => p.id.startsWith(prefix))!;

function textScan(prefix: string): PageScan {
  const p = page(prefix);
  return scanOf(cleanSource({ path: p.id, format: "text", text: p.text_dump, encoding: "utf-8", mtime: new Date(0), url: p.url }), "text");
}

describe("HTML pages with malformed end tags", () => {
  it("reads the page after an svg closed by '</svg' with no '>' (4d1dbcc2), as a browser does", () => {
    const p = page("4d1dbcc2");
    const d = decode(gunzipSync(readFileSync(join(dir, `${p.id}.html.gz`))));
    if (!d.ok) throw new Error(d.reason);
    expect(d.text).toMatch(/<\/svg\s*<\/span>/);
    const scan = scanOf(cleanSource({ path: p.id, format: "html", text: d.text, encoding: "utf-8", mtime: new Date(0), url: p.url }), "html");
    // The photo captions below the logo carry the week's days, the gold day among them.
    expect(scan.visible.map((v) => v.date.day)).toContain(p.date);
  });

  it("still skips what a script holds up to its own end tag", () => {
    const raw = `<html><body><h1>Harbour reopens</h1><script>var d = "3 May 2019";</script  ><p>Published 4 May 2020</p></body></html>`;
    const scan = scanHtml({ raw, title: "Harbour reopens", paragraphs: [] });
    expect(scan.visible.map((v) => v.date.day)).toEqual(["2020-05-04"]);
  });
});

describe("landmarks in text dumps", () => {
  it("finds a headline the dump writes with a no-break space (8eae5c83)", () => {
    expect(page("8eae5c83").text_dump).toContain("ist\u00a0„glücklich“");
    const scan = textScan("8eae5c83");
    expect(scan.visible.length).toBeGreaterThan(0);
    expect(scan.visible.every((v) => v.fromHeadline !== null)).toBe(true);
  });

  it("finds a body written in a script other than Latin (947003d3, Greek)", () => {
    const scan = textScan("947003d3");
    const gold = scan.visible.find((v) => v.date.day === page("947003d3").date);
    expect(gold?.fromBody).not.toBeNull();
  });
});

describe("a date written in the headline", () => {
  const blocks = ["Protokoll der Vorstandssitzung vom 10. Oktober 2019", "26/12/2019 von revamp-it Webteam"];
  const visible: VisibleDate[] = blocks.map((block, index) => ({ date: findDates(block)[0]!, block, index, position: 0.1, fromHeadline: index, fromBody: null, afterBody: false, neighbours: 0, markup: "", inTime: false, inBody: false }));
  const scan: PageScan = { structured: [], visible, bad: [], years: new Map(), lang: null, headline: "Protokoll der Vorstandssitzung vom 10.\u00a0Oktober 2019" };
  const inHeadline = MENTION_FEATURES.indexOf("in-headline");

  it("is marked as the headline's, whatever spaces the headline uses; the byline's date is not", () => {
    const page = pageContext(scan, { day: null, month: null });
    expect(visible.map((v) => mentionFeatures(v, page)[inHeadline])).toEqual([1, 0]);
  });
});

describe("dates written alike, as the items of one list are", () => {
  // Lines of a real text dump (4833f475): the teasers of a news list, then the article's own date line.
  const blocks = ["30.01.2022 · Männer · HBL1", "30.01.2022 · Männer · EURO", "27.01.2022 · Männer · HBL2", "02.02.2022 10:16 Uhr - 1. Bundesliga - PM Vereine, red"];
  const visible: VisibleDate[] = blocks.map((block, index) => ({ date: findDates(block)[0]!, block, index, position: 0.1 * index, fromHeadline: index, fromBody: null, afterBody: false, neighbours: 0, markup: "", inTime: false, inBody: false }));
  const scan: PageScan = { structured: [], visible, bad: [], years: new Map(), lang: null, headline: "" };
  const sameShape = MENTION_FEATURES.indexOf("same-shape");

  it("counts the list's items as one shape, and the article's date line as a shape of its own", () => {
    const page = pageContext(scan, { day: null, month: null });
    expect(visible.map((v) => mentionFeatures(v, page)[sameShape])).toEqual([Math.log(3), Math.log(3), Math.log(3), 0]);
  });
});

describe("a masthead's clock far above the headline", () => {
  // Lines of a real text dump (ca1798aa): today's date in the masthead, then the article's date line.
  const blocks = ["mercredi 19 février 2020", "Publié sur 18/02/2020", "19/02/2020"];
  const fromHeadline = [-15, 15, 47];
  const visible: VisibleDate[] = blocks.map((block, index) => ({ date: findDates(block)[0]!, block, index, position: 0.1 * index, fromHeadline: fromHeadline[index]!, fromBody: null, afterBody: false, neighbours: 0, markup: "", inTime: false, inBody: false }));
  const scan: PageScan = { structured: [], visible, bad: [], years: new Map(), lang: null, headline: "" };
  const rank = MENTION_FEATURES.indexOf("rank");

  it("counts as read after the dates from the headline on, not as the page's first date", () => {
    const page = pageContext(scan, { day: null, month: null });
    expect(visible.map((v) => mentionFeatures(v, page)[rank])).toEqual([Math.log1p(2), Math.log1p(0), Math.log1p(1)]);
  });
});

describe("a text dump's dates written in other scripts' digits", () => {
  it("reads the date from the folded line but keeps the line as written as its block", () => {
    const raw = "ارتفاع أسعار الذهب\nالثلاثاء ١٩ نوفمبر ٢٠١٩\n\nارتفعت أسعار الذهب يوم الخميس إلى مستوى قياسي جديد، وفق بيانات السوق.";
    const scan = scanText({ raw, title: "ارتفاع أسعار الذهب", paragraphs: ["ارتفعت أسعار الذهب يوم الخميس إلى مستوى قياسي جديد، وفق بيانات السوق."] });
    expect(scan.visible.map((v) => [v.date.day, v.block])).toEqual([["2019-11-19", "الثلاثاء ١٩ نوفمبر ٢٠١٩"]]);
  });
});
