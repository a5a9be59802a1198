// The one reader of names and numbers (src/text/names-numbers.ts), on real coverage (events-dev, tuning
// half: 22 outlets on the fire at Sarah Palin's church, 17 on an Internet Explorer patch, an Aceh earthquake).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { numberWord, SentenceNames, TOKEN, tokens } from "../../src/text/names-numbers.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import { readMentions } from "../../src/cluster/mentions.ts";

const articles = (name: string) =>
  readFileSync(new URL(`../fixtures/summarise/${name}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title: string | null; text: string });
const sentencesOf = (text: string) => text.split(/\n+/).flatMap((p) => splitSentences(p));
const story = (name: string) => new SentenceNames(articles(name).flatMap((a) => sentencesOf(a.text)));

describe("names and numbers of a story's sentences", () => {
  const church = story("events-13-ecb");

  it("reads the names a sentence gives, not the weekdays or titles it capitalises", () => {
    const s = "Authorities are now saying they suspect arson is to blame for Friday night's fire at Wasilla Bible Church, where Gov. Sarah Palin and her family attend.";
    expect(church.read(s).names).toEqual(["bible", "church", "palin", "sarah", "wasilla"]);
    const t = "The church services would be held on schedule Sunday in a nearby school.";
    expect(church.read(t).names).toEqual([]);
  });

  it("takes a sentence's first word for a name when the story capitalises it mid-sentence, not when it writes it in lower case", () => {
    expect(church.read("Palin's daughter's upbringing has nothing to do with who our governor is or what she believes.").names).toEqual(["palin"]);
    const pastor = church.read("Pastor Larry Kroon declined to say if the blaze was politically based or directed at Palin, the failed Republican vice presidential candidate.");
    expect(pastor.names).toEqual(["kroon", "larry", "palin", "republican"]);
  });

  it("reads numbers as written without thousands separators, and number words as digits", () => {
    expect(church.read("The metal church building, which normally accommodates Sunday congregations of up to 1,000 people, was heavily damaged by flames and smoke.").numbers).toEqual(["1000"]);
    const quake = story("events-37-ecbplus");
    const s = "A magnitude-6.1 earthquake struck Indonesia's Aceh province on Tuesday at 07:37 a.m. UTC (3:37 a.m. EDT), killing at least one and leaving two others missing, the Associated Press reported.";
    expect(quake.read(s).numbers).toEqual(["07:37", "1", "2", "3:37", "6.1"]);
    expect(quake.read(s).names).toEqual(["aceh", "associated", "edt", "indonesia", "press", "utc"]);
  });

  it("gives the clustering's reading of an article: the same names and digits, read sentence by sentence", () => {
    for (const name of ["events-13-ecb", "events-27-ecb", "events-37-ecbplus"]) {
      for (const a of articles(name).slice(0, 6)) {
        const paragraphs = a.text.split(/\n+/).filter(Boolean);
        const m = readMentions("", paragraphs);
        const one = new SentenceNames(paragraphs);
        const read = paragraphs.flatMap((p) => sentencesOf(p)).map((s) => one.read(s));
        // Except a capitalised number word ("Five people died"): a sentence's number, the clustering's name.
        expect(new Set(read.flatMap((r) => r.names)), a.text.slice(0, 60)).toEqual(new Set(m.names.filter((n) => numberWord(n) === undefined)));
        const digits = new Set(read.flatMap((r) => r.numbers).filter((n) => /^\d/.test(n)));
        expect(new Set(m.numbers.filter((n) => !digits.has(n))), a.text.slice(0, 60)).toEqual(new Set());
      }
    }
  });
});

describe("the token reader", () => {
  it("reads the tokens the pattern matches, whatever ASCII character stands beside a letter", () => {
    // Every ASCII character inside, before and after a run of letters (the reader takes a-z and A-Z
    // without their class: "@", "[", "`" and "{" lie one step from them), then letters past ASCII.
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`ab${ch}cd`, `${ch}Ab`, `Zz${ch}`, `O${ch}Neill's 92${ch}year`, `Zürich${ch}naïve İstanbul${ch}e\u0301te`]) {
        expect(tokens(text), JSON.stringify(text)).toEqual(text.match(TOKEN) ?? []);
      }
    }
  });
});
