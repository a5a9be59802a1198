// The part of a page's <title> beside its headline, kept in the article's metadata: the digest names the
// outlet from it when nothing else does (a cached build has no page to read it from again).
import { describe, expect, it } from "vitest";
import { titleSitePart } from "../../src/clean/headline.ts";
import { parseHtml } from "../../src/clean/html.ts";

describe("the title's site part", () => {
  it("is what the <title> holds after or before the headline, each part as written", () => {
    expect(titleSitePart("Wir sind NEOS - NEOS", "Wir sind NEOS")).toBe("NEOS");
    expect(titleSitePart("Hafen Göteborg: Umschlag auf Rekordniveau  - Eurailpress", "Hafen Göteborg: Umschlag auf Rekordniveau")).toBe("Eurailpress");
    expect(titleSitePart("Ein Fall für zwei - Politik - Frankfurter Rundschau", "Ein Fall für zwei")).toBe("Politik | Frankfurter Rundschau");
    expect(titleSitePart("Harbour Post | Storm closes the pier", "Storm closes the pier")).toBe("Harbour Post");
    // The headline's own separators stay the headline's.
    expect(titleSitePart("Update | Crash victims identified | News | Jamaica Gleaner", "Update | Crash victims identified")).toBe("News | Jamaica Gleaner");
  });

  it("is nothing when the title is the headline alone, or does not hold it", () => {
    expect(titleSitePart("Storm closes the pier", "Storm closes the pier")).toBeNull();
    expect(titleSitePart("Harbour Post - Home", "Storm closes the pier")).toBeNull();
    expect(titleSitePart(null, "Storm closes the pier")).toBeNull();
    // A part longer than a site's name is headline or tagline.
    expect(titleSitePart("Storm closes the pier - and the ferry will not run again before Monday", "Storm closes the pier")).toBeNull();
  });

  it("is kept in an HTML page's metadata, not in the headline", () => {
    const html = `<html><head><title>Storm closes the pier | Harbour Post</title><meta property="og:title" content="Storm closes the pier"></head><body><h1>Storm closes the pier</h1><p>Text.</p></body></html>`;
    const { meta } = parseHtml(html, "https://www.harbourpost.example/a");
    expect(meta.title).toBe("Storm closes the pier");
    expect(meta.titleSite).toBe("Harbour Post");
    expect(parseHtml("<html><head><title>Storm closes the pier</title></head><body><p>Text.</p></body></html>").meta.titleSite).toBeUndefined();
  });
});
