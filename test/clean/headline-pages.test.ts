// Headlines read from real text dumps (dev-corpus pages copied to test/fixtures/clean/headlines/):
// the failure classes the headline models were changed for, as a reader would see them.
import { describe, expect, it } from "vitest";
import { cleanSource } from "../../src/clean/index.ts";
import { textFixture } from "./text-fixture.ts";

const page = (name: string, url: string | null) => textFixture(`headlines/${name}`, url);

describe("headlines of text dumps", () => {
  // Without the URL the no-URL models (their length bins: a two-word kicker against a 13-word
  // headline) now pick the headline too, by 0.77 in log-odds.
  it("passes over the all-caps kicker above the headline, with the page's URL and without it", () => {
    for (const url of ["https://www.barrons.com/articles/home-depot-stock-earnings-report-51574168486", null]) {
      const a = cleanSource(page("kicker-above-headline.txt", url));
      expect(a.title).toBe("Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.");
      expect(a.paragraphs[0]).toMatch(/^Shares of construction goods giant Home Depot are dropping/);
    }
  });

  it("takes the headline, not the standfirst under it, when no URL tells them apart", () => {
    const a = cleanSource(page("standfirst-below-headline.txt", null));
    expect(a.title).toBe("Erste Zusagen für Aufnahmen von über 80 LSBTI aus Afghanistan");
    expect(a.paragraphs[0]).toMatch(/^In ihrer Antwort auf eine schriftliche Anfrage/);
  });

  it("finds a headline that stands far above the located body (a recipe's ingredient lists in between)", () => {
    const a = cleanSource(page("headline-far-above-body.txt", "https://web.archive.org/web/20200808063632/https://www.przepisy.pl/przepis/pierogi-z-dynia-w-sosie-szalwiowym"));
    expect(a.title).toBe("Pierogi z dynią w sosie szałwiowym");
    expect(a.paragraphs[0]).toMatch(/^Z mąki, wody, soli i jajka zrób klasyczne ciasto na pierogi/);
  });

  it("finds a headline standing below the body's start (the article located from a teaser list above it)", () => {
    for (const url of ["https://lapresse.tn/48915/parite-hommes-femmes-en-tunisie-au-dessous-de-la-moyenne-mondiale/", null]) {
      const a = cleanSource(page("headline-below-body-start.txt", url));
      expect(a.title).toMatch(/Parité hommes-femmes en Tunisie : Au-dessous de la moyenne mondiale$/);
      expect(a.paragraphs.join("\n")).toMatch(/Malgré les acquis réalisés au profit de la femme/);
      expect(a.paragraphs.join("\n")).not.toMatch(/Arrestation d’un terroriste/);
    }
  });

  it("takes the headline whose words the lead restates, not the standfirst under it, without the URL", () => {
    const a = cleanSource(page("headline-restated-by-lead.txt", null));
    expect(a.title).toBe("Nelson's OT goal lifts Isles");
    expect(a.paragraphs.join("\n")).toMatch(/^Brock Nelson's second goal of the game 2:55 into overtime capped a frantic comeback/);
  });

  // A photo's credit above the article (its picture is not in the dump) is never a story's headline.
  it("shows the page's headline, not the photo credit above it (webpages-dev 10d4d56d7519ccb9)", () => {
    for (const url of ["https://www.reisen-mit-dem-internet.de/europa/deutschland/niedersachsen/ostfriesland/emden-21416", null]) {
      const a = cleanSource(page("photo-credit-above-body.txt", url));
      expect(a.title).toBe("Emden");
      expect(a.paragraphs[0]).toMatch(/^Emden ist vor allem in Deutschland als „Hauptstadt“ der Region Ostfriesland bekannt/);
    }
  });

  // A video's caption with its agency's name glued on ("… w ChileENEX") is never a story's headline.
  it("shows the page's headline, not the video caption with its credit glued on (dates-dev 7dd6dc3ea338bee2)", () => {
    const a = cleanSource(page("caption-with-glued-credit.txt", "https://tvn24.pl/swiat/koronawirus-w-chile-po-zniesieniu-obostrzen-tlumy-ludzi-w-sklepach-i-dlugie-kolejki-4668753?source=rss"));
    expect(a.title).toBe("Tłumy ludzi szturmowały sklepy po zniesieniu obostrzeń. \"Głupota ludzka przeważyła\"");
    expect(a.title).not.toMatch(/ENEX|TVN24$/);
  });

  // The dump prints the page's breadcrumb trail on the headline's line: the reader is shown the last step.
  it("shows the headline at the end of a breadcrumb trail, not the trail", () => {
    for (const url of ["http://www.sauvonsluniversite.fr/spip.php?article8532", null]) {
      const a = cleanSource(page("breadcrumb-trail-headline.txt", url));
      expect(a.title).toBe("Décisions de l’AG Éducation IDF du mardi 10 septembre");
    }
    // The trail's first step (a home icon) lost: the line opens with the arrow.
    const b = cleanSource(page("breadcrumb-opening-arrow.txt", null));
    expect(b.title).toBe("Digitalpolitische Jahrestagung 2015 der Heinrich-Böll-Stiftung Baden-Württemberg");
  });

  // A one-word line just over a headline-length line is its label (a section, a site's logo word), never the headline.
  it("shows the headline, not the one-word section label over it, without the URL (webpages-dev 13636391bbc21643)", () => {
    const a = cleanSource(page("section-label-over-headline.txt", null));
    expect(a.title).toBe("Kernfusion: Kann „die Energiequelle der Sterne“ Energieprobleme aus der Welt schaffen?");
    expect(a.paragraphs.join("\n")).toMatch(/Kernfusion kommt als Energieform immer wieder ins Gespräch/);
  });

  it("shows the headline, not the one-word logo line over it (webpages-dev 2232de0e17fd9fa1)", () => {
    const a = cleanSource(page("one-word-logo-over-headline.txt", "https://web.archive.org/web/20160401095740/http://www.welpenkaufen24.de/"));
    expect(a.title).toBe("Welpen kaufen – Tipps zu jeder Hunderasse");
    expect(a.paragraphs[0]).toMatch(/^Schön, dass Du diese Seite gefunden hast/);
  });

  // Written for this test (the shape of a bench page): a one-word headline, the body glued under it, then a
  // teaser link of a headline's length. The label rule must not pass the headline over for a menu line far above.
  it("keeps a one-word headline over its body, not a menu question above it, without the URL", () => {
    const a = cleanSource(page("one-word-headline-over-body-and-teaser.txt", null));
    expect(a.title).toBe("Wasser");
    expect(a.title).not.toBe("Wo finde ich eine Beratungsstelle?");
    expect(a.paragraphs[0]).toMatch(/Sauberes Wasser ist die Grundlage/);
  });

  // Written for this test (invented text): a media player's notice to the reader above a video's caption and the
  // headline. The notice is never the story's headline, whether or not the page's URL is known.
  it("never shows a media player's notice to the reader as the headline", () => {
    for (const url of ["https://news.example.org/news/uk-england-12345678", null]) {
      const a = cleanSource(page("player-notice-above-body.txt", url));
      expect(a.title).not.toMatch(/unsupported on your device/);
      expect(a.paragraphs[0]).toMatch(/^A new tram bridge over the river has opened/);
    }
    expect(cleanSource(page("player-notice-above-body.txt", null)).title).toBe("Tram bridge opens after six years of delays");
  });
});
