// Bytes that are not UTF-8 and name no charset: a Chinese, Japanese, Korean, Cyrillic, Greek, Arabic or
// Hebrew text saved in its legacy encoding, when chardet (ICU's detector) says so clearly, else null (the
// caller reads Windows-1252). Latin-script answers (ISO-8859-1/2, Windows-1250/1252/1254/1257...) are never
// taken: a Western text stays read as Windows-1252, the reading it always had. Thresholds: see
// docs/scaling.md, stop 67 (en67), set on the tuning half of scripts/measure-legacy-encodings.ts.
import { createRequire } from "node:module";
import type { InputFormat } from "../types.ts";
import { centralEuropeanReading } from "./central-european.ts";

type Analyse = typeof import("chardet").analyse;
let loaded: Analyse | null = null;
/** chardet, loaded the first time a file needs it: a build of UTF-8 files (and each worker thread) never loads it. */
function analyse(bytes: Uint8Array): ReturnType<Analyse> {
  loaded ??= (createRequire(import.meta.url)("chardet") as typeof import("chardet")).analyse;
  return loaded(bytes);
}

interface Legacy {
  /** TextDecoder's label. */
  label: string;
  /** How a warning names it. */
  name: string;
  /** Letters a text in this encoding is mostly written in. */
  script: RegExp;
  /** chardet's confidence (0-100) it needs. */
  min: number;
}

const HAN = /\p{Script=Han}/gu;
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const KOREAN = /[\p{Script=Hangul}\p{Script=Han}]/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const GREEK = /\p{Script=Greek}/gu;
const ARABIC = /\p{Script=Arabic}/gu;
const HEBREW = /\p{Script=Hebrew}/gu;

// Multi-byte detectors score common characters: a text of that language scores 100 from a line or two,
// another text below 50 (the highest a Western copy reached was 10). The single-byte ones score letter
// trigrams of one language, lower for real texts too (16-80 on the tuning half), so the script check below is their guard.
const MULTI = 50;
const SINGLE = 15;

const LEGACY: Record<string, Legacy> = {
  GB18030: { label: "gb18030", name: "GB18030", script: HAN, min: MULTI },
  Big5: { label: "big5", name: "Big5", script: HAN, min: MULTI },
  Shift_JIS: { label: "shift_jis", name: "Shift_JIS", script: JAPANESE, min: MULTI },
  "EUC-JP": { label: "euc-jp", name: "EUC-JP", script: JAPANESE, min: MULTI },
  "EUC-KR": { label: "euc-kr", name: "EUC-KR", script: KOREAN, min: MULTI },
  "windows-1251": { label: "windows-1251", name: "Windows-1251", script: CYRILLIC, min: SINGLE },
  "KOI8-R": { label: "koi8-r", name: "KOI8-R", script: CYRILLIC, min: SINGLE },
  "ISO-8859-5": { label: "iso-8859-5", name: "ISO-8859-5", script: CYRILLIC, min: SINGLE },
  "ISO-8859-7": { label: "iso-8859-7", name: "ISO-8859-7", script: GREEK, min: SINGLE },
  "windows-1253": { label: "windows-1253", name: "Windows-1253", script: GREEK, min: SINGLE },
  "windows-1256": { label: "windows-1256", name: "Windows-1256", script: ARABIC, min: SINGLE },
  "ISO-8859-6": { label: "iso-8859-6", name: "ISO-8859-6", script: ARABIC, min: SINGLE },
  "windows-1255": { label: "windows-1255", name: "Windows-1255", script: HEBREW, min: SINGLE },
  "ISO-8859-8": { label: "iso-8859-8", name: "ISO-8859-8", script: HEBREW, min: SINGLE },
};

/** chardet reads this much: a clear answer comes from a few lines, and a large file costs no more (about 10 ms of CPU for 16 KiB, 27 ms for 64 KiB). */
const SAMPLE = 16 * 1024;
const LETTERS = /\p{L}/gu;

export interface LegacyReading {
  text: string;
  /** TextDecoder's label of the encoding read. */
  encoding: string;
  /** For the decode warning: "read as GB18030 (chardet: Chinese, confidence 100)". */
  why: string;
}

export function legacyReading(bytes: Uint8Array, format: InputFormat): LegacyReading | null {
  // A page is judged by its text: markup, scripts and styles are ASCII whatever the encoding.
  const sample = format === "html" ? pageText(bytes) : bytes.subarray(0, SAMPLE);
  // Few high bytes: a Latin-script text, Western or Central European.
  if (!mostlyHigh(sample)) return centralEuropeanReading(bytes, sample);
  // chardet's answers, most confident first: the first that reads the bytes cleanly in its script. (Arabic
  // scores ISO-8859-6 and Windows-1256 alike, and only one of them has a character for every byte.)
  for (const match of analyse(sample)) {
    const legacy = LEGACY[match.name];
    if (!legacy || match.confidence < legacy.min) continue;
    const text = read(bytes, sample, legacy);
    if (text === null) continue;
    const language = match.lang ? `${LANGUAGES[match.lang] ?? match.lang}, ` : "";
    return { text, encoding: legacy.label, why: `read as ${legacy.name} (chardet: ${language}confidence ${match.confidence})` };
  }
  return null;
}

/** The bytes as text in that encoding, or null when they are not: a byte it has no character for, or letters mostly of another script. */
function read(bytes: Uint8Array, sample: Uint8Array, legacy: Legacy): string | null {
  // At least half the letters in the encoding's own script: a Western text misread in another encoding
  // turns only its few accented letters into that script. Judged on the sample before the whole is decoded.
  const seen = new TextDecoder(legacy.label).decode(sample);
  const letters = seen.match(LETTERS)?.length ?? 0;
  const own = seen.match(legacy.script)?.length ?? 0;
  if (own < 0.5 * letters) return null;
  // The whole is decoded only for an encoding the sample passed (and a text file no longer than its sample is its sample).
  const text = sample.length === bytes.length && sample.byteOffset === bytes.byteOffset && sample.buffer === bytes.buffer ? seen : new TextDecoder(legacy.label).decode(bytes);
  // A cut-off last character aside.
  const broken = text.indexOf("\uFFFD");
  return broken >= 0 && broken < text.length - 1 ? null : text;
}

const latin1 = new TextDecoder("latin1");

/** A page's bytes outside tags, comments, scripts and styles (from its first 256 KiB), at most SAMPLE of them. */
function pageText(bytes: Uint8Array): Uint8Array {
  const text = latin1
    .decode(bytes.subarray(0, 256 * 1024))
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ");
  return Buffer.from(text.slice(0, SAMPLE), "latin1");
}

/**
 * A quarter or more of the bytes above 0x7F: every letter of these scripts is one or two such bytes (a text
 * in them had 43% or more on the tuning half, most 70-99%), while Western text in Windows-1252 has a few
 * accented letters (at most 13% of a whole text, 1-2% typically). Below it chardet is not asked: no cost,
 * and no Western text can be read as anything but Windows-1252.
 */
function mostlyHigh(sample: Uint8Array): boolean {
  let high = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i]! > 0x7f) high++;
  return high >= 0.25 * sample.length;
}

const LANGUAGES: Record<string, string> = { zh: "Chinese", ja: "Japanese", ko: "Korean", ru: "Russian", el: "Greek", ar: "Arabic", he: "Hebrew" };
