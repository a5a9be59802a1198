// UTF-8 that is damaged stays UTF-8; text in another encoding is read in it; every guess is said.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync, gzipSync } from "node:zlib";
import { decode } from "../../src/ingest/index.ts";
import { random } from "../../eval/lib/random.ts";

const languages = join(import.meta.dirname, "../fixtures/languages");
const texts = readdirSync(languages).sort().map((n) => readFileSync(join(languages, n), "utf8"));

/** Byte offsets that fall inside a multi-byte character, spread over each text: 300 cuts in all. */
function cuts(): { text: string; bytes: Buffer; at: number }[] {
  const out: { text: string; bytes: Buffer; at: number }[] = [];
  for (const text of texts) {
    const bytes = Buffer.from(text);
    const inside: number[] = [];
    for (let i = 1; i < bytes.length; i++) if ((bytes[i]! & 0xc0) === 0x80) inside.push(i);
    const step = Math.max(1, Math.floor(inside.length / 24));
    for (let k = 0; k < inside.length && out.length < 300; k += step) out.push({ text, bytes, at: inside[k]! });
  }
  return out;
}

describe("UTF-8 cut off in the middle of a character", () => {
  const cases = cuts();
  it("is read as UTF-8 with one U+FFFD at the cut, never as Windows-1252 (300 cuts, 13 languages)", () => {
    expect(cases).toHaveLength(300);
    let good = 0;
    for (const c of cases) {
      const d = decode(c.bytes.subarray(0, c.at));
      let start = c.at;
      while ((c.bytes[start]! & 0xc0) === 0x80) start--;
      const expected = c.bytes.subarray(0, start).toString("utf8").replace(/\r\n?/g, "\n");
      if (d.ok && d.encoding === "utf-8" && d.text === `${expected}\uFFFD`) good++;
    }
    expect(good).toBe(300);
  });

  it("says so, on the last line", () => {
    const d = decode(Buffer.from("Première ligne\nDeuxième ligne: café").subarray(0, -1));
    expect(d.ok && d.warnings).toEqual([{ rule: "decode", line: 2, text: expect.stringMatching(/ends in the middle of a UTF-8 character/) }]);
  });

  it("keeps a cut first non-ASCII character as UTF-8 when two of its bytes are there", () => {
    const d = decode(Buffer.concat([Buffer.from("The minister said "), Buffer.from("\u201c").subarray(0, 2)]));
    expect(d.ok && d.text).toBe("The minister said \uFFFD");
  });
});

describe("a few broken bytes in UTF-8", () => {
  it("stay U+FFFD in text that is otherwise UTF-8, with a warning naming the first line", () => {
    const good = Buffer.from("Straße in München: Anwohner wählen über Mitgefühl.\nÄrger über Lärm, große Sorgen, schöne Grüße.\n");
    const bytes = Buffer.concat([good, Buffer.from("Zweite Zeile f"), Buffer.from([0xfc]), Buffer.from("r alle.\n")]);
    const d = decode(bytes);
    expect(d.ok && d.encoding).toBe("utf-8");
    expect(d.ok && d.text).toContain("München");
    expect(d.ok && d.text).toContain("f\uFFFDr alle");
    expect(d.ok && d.warnings).toEqual([{ rule: "decode", line: 3, text: "1 byte is not UTF-8 and shown as \uFFFD" }]);
  });

  it("but text with no UTF-8 sequence at all is Windows-1252", () => {
    const d = decode(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]));
    expect(d.ok && [d.encoding, d.text]).toEqual(["windows-1252", "Café “ok”"]);
  });
});

