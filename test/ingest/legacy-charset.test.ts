// Text saved in a legacy encoding without a byte-order mark (GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR,
// Windows-1251, Windows-1256...) is read in it, and a Western text in Windows-1252 still as that.
// Fixtures: corpus texts (test/fixtures/languages) saved as bytes in each encoding.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { decode } from "../../src/ingest/index.ts";
import { cleanArticle } from "../../src/pipeline/article.ts";

const legacy = join(import.meta.dirname, "../fixtures/decode/legacy");
const languages = join(import.meta.dirname, "../fixtures/languages");
const original = (lang: string) => readFileSync(join(languages, readdirSync(languages).find((n) => n.startsWith(`${lang}-`))!), "utf8");
const NAMES: Record<string, string> = {
  gb18030: "GB18030", big5: "Big5", shift_jis: "Shift_JIS", "euc-jp": "EUC-JP", "euc-kr": "EUC-KR", "windows-1251": "Windows-1251",
  "iso-8859-7": "ISO-8859-7", "windows-1256": "Windows-1256", "windows-1252": "Windows-1252",
};

/** Each fixture: its language, whether it is the short copy (first line and first paragraph), its encoding, its bytes. */
const fixtures = readdirSync(legacy).sort().map((name) => {
  const [, lang, short, encoding] = /^(\w+)(-short)?\.([\w-]+)\.txt$/.exec(name)!;
  return { name, lang: lang!, short: Boolean(short), encoding: encoding!, bytes: readFileSync(join(legacy, name)) };
});

/** What the text is, as decode gives UTF-8: the corpus text, or for a short copy its first line and first paragraph. */
function expected(lang: string, short: boolean): string {
  const text = original(lang);
  if (!short) return (decode(Buffer.from(text)) as { text: string }).text;
  const lines = text.split("\n").filter((l) => l.trim());
  return `${lines[0]}\n\n${lines.slice(1).find((l) => l.length >= 40)}`;
}

describe("a text in a legacy encoding, no byte-order mark", () => {
  const others = fixtures.filter((f) => f.encoding !== "windows-1252");

  it("is read in its encoding, whole and as a headline with one paragraph (Chinese, Japanese, Korean, Russian, Arabic)", () => {
    expect(others.map((f) => f.name)).toHaveLength(12);
    for (const f of others) {
      const d = decode(f.bytes);
      expect(d.ok, f.name).toBe(true);
      if (!d.ok) continue;
      expect([f.name, d.encoding]).toEqual([f.name, f.encoding]);
      expect(d.text, f.name).toBe(expected(f.lang, f.short));
    }
  });

  it("says which encoding it was read in and why", () => {
    const d = decode(readFileSync(join(legacy, "zh.gb18030.txt")));
    expect(d.ok && d.warnings.map((w) => w.text)).toEqual(["not valid UTF-8; read as GB18030 (chardet: Chinese, confidence 100)"]);
    for (const f of others) {
      const read = decode(f.bytes);
      expect(read.ok && read.warnings[0]!.text, f.name).toMatch(new RegExp(`^not valid UTF-8; read as ${NAMES[f.encoding]} \\(chardet: `));
    }
  });

  it("is kept as an article with its own headline, not rejected as page furniture", () => {
    for (const name of ["zh.gb18030.txt", "ja.shift_jis.txt", "ko.euc-kr.txt"]) {
      const d = decode(readFileSync(join(legacy, name)));
      if (!d.ok) throw new Error(name);
      const cleaned = cleanArticle({ path: name, format: "text", text: d.text, encoding: d.encoding, mtime: new Date(0) });
      expect("article" in cleaned && cleaned.article.title, name).toBe(d.text.split("\n")[0]!.trim());
    }
  });

  it("is read in its encoding in a page that declares no charset, judged by its text, not its markup", () => {
    // A large head of ASCII markup and script, as pages have: the encoding is told from the text after it.
    const head = Buffer.from(`<!doctype html><html><head><title>t</title><script>${"var x = 1;\n".repeat(2000)}</script></head><body><pre>`);
    for (const name of ["zh.gb18030.txt", "ja.euc-jp.txt", "ko.euc-kr.txt", "ru.windows-1251.txt"]) {
      const f = fixtures.find((x) => x.name === name)!;
      const d = decode(Buffer.concat([head, f.bytes, Buffer.from("</pre></body></html>")]), "html");
      expect(d.ok && d.encoding, name).toBe(f.encoding);
      expect(d.ok && d.text.includes(expected(f.lang, false)), name).toBe(true);
    }
  });

  it("is read as Windows-1252 as before when it is a Western text (German, French, Spanish, whole and short)", () => {
    const western = fixtures.filter((f) => f.encoding === "windows-1252");
    expect(western).toHaveLength(6);
    for (const f of western) {
      const d = decode(f.bytes);
      expect(d.ok && [d.encoding, d.text, d.warnings.map((w) => w.text)], f.name).toEqual(["windows-1252", expected(f.lang, f.short), ["not valid UTF-8; read as Windows-1252"]]);
    }
  });
});
