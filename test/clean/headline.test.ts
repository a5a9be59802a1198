import { describe, expect, it } from "vitest";
import { hostKey, reconcileHeadline, slugTokens, stripSiteName, type HeadlineClaims } from "../../src/clean/headline.ts";
import { cannotBeHeadline } from "../../src/clean/headline-features.ts";
import { isHeadlineByline } from "../../src/clean/bylines.ts";
import { makeLine } from "../../src/clean/doc.ts";

const claims = (c: Partial<HeadlineClaims>): HeadlineClaims => ({ og: null, jsonLd: null, twitter: null, h1: [], title: null, siteName: null, url: null, ...c });

describe("site names in titles", () => {
  it("takes off the part that names the site, by og:site_name or by the host", () => {
    expect(stripSiteName("Oil prices rise after OPEC deal | Al Bawaba", "Al Bawaba", null)).toBe("Oil prices rise after OPEC deal");
    expect(stripSiteName("Oil prices rise after OPEC deal - Reuters", null, hostKey("https://www.reuters.com/business/x"))).toBe("Oil prices rise after OPEC deal");
    expect(stripSiteName("Wir sind ROSA.MAG – Sheila Atim im Gespräch", null, hostKey("https://rosa-mag.de/sheila"))).toBe("Sheila Atim im Gespräch");
  });

  it("takes off a part the page's other headline statements leave out, and keeps a headline's own dashes", () => {
    expect(stripSiteName("Covid-19 - what we know | Town Crier Online", null, null, ["Covid-19 - what we know"])).toBe("Covid-19 - what we know");
    expect(stripSiteName("Bridge to close for repairs", "Town News", null)).toBe("Bridge to close for repairs");
  });

  it("reconciles og:title, h1 and <title> into one headline without the site's name", () => {
    expect(reconcileHeadline(claims({ og: "Bridge to close | Town News", h1: ["Bridge to close"], title: "Bridge to close | Town News", siteName: "Town News" }))).toBe("Bridge to close");
    // og:title that is only the site's name loses to the page's own headline.
    expect(reconcileHeadline(claims({ og: "Town News", h1: ["Bridge to close for repairs"], title: "Bridge to close for repairs - Town News", siteName: "Town News" }))).toBe("Bridge to close for repairs");
  });

  it("reads the words of a URL's slug, archived addresses included", () => {
    expect(slugTokens("https://www.cnbc.com/2019/11/20/emirates-inks-order-for-30-boeing-787-jets.html")).toEqual(["emirates", "inks", "order", "for", "30", "boeing", "787", "jets"]);
    expect(slugTokens("https://web.archive.org/web/2018/https://swap-stop.org/de/filmswap/zusammenarbeit-shuji-walter/")).toEqual(["zusammenarbeit", "shuji", "walter"]);
    expect(slugTokens("https://example.com/")).toEqual([]);
  });
});

describe("bylines", () => {
  it("reads a byline by the name after its opening word, not by the opening word alone", () => {
    expect(isHeadlineByline("By Jane Smith", 3)).toBe(true);
    expect(isHeadlineByline("von Anna Müller und Max Muster", 6)).toBe(true);
    expect(isHeadlineByline("Von Redaktion", 2)).toBe(true);
    expect(isHeadlineByline("Von Menschen und Mäusen", 4)).toBe(false);
    expect(isHeadlineByline("Von der Leyen kündigt Hilfen an", 6)).toBe(false);
    expect(isHeadlineByline("by the way", 3)).toBe(false);
  });
});

describe("lines that are never a headline", () => {
  it("refuses navigation, date, rating, recipe and form lines", () => {
    for (const t of [
      "Skip to content", "Direkt zum Inhalt", "Zum Inhalt springen", "Pasar al contenido principal", "4.3182 330 5 1", "Total 1 hr 50 min",
      "04. März 2020", "Mi, 18. Oktober 2023 um 12:50 Uhr", "Posted: Nov 8, 2023 / 04:43 PM CST", "Ein Passwort wird Ihnen per E-Mail zugeschickt.",
      "Register Sign in", "Cookie- und Datenschutzeinstellungen", "Facebook Twitter Email LinkedIn Reddit Pinterest", "By Jane Smith",
      "Auto NewsRetail NewsHealth NewsTelecom News", "Filed under:",
      "Where To Eat In Town Tonight: The Best New SteakhouseA party of six walked in and ordered the whole menu", "Von Anna Müller", "VON ANNA MÜLLER UND MAX MUSTER", "By Reuters",
      "Par Jean Dupont, 18/02/2020",
      // Form prompts: they name a field to fill in.
      "Warum muss ich meine Email-Adresse eingeben?", "Why do we ask for your email address?", "Mot de passe oublié ?", "¿Olvidaste tu contraseña?",
    ]) {
      expect(cannotBeHeadline(makeLine(t, true)), t).toBe(true);
    }
  });

  it("accepts headlines, numbers and all", () => {
    for (const t of [
      "Emirates inks order for 30 Boeing 787 jets", "Sheila Atim: „The Woman King zeigt weibliche Stärke in all ihren Facetten“", "Facebook sues Ukrainian hackers over data scraping",
      "May Day marches draw thousands", "Apple plans 2020 MacBook with 16-inch screen", "So What Happens Next?",
      // Headlines that open like a byline: no name follows the opening word.
      "Von Menschen und Mäusen: Wie Labore Tierversuche ersetzen", "Von Null auf Hundert in drei Jahren", "By the numbers: how the city voted",
      "Par ici la sortie : le festival ferme ses portes",
      // News about e-mail is not a form.
      "Clinton email inquiry closed", "Gmail users hit by email outage",
      // A quote opened inside the headline is not a headline glued to a teaser.
      "Mina Starsiak Hawk Posts Sweet Birthday Tribute to Her 'Ride or Die Partner' Steve Hawk",
    ]) {
      expect(cannotBeHeadline(makeLine(t, true)), t).toBe(false);
    }
  });
});
