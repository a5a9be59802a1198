// The article step asks the not-language test of an article's headline and paragraphs as parts, with no joined
// copy: every answer must be the one the joined text gets (src/pipeline/article.ts).
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decode, notLanguage, notLanguageOfParts } from "../../src/ingest/index.ts";
import { languageFeatures, languageFeaturesOfParts } from "../../src/ingest/language.ts";

const fixtures = join(import.meta.dirname, "../fixtures");
const corpus = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));

/** The features and the answer both ways; a difference names the case, never prints its text. */
function same(parts: readonly string[], name: string): void {
  const joined = parts.join("\n");
  expect(languageFeaturesOfParts(parts), name).toEqual(languageFeatures(joined));
  expect(notLanguageOfParts(parts), name).toBe(notLanguage(joined));
}

/** Deterministic bytes (a linear congruential generator), decoded: characters that are not language. */
function garbage(seed: number, n: number, lo: number, hi: number): string {
  let s = seed;
  const b = Uint8Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return lo + ((s >>> 16) % (hi - lo + 1));
  });
  const d = decode(b);
  return d.ok ? d.text : "";
}

describe("notLanguageOfParts answers as notLanguage of the parts joined by line breaks", () => {
  it("at the edges: the sample's cut on and around a line break, long tokens, addresses, surrogates", () => {
    const x = (n: number) => "x".repeat(n);
    // The 20,000-character sample ends just before, on and just after a line break between parts.
    for (const first of [19_998, 19_999, 20_000, 20_001]) same([x(first), "{{{{ ~~~~ @@@@ ####"], `cut ${first}`);
    same([x(9_999), x(9_999), "{{{{{{{{{{{{{{{{{{{{{{{{{{"], "cut after two parts");
    // A token past 100 characters ends at the line break (its excess counted there), not in the next part.
    same([x(150), "a b", x(250)], "long tokens");
    same([`${x(140)}é`, "中文字", "b"], "a long token ending in a letter past ASCII");
    // Addresses at a part's start and end, and the part after one with none.
    same(["mail me@example.com", "http://example.com/a?b=c#d then words", "www.example.org", "plain words @ here"], "addresses");
    // A high surrogate ending a part is not a pair with the next part's low one.
    same(["ab \uD83D", "\uDE00 cd", "😀 ok"], "surrogates");
    same(["", "", "only the third part"], "empty parts");
    same([""], "nothing");
    same([], "no parts");
  });

  it("on the fixtures' texts in many languages, the bench's articles, and garbage it refuses", () => {
    let refused = 0;
    for (const dir of ["languages", "bench-articles"]) {
      for (const f of readdirSync(join(fixtures, dir))) {
        const text = readFileSync(join(fixtures, dir, f), "utf8");
        same(text.split("\n"), `${dir}/${f}`);
        same(text.split(/\n\n+/), `${dir}/${f} by paragraph`);
      }
    }
    for (let seed = 1; seed <= 40; seed++) {
      const parts = [garbage(seed, 300, 0x20, 0xff), garbage(seed + 100, 2_000, 0, 0xff), garbage(seed + 200, 900, 0x80, 0xff)];
      same(parts, `garbage ${seed}`);
      if (notLanguageOfParts(parts)) refused++;
    }
    expect(refused).toBeGreaterThan(30);
  });

  // The dev corpus's text dumps, each line a part (both halves: only the two answers are compared, no text is shown).
  it.skipIf(!existsSync(join(corpus, "webpages-dev.jsonl")))("on every dev text dump, line by line", () => {
    let n = 0;
    for (const file of ["extraction-dev.jsonl", "webpages-dev.jsonl"]) {
      for (const row of readFileSync(join(corpus, file), "utf8").split("\n")) {
        if (!row) continue;
        const { id, text_dump: dump } = JSON.parse(row) as { id: string; text_dump?: string };
        if (!dump) continue;
        same(dump.split("\n"), `${file} ${id}`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(400);
  });
});
