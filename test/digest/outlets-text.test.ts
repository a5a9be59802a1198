// The outlet a reader is shown for a text dump (no URL, as a scrape comes): the page's own lines name it,
// or nothing does; never the group that owns the site, nor the site's tagline.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { outletLabel, outletOf, UNKNOWN_OUTLET } from "../../src/digest/outlets.ts";
import { cleanSource } from "../../src/clean/index.ts";

const fixtures = join(import.meta.dirname, "../fixtures/outlets");

/** The label a story's source line shows for a trimmed real dump (dev tuning-half pages). */
function shown(file: string): string {
  const a = cleanSource({ path: file, format: "text", text: readFileSync(join(fixtures, file), "utf8"), encoding: "utf-8", mtime: new Date(0), url: null });
  return outletLabel(outletOf(a));
}

describe("the outlet shown for a text dump", () => {
  it("credits the brand its copyright line ends with, not the tagline before it", () => {
    // "© 2008 - 2019 Schnäppchen Blog mit Doktortitel - DealDoktor.de": was "Schnäppchen Blog mit Doktortitel".
    expect(shown("dealdoktor-brand-part.txt")).toBe("DealDoktor.de");
  });

  it("credits the site the page opens with when that masthead is its address", () => {
    // "Cleanthinking.de" / "Sauber in die Zukunft": was "Unknown outlet".
    expect(shown("cleanthinking-masthead.txt")).toBe("Cleanthinking.de");
  });

  it("shows no name rather than the media group a copyright line names", () => {
    // "© 2020 Static Media®. All Rights Reserved" on thelist.com: was "Static Media".
    expect(shown("thelist-group-company.txt")).toBe(UNKNOWN_OUTLET);
  });

  it("does not take a masthead that is a tagline for the site's name", () => {
    // The page opens with "Datenbank für Multiplayergames" (coopbuddy.de's tagline): nothing names it, as before.
    expect(shown("coopbuddy-tagline-masthead.txt")).toBe(UNKNOWN_OUTLET);
  });
});

/** The label for a trimmed real dump whose first line gives its address (`url …`), as a scraper writes it. */
function shownWithUrl(file: string): { label: string; host: string | null } {
  const a = cleanSource({ path: file, format: "text", text: readFileSync(join(fixtures, file), "utf8"), encoding: "utf-8", mtime: new Date(0), url: null });
  const outlet = outletOf(a);
  return { label: outletLabel(outlet), host: outlet.host };
}

describe("the outlet shown for a text dump whose address is known", () => {
  it("names the site by its masthead line rather than showing its address", () => {
    // "PhillyVoice" stands in the menu and under the byline; the copyright line names the owner (WWB Holdings):
    // before, the story was credited to "phillyvoice.com".
    expect(shownWithUrl("phillyvoice-name-line.txt")).toEqual({ label: "PhillyVoice", host: "phillyvoice.com" });
  });

  it("keeps the address when the lines that spell it are the site's products", () => {
    // "Macwelt TV", "Macwelt Forum", "Macwelt - Heftarchiv", "💌 Macwelt-Newsletter", "Macwelt Marktplatz":
    // none is the site's name, so the story is credited to its address, as before.
    expect(shownWithUrl("macwelt-product-lines.txt")).toEqual({ label: "macwelt.de", host: "macwelt.de" });
  });
});
