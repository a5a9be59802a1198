import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise } from "../../src/summarise/index.ts";
import { wordCount } from "../../src/summarise/candidates.ts";
import { PIECE_WORDS } from "../../src/summarise/run-on.ts";

// A forum page of the dates dev set (htmldate's evaluation pages) as the cleaner gives it: a few lines of
// navigation, then two paragraphs of some 300 words each without a single punctuation mark.
const forum = readFileSync(new URL("../fixtures/summarise/unpunctuated-forum-post.txt", import.meta.url), "utf8");

// Council decisions pasted as one run of clauses: semicolons, no full stop, 130 words.
const decisions =
  "The council approved the new cycle lanes on Mill Road and Station Street after a vote of 31 to 12; " +
  "the budget for road repairs rises by four million pounds next year, paid for by the parking reserve; " +
  "plans for 240 homes on the former bus depot were sent back to the planning committee for a second look at flood risk; " +
  "the leisure centre on Harbour Lane will stay open until a replacement is built, probably in 2027; " +
  "councillors asked officers to report by March on the cost of free school meals for every primary pupil; " +
  "the mayor said the meeting was the longest she could remember and thanked residents who had waited";

/** Whether `piece` is the text up to a word's end, then "…", of some paragraph starting where it does. */
function cutAtWord(piece: string, text: string): boolean {
  const bare = piece.slice(0, -1);
  const at = text.indexOf(bare);
  return piece.endsWith("…") && at >= 0 && /^[\s,;:]/.test(text.slice(at + bare.length));
}

describe("summarise: run-on sentences", () => {
  it("never shows a block of hundreds of unpunctuated words whole: a piece cut at a word, ending in an ellipsis", () => {
    const summary = summarise([{ title: "bong2 effect finish never", text: forum }]);
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) {
      expect(wordCount(s)).toBeLessThanOrEqual(PIECE_WORDS);
      if (wordCount(s) > 20) expect(cutAtWord(s, forum)).toBe(true);
    }
    // The whole summary reads in a glance, not the two 300-word paragraphs it used to hold.
    expect(summary.reduce((n, s) => n + wordCount(s), 0)).toBeLessThanOrEqual(3 * PIECE_WORDS);
  });

  it("keeps a word budget with a run-on as its only prose", () => {
    const summary = summarise([{ title: "bong2 effect finish never", text: forum }], { words: 60 });
    expect(summary.reduce((n, s) => n + wordCount(s), 0)).toBeLessThanOrEqual(60);
  });

  it("cuts a run of clauses after its semicolons, each piece a clause from its start", () => {
    const summary = summarise([{ title: "Council approves cycle lanes and road repairs budget", text: decisions }]);
    expect(summary.length).toBeGreaterThan(1);
    // The opening clauses, as many as fit a piece, their last semicolon given way to the ellipsis.
    expect(summary[0]).toMatch(/^The council approved the new cycle lanes .* to 12(; .*)?…$/);
    expect(decisions.startsWith(`${summary[0]!.slice(0, -1)};`)).toBe(true);
    for (const s of summary) {
      expect(wordCount(s)).toBeLessThanOrEqual(PIECE_WORDS);
      if (s.endsWith("…")) {
        const bare = s.slice(0, -1);
        // Clauses from a clause's start to a semicolon.
        expect(decisions.startsWith(`${bare};`) || decisions.includes(`; ${bare};`)).toBe(true);
      } else expect(decisions.endsWith(s)).toBe(true);
    }
  });

  it("leaves a long sentence a writer made whole", () => {
    // 90 words, commas and all: longer than almost any sentence of the news sets, still one sentence.
    const long =
      "The minister, who had spent most of the week in talks with union leaders, employers, regional governments and the " +
      "central bank, told parliament on Thursday that the agreement, which still needs the approval of both chambers and " +
      "of the constitutional court, would raise the minimum wage by six percent over two years, cut payroll taxes for " +
      "small firms with fewer than fifty employees, extend unemployment benefits for older workers by six months, and " +
      "create a new fund for training that employers and unions would run together from next spring onwards, as planned.";
    expect(wordCount(long)).toBeGreaterThan(85);
    expect(summarise([{ title: "Minimum wage deal", text: `${long}\nUnions welcomed the agreement on Friday morning.` }])).toContain(long);
  });

  it("counts words as a reader does: soft hyphens and mid-word dots do not make a page's lead a run-on", () => {
    // A French news page's lead (dates dev set), hyphenated for justified type: 75 words, 106 letter runs.
    const lead =
      "En réac\u00adtion à la can\u00addi\u00adda\u00adture du conseiller recherche d’Em\u00adma\u00adnuel Macron, Thier\u00adry Coul\u00adhon, " +
      "à la pré\u00adsi\u00addence du Haut Conseil de l’é\u00adva\u00adlua\u00adtion de la recherche et de l’en\u00adsei\u00adgne\u00adment supé\u00adrieur (HCERES) " +
      "annon\u00adcée récem\u00adment, plus de 2500 chercheur·eus·e·s annoncent faire acte de can\u00addi\u00adda\u00adture col\u00adlec\u00adti\u00adve\u00adment " +
      "à la tête de l’au\u00adto\u00adri\u00adté admi\u00adnis\u00adtra\u00adtive indé\u00adpen\u00addante char\u00adgée de l’é\u00adva\u00adlua\u00adtion de l’enseignement " +
      "supé\u00adrieur et de la recherche publique.";
    expect(wordCount(lead)).toBeGreaterThan(100);
    expect(summarise([{ title: "Candidature collective à la présidence du HCERES", text: `${lead}\nLa lettre liste trois conditions.` }])[0]).toBe(lead);
  });
});
