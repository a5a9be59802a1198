// Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.

export type Decoded =
  | { ok: true; text: string; encoding: "utf-8" | "windows-1252" }
  | { ok: false; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");
// Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has typographic characters.
// (Node's TextDecoder without full ICU decodes "windows-1252" as Latin-1, so the table is ours.)
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), "utf-16be");
  if (looksBinary(bytes)) return { ok: false, reason: "binary file (NUL or control bytes), not text" };
  let text: string;
  let encoding: "utf-8" | "windows-1252" = "utf-8";
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    encoding = "windows-1252";
  }
  text = normaliseText(text);
  if (text.trim() === "") return { ok: false, reason: "no text (only white space)" };
  return { ok: true, text, encoding };
}

function utf16(bytes: Uint8Array, label: "utf-16le" | "utf-16be"): Decoded {
  const text = normaliseText(new TextDecoder(label).decode(bytes));
  if (text.trim() === "") return { ok: false, reason: "no text (only white space)" };
  // Reported as UTF-8 because that is what it is turned into; the BOM made the source unambiguous.
  return { ok: true, text, encoding: "utf-8" };
}

/** A NUL byte, or more than 10% control bytes other than tab/newline/CR/form feed, in the first 8 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control / n > 0.1;
}

/**
 * One line-end convention, no byte-order mark, and no control characters: they are invisible in a
 * page and make XML feeds malformed. Tabs, newlines and form feeds (page breaks in scrapes) stay.
 */
function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g, "");
}
