import { describe, expect, it } from "vitest";
import { missCause } from "../../train/lib/headline-causes.ts";

// hl81: a wrong text-dump headline is the gold's own doing (its og:title carries the site's name, or says otherwise
// than the page's visible <h1>) before it is the pick's; the pick's misses are read by where the pick stands.
const page = (og: string, h1: string | null, site: string | null = null): string =>
  `<html><head><meta property="og:title" content="${og}">${site ? `<meta property="og:site_name" content="${site}">` : ""}</head>` +
  `<body>${h1 ? `<h1>${h1}</h1>` : ""}<p>The body.</p></body></html>`;

const recipe = [
  "Home", "Recipes", "Homemade spiced honey pear jam for the holidays", "By Anna Berg", "December 5, 2017",
  "Pears, honey and a little cinnamon make a jam for the cold months.", "Newsletter",
];

describe("missCause", () => {
  it("reads a pick the gold rejects only for its ' | Site' part as the gold's suffix", () => {
    const html = page("Spiced Honey Pear Jam Recipe | Anna's Kitchen Notebook", null, "Anna's Kitchen Notebook");
    expect(missCause({ html, url: "https://pantry.example/2017/12/spiced-honey-pear-jam-recipe/", lines: recipe, pick: 2, agreeing: [] })).toBe("suffix");
  });

  it("reads a pick that is the visible <h1>, where og:title words the story otherwise, as the gold's wording", () => {
    const lines = ["Vorsorge", "Betriebliche Altersvorsorge", "Mit Hilfe des Chefs für die Rente sparen", "Wer früh beginnt, hat mehr davon."];
    const html = page("Mit Hilfe des Chefs für die Rente sparen", "Betriebliche Altersvorsorge");
    expect(missCause({ html, url: "https://finance.example/betriebliche-altersvorsorge/", lines, pick: 1, agreeing: [2] })).toBe("og-wording");
  });

  it("tells a gold no dump line states from one the candidates missed", () => {
    const html = page("Pear jam for beginners: a first batch", "Pear jam for beginners: a first batch");
    expect(missCause({ html, url: null, lines: recipe, pick: 2, agreeing: [] })).toBe("absent");
    const stated = [...recipe, "Pear jam for beginners: a first batch"];
    expect(missCause({ html, url: null, lines: stated, pick: 2, agreeing: [] })).toBe("not-candidate");
  });

  it("reads a one-word section label as gold against a headline-length pick as a site label", () => {
    const lines = ["Pressemitteilungen", "Verband begrüßt das neue Gesetz zur Presseförderung", "Berlin, 3. Mai"];
    const html = page("Pressemitteilungen", "Pressemitteilungen");
    expect(missCause({ html, url: "https://verband.example/presse/", lines, pick: 1, agreeing: [0] })).toBe("site-label");
  });

  it("names where the winning line stands against the agreeing candidate", () => {
    const lines = ["Kicker", "Menu", "Rivers rise across the north as rain keeps falling", "Rivers rise after a week of rain", "Byline", "Body", "More", "Other story teaser line here"];
    const html = page("Rivers rise across the north as rain keeps falling", null);
    const at = (pick: number): string => missCause({ html, url: null, lines, pick, agreeing: [2] });
    expect(at(0)).toBe("lost: kicker");
    expect(at(3)).toBe("lost: standfirst");
    expect(at(7)).toBe("lost: below");
  });
});
