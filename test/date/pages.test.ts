// Real pages (test/fixtures/dates, from the tuning half of dates-dev) and small made-up ones, through
// the product's own cleaning and dating, as `digest clean` dates them.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../../src/clean/index.ts";
import { ownDate } from "../../src/date/index.ts";
import { decode } from "../../src/ingest/decode.ts";
import type { InputFormat } from "../../src/types.ts";

const dir = join(import.meta.dirname, "../fixtures/dates");
const pages = readFileSync(join(dir, "pages.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; url: string; date: string; text_dump: string });
const page = (prefix: string) => pages.find((p) => p.id.startsWith(prefix))!;
const html = (id: string) => {
  const d = decode(gunzipSync(readFileSync(join(dir, `${id}.html.gz`))));
  if (!d.ok) throw new Error(d.reason);
  return d.text;
};

function dateOf(text: string, format: InputFormat, url: string | null = null, path = "page") {
  return ownDate(cleanSource({ path, format, text, encoding: "utf-8", mtime: new Date(Date.UTC(2030, 0, 1)), url }), "UTC");
}

describe("real pages, from their HTML and URL", () => {
  it.each([
    ["2b92ffd8", "json-ld"],
    ["1332e046", "visible-date"],
    ["6995d048", "visible-date"],
    ["4ca0b6f5", "visible-date"],
    ["08e2278b", "url"],
    ["7e6be4e7", "visible-date"],
    ["f19de514", "json-ld"],
  ])("%s is dated by its %s", (prefix, source) => {
    const p = page(prefix);
    expect(dateOf(html(p.id), "html", p.url)).toMatchObject({ date: p.date, dateSource: source });
  });
});

describe("real pages, from their text dumps and URL", () => {
  it.each(["2b92ffd8", "1332e046", "08e2278b", "7e6be4e7"])("%s", (prefix) => {
    const p = page(prefix);
    expect(dateOf(p.text_dump, "text", p.url).date).toBe(p.date);
  });
});

const shell = (head: string, body: string) => `<!doctype html><html lang="en"><head><title>Harbour reopens after storm | Gazette</title>${head}</head><body><h1>Harbour reopens after storm</h1>${body}<p>The harbour reopened on the morning after the storm, and the first ferries left on time for the islands, the port authority said in a statement.</p><p>Repairs to the outer wall will take until the end of the month, engineers said, and the fishing fleet will use the inner basin until then.</p></body></html>`;

describe("markup dates", () => {
  it("prefers the article's JSON-LD datePublished to its modified date and to a feed's day", () => {
    const page = shell(
      `<meta name="digest:date" content="2024-03-05T08:00:00Z"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-04T23:10:00+01:00","dateModified":"2024-03-06T10:00:00+01:00"}</script>`,
      "",
    );
    expect(dateOf(page, "html")).toMatchObject({ date: "2024-03-04", dateSource: "json-ld" });
  });

  it("takes the day a feed gave (digest fetch) when the page states none of its own", () => {
    const page = shell(`<meta name="digest:date" content="2024-03-05T08:00:00Z">`, "");
    expect(dateOf(page, "html")).toMatchObject({ date: "2024-03-05", dateSource: "feed" });
  });

  it("reads article:published_time as the day in its own offset", () => {
    const page = shell(`<meta property="article:published_time" content="2020-02-15T07:00:00+09:00">`, "");
    expect(dateOf(page, "html")).toMatchObject({ date: "2020-02-15", dateSource: "html-meta" });
  });

  it("reads a UTC datePublished as the day in the zone the page states elsewhere", () => {
    const published = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T01:09:55Z"}</script>`;
    // The same instant written in local time without an offset: 7 hours behind UTC, so 8 November.
    expect(dateOf(shell(published, `<time datetime="2023-11-08 18:09:55">Nov 8</time>`), "html")).toMatchObject({ date: "2023-11-08", dateSource: "json-ld" });
    // Another timestamp with its offset.
    expect(dateOf(shell(`${published}<meta property="article:modified_time" content="2023-11-09T10:00:00-07:00">`, ""), "html").date).toBe("2023-11-08");
    // Nothing says where the page is: the day in UTC.
    expect(dateOf(shell(published, ""), "html").date).toBe("2023-11-09");
  });

  it("dates a page whose only date stands in its footer by that date, marked as a visible date", () => {
    const page = shell("", "").replace("</body>", `<footer class="footer-info"><ul><li class="footer-info-lastmod">Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul></footer></body>`);
    expect(dateOf(page, "html")).toMatchObject({ date: "2020-01-29", dateSource: "visible-date" });
  });

  it("never uses an impossible or out-of-range markup date: it warns and takes the next evidence", () => {
    const page = shell(
      `<meta property="article:published_time" content="2025-02-30T10:00:00Z"><script type="application/ld+json">{"@type":"Article","datePublished":"0000-00-00"}</script>`,
      `<p class="byline">By Ann Lee · 19 November 2019</p>`,
    );
    const result = dateOf(page, "html", null, "storm.html");
    expect(result.date).toBe("2019-11-19");
    const warnings = result.evidence.messages ?? [];
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "storm.html", stage: "date", level: "warning", rule: "date-range", text: expect.stringContaining('"2025-02-30T10:00:00Z"') }),
        expect.objectContaining({ stage: "date", text: expect.stringContaining('"0000-00-00"') }),
      ]),
    );
  });
});

describe("text that states its date", () => {
  it("warns about an impossible metadata-line date and never moves it to another day", () => {
    const text = "date 2025-02-30\n\nHarbour reopens after storm\n\nThe harbour reopened on the morning after the storm, and the first ferries left on time for the islands, the port authority said.";
    const result = dateOf(text, "text", null, "storm.txt");
    expect(result.date).not.toBe("2025-03-02");
    expect(result.date).toBeNull();
    expect(result.evidence.messages).toEqual([expect.objectContaining({ stage: "date", level: "warning", text: expect.stringContaining("2025-02-30") })]);
  });
});