describe("a page that declares its charset", () => {
  // Russian in windows-1251: А–я are 0xC0–0xFF there.
  const cp1251 = (s: string) => Buffer.from([...s].map((c) => (c >= "А" && c <= "я" ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
  const page = (charset: string) => Buffer.concat([Buffer.from(`<html><head><meta charset="${charset}"><title>`), cp1251("Новости"), Buffer.from("</title></head><body><p>"), cp1251("Сегодня в городе прошёл праздник"), Buffer.from("</p></body></html>")]);

  it("is read in that charset when it is not UTF-8", () => {
    const d = decode(page("windows-1251"), "html");
    expect(d.ok && d.encoding).toBe("windows-1251");
    expect(d.ok && d.text).toContain("<title>Новости</title>");
  });

  it("is read as UTF-8 when its bytes are UTF-8, whatever it declares", () => {
    const d = decode(Buffer.from('<meta charset="windows-1251"><p>Новости</p>'), "html");
    expect(d.ok && [d.encoding, d.text]).toEqual(["utf-8", '<meta charset="windows-1251"><p>Новости</p>']);
  });

  it("is read as Windows-1252 without a warning when it says so (or says Latin-1), typographic quotes and euro intact", () => {
    const cp1252 = (label: string) => Buffer.concat([Buffer.from(`<html><head><meta charset="${label}"></head><body><p>Caf`), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from("ok"), Buffer.from([0x94, 0x20, 0x80]), Buffer.from("5</p></body></html>")]);
    for (const label of ["windows-1252", "iso-8859-1"]) {
      const d = decode(cp1252(label), "html");
      expect(d.ok && [d.encoding, d.warnings]).toEqual(["windows-1252", []]);
      expect(d.ok && d.text).toContain("<p>Café “ok” €5</p>");
    }
    const undeclared = decode(Buffer.concat([Buffer.from("<p>Caf"), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from("ok"), Buffer.from([0x94]), Buffer.from("</p>")]), "html");
    expect(undeclared.ok && undeclared.warnings.map((w) => w.text)).toEqual(["not valid UTF-8; read as Windows-1252"]);
  });

  it("is not consulted for text files, which declare nothing", () => {
    const d = decode(page("windows-1251"), "text");
    expect(d.ok && d.encoding).toBe("windows-1252");
  });
});

describe("characters no XML may hold", () => {
  it("are dropped at reading: U+FFFE and U+FFFF as well as control characters", () => {
    const d = decode(Buffer.from("A\uFFFEB\uFFFFC\u0001D"));
    expect(d.ok && d.text).toBe("ABCD");
  });
});

describe("letters written as a base and a combining mark", () => {
  it("are read in composed form (NFC), so the site, feeds and search hold the 'ä' a reader types", () => {
    // webpages-dev: a page whose paragraphs spell "Friedländer" as "a" + U+0308 (its title does not).
    const bytes = readFileSync(join(import.meta.dirname, "../fixtures/decode/decomposed-umlauts.txt"));
    expect(bytes.toString("utf8")).toMatch(/a\u0308/);
    const d = decode(bytes);
    if (!d.ok) throw new Error(d.reason);
    expect(d.text).toBe(d.text.normalize("NFC"));
    expect(d.text).not.toMatch(/\p{M}/u);
    expect(d.text.match(/Friedländers? /g)).toHaveLength(5);
  });
});

describe("UTF-16 without a byte-order mark", () => {
  it("is read by its zero bytes (spaces, line ends, digits), in either byte order, in every language of the fixtures, and says so", () => {
    for (const text of texts) {
      const le = Buffer.from(text, "utf16le");
      for (const bytes of [le, Buffer.from(le).swap16()]) {
        const d = decode(bytes);
        if (!d.ok) throw new Error(d.reason);
        expect(d.text).toBe(text.replace(/\r\n?/g, "\n").normalize("NFC"));
        expect(d.warnings).toEqual([{ rule: "decode", line: 1, text: expect.stringMatching(/no byte-order mark; read as UTF-16(LE|BE)/) }]);
      }
    }
  });

  it("but bytes with zeros in both places of a pair, or a lone surrogate, are still binary", () => {
    const mixed = Buffer.alloc(4000, 0);
    for (let i = 0; i < 4000; i += 3) mixed[i] = 0x41;
    expect(decode(mixed).ok).toBe(false);
    const surrogate = Buffer.from("A lone surrogate \uD800 in the text", "utf16le");
    surrogate.writeUInt16LE(0xd800, 34);
    expect(decode(surrogate)).toMatchObject({ ok: false });
    // 16-bit numbers below 256 (a table in a binary file) have the same zeros, but decode to control characters.
    const numbers = Buffer.from(Uint16Array.from({ length: 3000 }, (_, i) => (i * 7) % 40).buffer);
    expect(decode(numbers)).toMatchObject({ ok: false, rule: "binary" });
  });
});

describe("zero bytes in a text", () => {
  const seeds = join(import.meta.dirname, "../fixtures/seeds");
  const text = readFileSync(join(seeds, readdirSync(seeds).sort()[2]!), "utf8").slice(0, 3000);
  it("a stray NUL or two near the start (a damaged save) leaves the text a text, without them", () => {
    const bytes = Buffer.from(text.replace(/\n/, "\n\u0000\u0000"));
    const d = decode(bytes);
    if (!d.ok) throw new Error(d.reason);
    expect(d.text).toBe(text);
  });

  it("zeros padding the end (an interrupted save or download) are dropped, with a warning on the line where they start", () => {
    const d = decode(Buffer.concat([Buffer.from("First line\nSecond line\n"), Buffer.from(text), Buffer.alloc(4096)]));
    if (!d.ok) throw new Error(d.reason);
    expect(d.text).toBe(`First line\nSecond line\n${text}`);
    expect(d.warnings).toEqual([{ rule: "decode", line: 3 + (text.match(/\n/g)?.length ?? 0), text: "ends in 4096 zero bytes (left by an interrupted save?); they were dropped" }]);
    expect(decode(Buffer.alloc(100))).toMatchObject({ ok: false, rule: "binary" });
  });

  it("but compressed, archived or random bytes are still binary", () => {
    const page = Buffer.from(`<html><body><p>${text}</p></body></html>`);
    expect(decode(gzipSync(page), "html")).toMatchObject({ ok: false, rule: "binary" });
    expect(decode(deflateRawSync(page), "html")).toMatchObject({ ok: false, rule: "binary" });
    const draw = random(57);
    for (let k = 0; k < 20; k++) expect(decode(Uint8Array.from({ length: 8192 }, () => Math.floor(draw() * 256)))).toMatchObject({ ok: false });
  });
});

describe("a file that holds only a byte-order mark", () => {
  it("is an empty file, as an editor that writes the mark saves one with nothing typed, in UTF-8 and UTF-16 alike", () => {
    for (const mark of [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]) {
      expect(decode(Uint8Array.from(mark))).toEqual({ ok: false, reason: "empty file (only a byte-order mark)", rule: "empty" });
      expect(decode(Uint8Array.from(mark), "html")).toMatchObject({ ok: false, rule: "empty" });
    }
  });

  it("while a mark followed by text is read as before", () => {
    const d = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("Council closes the bridge\n")]));
    expect(d).toMatchObject({ ok: true, text: "Council closes the bridge\n", encoding: "utf-8" });
  });
});
