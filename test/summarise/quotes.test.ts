import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";
import { unbalancedQuote } from "../../src/summarise/quotes.ts";

// bbc-dev's bbc-sport-213: the assistant manager's words run over three sentences, the first opening a
// quotation the next ones close ('… said: "Matt had a small operation to trim knee cartilage. "It's a tiny …').
const jansen = JSON.parse(readFileSync(new URL("../fixtures/summarise/bbc-sport-213.json", import.meta.url), "utf8")) as SummaryInput;

describe("quotations that run over several sentences", () => {
  it("leaves out a sentence that opens a quotation it does not close", () => {
    const summary = summarise([jansen]);
    expect(summary).toHaveLength(3);
    expect(summary.join("\n")).not.toMatch(/Matt had a small operation/);
    expect(summary.filter(unbalancedQuote), summary.join("\n")).toEqual([]);
    expect(summary[0]).toBe("Blackburn striker Matt Jansen faces three weeks out after surgery to treat a cartilage problem.");
  });

  it("still gives such a sentence when a count is asked for and nothing else is left", () => {
    expect(summarise([jansen], { sentences: 20 }).some(unbalancedQuote)).toBe(true);
  });
});

describe("unbalancedQuote", () => {
  it("finds a quotation mark without its partner, in any of the usual styles", () => {
    expect(unbalancedQuote('Bowen said: "Matt had a small operation to trim knee cartilage.')).toBe(true);
    expect(unbalancedQuote("You can't put a real time on a comeback, we'll see how he progresses.”")).toBe(true);
    expect(unbalancedQuote("Er sagte: „Wir haben es geschafft.")).toBe(true);
    expect(unbalancedQuote("Il a dit : « Nous avons gagné.")).toBe(true);
  });
  it("takes paired marks, apostrophes and single quotes as they are", () => {
    expect(unbalancedQuote('Mr Blair said the money would not "invade" the aid budget.')).toBe(false);
    expect(unbalancedQuote("“We won,” he said, and the fans’ “Cantona Day” went on.")).toBe(false);
    expect(unbalancedQuote("„BUNTSCHAU“ ist eine neue Comedy-Show.")).toBe(false);
    expect(unbalancedQuote("Die Zeitung »Die Welt« berichtet, United fans had declared Saturday as 'Cantona Day'.")).toBe(false);
  });
});
