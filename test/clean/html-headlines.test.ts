// Headlines of saved HTML pages as a reader sees them: without the site part of <title> and without a
// kicker glued before the headline (two tuning-half dev pages, scripts and styles cut, in
// test/fixtures/clean/html-headlines/; saved without their URL, as a user's saved pages often are).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanSource } from "../../src/clean/index.ts";
import { reconcileHeadline, withoutKicker, type HeadlineClaims } from "../../src/clean/headline.ts";
import type { SourceFile } from "../../src/types.ts";

const page = (name: string, url: string | null = null): SourceFile => ({
  path: name,
  format: "html",
  text: readFileSync(join(import.meta.dirname, "../fixtures/clean/html-headlines", name), "utf8"),
  encoding: "utf-8",
  mtime: new Date(0),
  url,
});
const claims = (c: Partial<HeadlineClaims>): HeadlineClaims => ({ og: null, jsonLd: null, twitter: null, h1: [], title: null, siteName: null, url: null, ...c });

describe("HTML headlines without a kicker glued on", () => {
  it("drops the section kicker the <h1> prints before the headline og:title states alone", () => {
    const a = cleanSource(page("kicker-societe.html"));
    expect(a.title).toBe("Dans la queue de la tempête Ciaran, à quoi s’attendre en Aquitaine ?");
  });

  it("keeps what stands after the kicker as the page shows it, quotes and dashes included", () => {
    expect(withoutKicker("Headline: Energiewende und gesellschaftlicher Wandel", "Energiewende und gesellschaftlicher Wandel")).toBe("Energiewende und gesellschaftlicher Wandel");
    expect(withoutKicker("Interview „Wir bleiben hier“ – sagt der Bürgermeister", "Wir bleiben hier - sagt der Bürgermeister")).toBe("„Wir bleiben hier“ – sagt der Bürgermeister");
  });

  it("leaves a line that is the headline, or more than a kicker more, or a headline of two words", () => {
    expect(withoutKicker("Sierra Leone: Die Sonne geht auch wieder auf", "Sierra Leone: Die Sonne geht auch wieder auf")).toBe("Sierra Leone: Die Sonne geht auch wieder auf");
    expect(withoutKicker("Bridge to close for repairs next week", "Bridge to close for repairs next week, council says")).toBe("Bridge to close for repairs next week");
    expect(withoutKicker("Energie Kernfusion", "Kernfusion")).toBe("Energie Kernfusion");
    expect(withoutKicker("one two three four five six seven eight nine Bridge to close soon", "Bridge to close soon")).toBe("one two three four five six seven eight nine Bridge to close soon");
  });
});

describe("HTML headlines without the site part of <title>", () => {
  it("cuts the site part an og:title copied from the <title>, when the <h1> leaves it out", () => {
    const a = cleanSource(page("og-title-copies-title.html"));
    expect(a.title).toBe("ORSO MARSICANO: 2019 UN ANNO DA RECORD");
    expect(
      reconcileHeadline(claims({ og: "Bridge to close for repairs | Harbour Town Gazette", title: "Bridge to close for repairs | Harbour Town Gazette", h1: ["Bridge to close for repairs"] })),
    ).toBe("Bridge to close for repairs");
  });

  it("keeps a title part when the only other statement sharing it is one word (a category page's label)", () => {
    expect(reconcileHeadline(claims({ og: "Korsetts – Shops, Designer, online kaufen", title: "Korsetts – Shops, Designer, online kaufen", h1: ["Korsetts"] }))).toBe(
      "Korsetts – Shops, Designer, online kaufen",
    );
  });
});
