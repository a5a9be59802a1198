// A list item's bullet is the page's layout, not the sentence's: a summary shows the sentence without it.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";

// webpages-dev 8195c9ea28651b48 (tuning half), a game's notes as the build cleans the saved page: each note
// is a paragraph opening with "• ". Summaries showed "• It was an underwhelming first quarter…".
const notes = JSON.parse(readFileSync(new URL("../fixtures/summarise/webpages-bullets-8195c9ea28651b48.json", import.meta.url), "utf8")) as SummaryInput;

describe("a bulleted list item as a summary's sentence", () => {
  it("is shown without its bullet", () => {
    const summary = summarise([notes]);
    expect(summary).toHaveLength(3);
    for (const s of summary) expect(s).not.toMatch(/^[•·▪●■►]/u);
    const all = summarise([notes], { sentences: 30 });
    expect(all).toContain("Embiid was the only Sixer who could get going offensively early on, though he did commit two turnovers.");
    for (const s of all) expect(s).not.toMatch(/^[•·▪●■►]/u);
  });

  it("keeps a dash that opens a quotation", () => {
    const text = "- Głupota ludzka przeważyła - skomentował burmistrz miasta, poruszony widokiem ludzi w centrum handlowym.";
    expect(summarise([{ title: "Tłumy", text }], { sentences: 1 })[0]).toMatch(/^- Głupota/);
  });
});
