// The view model's text clean-up and the Markdown escaping skip their replacements for text that needs
// none: the answers must be the replacements' own, whatever the text holds.
import { describe, expect, it } from "vitest";
import { text } from "../../src/digest/model.ts";
import { escapeMarkdown } from "../../src/digest/markdown-escape.ts";
import { stripControlChars } from "../../src/text/plain-text.ts";

const slowText = (s: string) => stripControlChars(s).replace(/\s+/g, " ").trim();
const slowEscape = (s: string) =>
  s
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, "\\$&")
    .replace(/^(\s*)([-=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2");

// Characters either path treats specially, and plain ones, drawn by a fixed generator (same strings every run).
const ALPHABET = [
  ..."aZ9 .-=)(*_#&|~!<>[]{}`\\+é’—",
  "\t", "\n", "\r", "\u000b", "\u0000", "\u001f", "\u007f", "\u0085", "\u009f", "\u00a0", "\u1680", "\u2003", "\u2028", "\u202f", "\u3000",
  "\ufeff", "\ufffe", "\uffff", "\ud83d", "\ude00", "\ud83d\ude00", "1", "12",
];

function* strings(count: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < count; i++) {
    const length = next() % 12;
    let s = "";
    for (let k = 0; k < length; k++) s += ALPHABET[next() % ALPHABET.length];
    yield s;
  }
}

describe("fast paths", () => {
  it("text gives what stripping control characters and collapsing white space give", () => {
    for (const s of strings(50_000)) expect(text(s)).toBe(slowText(s));
    for (const s of ["Plain headline", "Déjà vu — again’s", " lead", "trail ", "two  spaces", "", "a\u00a0b", "emoji \ud83d\ude00"]) expect(text(s)).toBe(slowText(s));
  });

  it("escapeMarkdown gives what its four replacements give", () => {
    for (const s of strings(50_000)) expect(escapeMarkdown(s)).toBe(slowEscape(s));
    for (const s of ["Plain headline", "1. Not a list", "12) nor this", " - nor this", "= or this", "a & b", "line\nbreak", "2025 was a year"]) expect(escapeMarkdown(s)).toBe(slowEscape(s));
  });
});
