import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";
import { cutQuotation, quotations } from "../../src/summarise/quotes.ts";
import { splitSentences } from "../../src/text/sentences.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/summarise/${name}`, import.meta.url), "utf8")) as SummaryInput;
// bbc-dev's bbc-sport-213: the assistant manager's words run over three sentences, the first opening a
// quotation the next ones close ('… said: "Matt had a small operation to trim knee cartilage. "It's a tiny …').
const jansen = fixture("bbc-sport-213.json");
// A sermon's text dump (webpages-dev, German): a Bible verse quoted over three sentences, „Frieden lasse ich
// euch, … Euer Herz erschrecke nicht und fürchte sich nicht.“
const sermon = fixture("webpages-de-980789b1a3147bb4.json");
// bbc-dev's bbc-business-041: 'Mr Greenspan said: "I fear that … to deliver. If existing promises need to be
// changed, those changes should be made sooner rather than later," Mr Greenspan said.'
const greenspan = fixture("bbc-business-041.json");

/** The article's sentences, each flagged when it opens a paragraph, as the summariser reads them. */
function sentencesOf(text: string): { sentences: string[]; opens: boolean[] } {
  const sentences: string[] = [];
  const opens: boolean[] = [];
  for (const paragraph of text.split(/\n+/)) {
    splitSentences(paragraph.trim()).forEach((s, k) => {
      sentences.push(s);
      opens.push(k === 0);
    });
  }
  return { sentences, opens };
}

describe("summaries never show a quotation cut", () => {
  it("closes the marks where a summary leaves a quotation before its end", () => {
    const summary = summarise([jansen]);
    expect(summary).toContain('Rovers\' assistant manager Mark Bowen said: "Matt had a small operation to trim knee cartilage."');
    expect(cutQuotation(summary), summary.join("\n")).toBe(false);
    // The same sentences as before: only the mark is new.
    expect(summary[0]).toBe("Blackburn striker Matt Jansen faces three weeks out after surgery to treat a cartilage problem.");
  });

  it("never shows the sentence that closes a quotation without the one that opens it", () => {
    const summary = summarise([sermon]);
    expect(summary.join("\n")).not.toMatch(/^Euer Herz erschrecke/mu);
    expect(cutQuotation(summary), summary.join("\n")).toBe(false);
    // Asked for every sentence, the quotation comes whole, its three sentences in order.
    const all = summarise([sermon], { sentences: 200 });
    const at = all.findIndex((s) => s.includes("„Frieden lasse ich euch, meinen Frieden gebe ich euch."));
    expect(all.slice(at, at + 3).join(" ")).toMatch(/Nicht gebe ich euch, wie die Welt gibt\. Euer Herz erschrecke nicht und fürchte sich nicht\.“/u);
  });

  it("reads a closing sentence that names who speaks on its own, and opens its quotation", () => {
    const { sentences, opens } = sentencesOf(greenspan.text);
    const found = quotations(sentences, opens);
    const at = sentences.findIndex((s) => s.startsWith("If existing promises need to be changed"));
    expect(found[at]).toMatchObject({ from: at, opening: '"', closing: "" });
    // The one that opens it is read from itself and closed after itself when shown alone.
    expect(found[at - 1]).toMatchObject({ from: at - 1, opening: "", closing: '"' });
  });

  it("keeps a quotation's sentences together in a story of two outlets", () => {
    // The second outlet's copy starts at the quotation: every sentence it shows from it follows its opener.
    const copy = { title: "Jansen out for three weeks", text: jansen.text.slice(jansen.text.indexOf("Rovers' assistant manager")) };
    const summary = summarise([jansen, copy], { sentences: 5 });
    expect(cutQuotation(summary), summary.join("\n")).toBe(false);
  });
});

describe("quotation marks", () => {
  const spans = (...sentences: string[]) => quotations(sentences, sentences.map((_, i) => i === 0)).map((q) => (q ? `${q.quotation.first}-${q.quotation.last} from ${q.from}${q.closing ? ` close ${q.closing}` : ""}` : null));

  it("follows a quotation over sentences in the usual styles, closing it with its opener's partner", () => {
    expect(spans('Bowen said: "Matt had a small operation.', "It's a tiny bit of cartilage.", 'He will be back soon."')).toEqual(['0-2 from 0 close "', '0-2 from 0 close "', "0-2 from 0"]);
    expect(spans("Er sagte: „Wir haben es geschafft.", "Alle haben mitgeholfen.“ Dann ging er.")).toEqual(["0-1 from 0 close “", "0-1 from 0"]);
    expect(spans("Die Zeitung schreibt: »Es war knapp.", "Wir haben gewonnen.«")).toEqual(["0-1 from 0 close «", "0-1 from 0"]);
    expect(spans("Il a dit : « Nous avons gagné.", "Le match était dur. »")).toEqual(["0-1 from 0 close  »", "0-1 from 0"]);
    expect(spans("彼は「もう一度やる。", "必ず勝つ」と述べた。")).toEqual(["0-1 from 0 close 」", "0-1 from 0"]);
  });

  it("reads news style: a sentence that opens the quotation again reads on its own", () => {
    expect(spans('"We want to be in the best financial health.', '"Manchester United have been a success."')).toEqual(['0-1 from 0 close "', "0-1 from 1"]);
  });

  it("takes sentences with their marks in pairs, apostrophes and single marks for what they are", () => {
    expect(spans('Mr Blair said the money would not "invade" the aid budget.', "United fans had declared Saturday as 'Cantona Day'.")).toEqual([null, null]);
    expect(spans("While 'bot nets have been known about for some time, estimates vary.", "The fans' union disagreed.")).toEqual([null, null]);
    expect(spans("„BUNTSCHAU“ ist eine neue Comedy-Show.", "Die Zeitung »Die Welt« berichtet.")).toEqual([null, null]);
  });

  it("leaves malformed text as it is: a mark closing what was never opened", () => {
    // events-dev's tokenising traces: ” and “ the wrong way round.
    expect(spans("The U.S. Marshals have added to their” 15 Most Wanted “list of fugitives a man.", "He escaped custody.")).toEqual([null, null]);
  });

  it("reads a quotation over paragraphs when the next opens with a mark, and ends it at a paragraph that does not", () => {
    const sentences = ['He said: "We will rebuild.', '"Every home will stand."', 'She said: "It is over.', "The council met on Monday."];
    const found = quotations(sentences, [true, true, true, true]).map((q) => (q ? `${q.quotation.first}-${q.quotation.last}` : null));
    expect(found).toEqual(["0-1", "0-1", "2-2", null]);
  });
});

describe("cutQuotation", () => {
  it("finds a summary that leaves a quotation open or closes one it never opened", () => {
    expect(cutQuotation(['Bowen said: "Matt had a small operation to trim knee cartilage.'])).toBe(true);
    expect(cutQuotation(["You can't put a real time on a comeback.\u201d"])).toBe(true);
    expect(cutQuotation(['Bowen said: "Matt had a small operation.', 'He will be back soon."'])).toBe(false);
    expect(cutQuotation(['"We want to be in the best financial health.', '"Manchester United have been a success."'])).toBe(false);
  });
});
