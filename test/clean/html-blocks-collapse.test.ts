import { describe, expect, it } from "vitest";
import { collapse } from "../../src/clean/html-blocks.ts";
import { parsePage, type El } from "../../src/clean/dom.ts";
import { gzippedPages } from "../gzipped-pages.ts";

/** What `collapse` replaced: every run of `\s` one space, then the ends trimmed. */
const byPattern = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Every text node of the page, and each element's text nodes joined as a block's buffer joins them. */
function texts(root: El): string[] {
  const out: string[] = [];
  const stack: El[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    let joined = "";
    for (const c of e.children) {
      if (typeof c === "string") (out.push(c), (joined += c));
      else stack.push(c);
    }
    out.push(joined);
  }
  return out;
}

describe("collapse", () => {
  it("reads every text of the saved news pages as the pattern does", () => {
    const all = [...gzippedPages("test/fixtures/dates"), ...gzippedPages("test/fixtures/fetch/pages")].flatMap((p) => texts(parsePage(p)));
    expect(all.length).toBeGreaterThan(5000);
    // Both kinds are there: texts with a run inside to fold, and texts only their ends trimmed.
    expect(all.filter((t) => byPattern(t) !== t.trim()).length).toBeGreaterThan(50);
    expect(all.filter((t) => byPattern(t) === t.trim() && t.trim() !== t).length).toBeGreaterThan(100);
    for (const t of all) expect(collapse(t)).toBe(byPattern(t));
  });

  it("folds every white space `\\s` knows, and nothing else, alone, doubled and beside a plain space", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`a${ch}b`, `a${ch}${ch}b`, `a ${ch}b`, `a${ch} b`, `${ch}a b${ch}`, ch, `${ch} `]) expect(collapse(s)).toBe(byPattern(s));
    }
  });
});
