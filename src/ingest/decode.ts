// Bytes to text: UTF-16 or UTF-8 by byte-order mark, else UTF-8, else (for a page) the charset it
// declares, else a CJK, Cyrillic, Greek, Arabic or Hebrew legacy encoding when chardet is clear about it
// (legacy-charset.ts), else Windows-1252. UTF-8 with a few broken bytes (a file cut off mid-character, a stray
// byte) stays UTF-8 with U+FFFD at the break, instead of turning every other character into mojibake.
import type { InputFormat } from "../types.ts";
import { legacyReading } from "./legacy-charset.ts";
import { decodeWindows1252 } from "./windows-1252.ts";

export interface DecodeWarning {
  rule: string;
  text: string;
  /** 1-based line of the first byte concerned. */
  line?: number;
}

export type Decoded =
  | { ok: true; text: string; encoding: string; warnings: DecodeWarning[] }
  | { ok: false; reason: string; rule: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

export function decode(bytes: Uint8Array, format: InputFormat = "text"): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty file", rule: "empty" };
  const mark = byteOrderMark(bytes);
  // A file saved empty by an editor that writes a byte-order mark: empty, not "only zero bytes".
  if (mark && bytes.length === mark.length) return { ok: false, reason: "empty file (only a byte-order mark)", rule: "empty" };
  if (mark?.label === "utf-16le" || mark?.label === "utf-16be") return utf16(bytes.subarray(2), mark.label);
  if (mark) bytes = bytes.subarray(mark.length);
  const unmarked = utf16ByZeros(bytes);
  if (unmarked) {
    const read = unmarkedUtf16(bytes, unmarked);
    if (read) return read;
  }
  const warnings: DecodeWarning[] = [];
  // Zero bytes at the end: the space an interrupted save or download had reserved, not part of the text.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === 0) return { ok: false, reason: "binary file (only zero bytes), not text", rule: "binary" };
  if (end < bytes.length) {
    warnings.push({ rule: "decode", line: lineAt(bytes, end), text: `ends in ${bytes.length - end} zero bytes (left by an interrupted save?); they were dropped` });
    bytes = bytes.subarray(0, end);
  }
  if (looksBinary(bytes)) return { ok: false, reason: "binary file (NUL or control bytes), not text", rule: "binary" };
  let text: string;
  let encoding = "utf-8";
  try {
    text = utf8.decode(bytes);
  } catch {
    const scan = scanUtf8(bytes);
    const declared = format === "html" ? declaredCharset(bytes) : null;
    if (declared && declared !== "windows-1252") {
      text = new TextDecoder(declared).decode(bytes);
      encoding = declared;
    } else if (mostlyUtf8(scan)) {
      text = utf8Lenient.decode(bytes);
      if (scan.invalid) {
        warnings.push({ rule: "decode", line: lineAt(bytes, scan.firstInvalid), text: `${scan.invalid} byte${scan.invalid > 1 ? "s are" : " is"} not UTF-8 and shown as \uFFFD` });
      }
      if (scan.tail) warnings.push({ rule: "decode", line: lineAt(bytes, bytes.length - scan.tail), text: "the file ends in the middle of a UTF-8 character (cut off?); it is shown as \uFFFD" });
    } else {
      // A page that says it is Windows-1252 (or Latin-1, which browsers read as it) is read as it says.
      const legacy = declared === "windows-1252" ? null : legacyReading(bytes, format);
      if (legacy) {
        text = legacy.text;
        encoding = legacy.encoding;
        warnings.push({ rule: "decode", line: lineAt(bytes, scan.firstInvalid), text: `not valid UTF-8; ${legacy.why}` });
      } else {
        text = decodeWindows1252(bytes);
        encoding = "windows-1252";
        if (declared !== "windows-1252") warnings.push({ rule: "decode", line: lineAt(bytes, scan.firstInvalid), text: "not valid UTF-8; read as Windows-1252" });
      }
    }
  }
  text = normaliseText(text);
  if (text.trim() === "") return { ok: false, reason: "no text (only white space)", rule: "no-text" };
  return { ok: true, text, encoding, warnings };
}

/** The byte-order mark the bytes open with, if any. */
function byteOrderMark(bytes: Uint8Array): { label: "utf-8" | "utf-16le" | "utf-16be"; length: number } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: "utf-16be", length: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: "utf-8", length: 3 };
  return null;
}

function utf16(bytes: Uint8Array, label: "utf-16le" | "utf-16be"): Decoded {
  const text = normaliseText(new TextDecoder(label).decode(bytes));
  if (text.trim() === "") return { ok: false, reason: "no text (only white space)", rule: "no-text" };
  // Reported as UTF-8 because that is what it is turned into; the BOM made the source unambiguous.
  return { ok: true, text, encoding: "utf-8", warnings: [] };
}

export interface Utf8Scan {
  /** Well-formed multi-byte sequences. */
  valid: number;
  /** Bytes that start no well-formed sequence (not counting a cut-off sequence at the very end). */
  invalid: number;
  firstInvalid: number;
  /** Length of a well-formed but unfinished sequence at the end (the file was cut mid-character). */
  tail: number;
}

/** Counts well-formed and broken UTF-8 sequences (RFC 3629: no overlongs, surrogates or values past U+10FFFF). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let tail = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let k = 1;
    while (n && k < n && i + k < bytes.length && inRange(bytes[i + k]!, k === 1 ? secondRange(b) : [0x80, 0xbf])) k++;
    if (n && k === n) {
      valid++;
      i += n;
    } else if (n && i + k === bytes.length) {
      tail = k;
      break;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, firstInvalid: firstInvalid < 0 ? bytes.length - tail : firstInvalid, tail };
}

function secondRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

const inRange = (b: number, [lo, hi]: [number, number]) => b >= lo && b <= hi;

/**
 * UTF-8 with damage rather than another encoding: the only fault is a sequence cut off at the end
 * (a file truncated mid-character), or broken bytes are rare beside well-formed sequences. (Text in
 * a single-byte encoding almost never forms a well-formed multi-byte sequence by chance.)
 */
function mostlyUtf8(scan: Utf8Scan): boolean {
  if (scan.invalid === 0) return true;
  return scan.valid >= 4 * (scan.invalid + (scan.tail ? 1 : 0));
}

/**
 * The charset an HTML page declares in its first 4 KiB (`<meta charset>`, `http-equiv`, or an XML
 * declaration), when it is one the platform can decode and not UTF-8 or the Latin-1/Windows-1252
 * family (those are handled above, the way browsers do).
 */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1.decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (!m) return null;
  let canonical: string;
  try {
    canonical = new TextDecoder(m[1]!).encoding;
  } catch {
    return null;
  }
  // UTF-8 and UTF-16 are told by the bytes themselves; Windows-1252 is read as declared only when the bytes are not mostly UTF-8 (decode).
  return canonical === "utf-8" || canonical.startsWith("utf-16") ? null : canonical;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** UTF-16 as the zero bytes suggest, when it is that: no lone surrogate, hardly a control character. */
function unmarkedUtf16(bytes: Uint8Array, label: "utf-16le" | "utf-16be"): Decoded | null {
  let raw: string;
  try {
    raw = new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const head = raw.slice(0, 8192);
  if ((head.match(/[\u0000-\u0008\u000B\u000E-\u001F]/g)?.length ?? 0) > 0.01 * head.length) return null;
  const text = normaliseText(raw);
  if (text.trim() === "") return { ok: false, reason: "no text (only white space)", rule: "no-text" };
  return { ok: true, text, encoding: "utf-8", warnings: [{ rule: "decode", line: 1, text: `no byte-order mark; read as ${label === "utf-16le" ? "UTF-16LE" : "UTF-16BE"} by its zero bytes` }] };
}

/**
 * UTF-16 saved without a byte-order mark (some editors' and exporters' "Unicode"): every character below
 * U+0100 (spaces, line ends and digits in any script) has a zero byte, always the same one of its pair,
 * while the other byte of a pair is almost never zero; UTF-8 text has no zero byte and random or binary
 * bytes have them in both places. Judged on the first 8 KiB; null when the bytes are not that.
 */
function utf16ByZeros(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 16 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // CJK text has zeros in both places (U+3000, the ideographic space; syllables such as U+AC00), but
  // several times more where the spaces and line ends put them.
  if (odd >= 0.03 * pairs && odd >= 2.5 * even) return "utf-16le";
  if (even >= 0.03 * pairs && even >= 2.5 * odd) return "utf-16be";
  return null;
}

/**
 * In the first 8 KiB: NUL bytes more than one in 500 (binary formats are full of them; random bytes have one
 * in 256), or more than 10% control bytes other than tab/newline/CR/form feed. A stray NUL or two in a
 * text (a damaged save) does not make it binary: they are dropped with the other control characters.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return nul > n / 500 || control / n > 0.1;
}

/** Control characters but tab, newline and form feed, and the noncharacters U+FFFE/U+FFFF: a regex class's inside. */
const DROPPED = "\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF";
const DROPPED_CHARS = new RegExp(`[${DROPPED}]`, "g");
/** A character `normaliseText` may remove or replace: a byte-order mark, a carriage return, or one of DROPPED. */
const NEEDS_NORMALISING = new RegExp(`[\\uFEFF\\r${DROPPED}]`);

/**
 * One line-end convention, no byte-order mark, and no control characters or the noncharacters
 * U+FFFE/U+FFFF: they are invisible in a page and make XML feeds malformed. Tabs, newlines and form
 * feeds (page breaks in scrapes) stay.
 */
function normaliseText(text: string): string {
  // Letters in composed form (NFC): "ä" typed or saved as "a" + U+0308 (macOS file names and pastes, some
  // CMSs) is otherwise a different string on the site, in the feeds and in the search index than the
  // "ä" a reader types, and the HTML checker flags it. Canonical equivalents only: nothing a reader sees changes.
  if (NON_ASCII.test(text)) text = text.normalize("NFC");
  // Most files have none of these: one search instead of a pass per replacement.
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(DROPPED_CHARS, "");
}

const NON_ASCII = /[^\x00-\x7f]/;
