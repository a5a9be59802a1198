// Text files in a legacy encoding, without a byte-order mark: how src/ingest/decode.ts reads them.
// Never part of the tests: a measure, per half of the dev sets (the split of eval/lib/split.ts).
//
//   npx tsx scripts/measure-legacy-encodings.ts [--decode <path to a decode.ts>] [--list <encoding>]
//
// Every text of ../shared/corpus (bbc-dev and events-dev titles and bodies, the text dumps of webpages-dev,
// dates-dev and extraction-dev) is sorted by its main script and encoded, with /usr/bin/python3's codecs,
// in the encodings its script is written in: UTF-8; Windows-1252 (Latin); ISO-8859-2 and Windows-1250 (Latin
// text that Windows-1252 cannot hold: Polish, Czech...); Windows-1251, ISO-8859-5 and KOI8-R (Cyrillic);
// Windows-1253 and ISO-8859-7 (Greek); Windows-1256 (Arabic); GB18030 and Big5 (Chinese); Shift_JIS (cp932,
// as Windows saves it) and EUC-JP (Japanese); EUC-KR (Korean). Lines an encoding cannot hold are left out
// of that encoding's whole copy; a short copy with such a line is skipped. Each is encoded whole, and short: its first line with each of its first five
// paragraphs (100 characters or more, 40 in Chinese, Japanese and Korean), the input detectors fail on.
// And the page's HTML where the set has it (read as the corpus says: BOM, UTF-8, its meta charset), its charset
// declarations taken out, in the same encodings (characters the encoding lacks as &#NNNN;, as browsers save them). A copy with no byte above 0x7F is skipped (it is ASCII: UTF-8 already).
//
// Counted per encoding and half: read right (the decoded text is what the platform's decoder of the true
// encoding gives, after decode's own normalising), read wrong, rejected (by decode, or by cleaning:
// page furniture, too little text, not language), and of those how many are rejected in UTF-8 too (the same
// lines: the text itself, not its encoding, is the cause). "Western read otherwise": Latin text in Windows-1252
// whose decoded text differs from 24d1125's reading (Windows-1252), the loss the change must not cause.
//
// --decode: the decode.ts to measure (default: this worktree's), e.g. /work/wt/base67/src/ingest/decode.ts.
// --list <encoding>: print each copy of that encoding: half, kind, id, what decode chose and its warning, chardet's first three guesses.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { analyse } from "chardet";
import { cleanArticle } from "../src/pipeline/article.ts";
import { halfOf, HALVES, type Half } from "../eval/lib/split.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";
import type { Decoded } from "../src/ingest/decode.ts";
import { decodeWindows1252 } from "../src/ingest/windows-1252.ts";

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const decodePath = resolve(arg("--decode") ?? resolve(import.meta.dirname, "../src/ingest/decode.ts"));
const { decode } = (await import(pathToFileURL(decodePath).href)) as { decode: (bytes: Uint8Array, format?: "text" | "html") => Decoded };
const listed = arg("--list");
const corpus = resolve(import.meta.dirname, "../../shared/corpus");

function lines(file: string): Record<string, unknown>[] {
  return readJsonl<Record<string, unknown>>(resolve(corpus, file));
}

interface Text {
  id: string;
  text: string;
  /** The page's HTML as UTF-8, its charset declarations taken out, when the set has the page. */
  html?: string;
}
const noCharset = (html: string) =>
  html
    .replace(/<meta[^>]*\bcharset\s*=[^>]*>/gi, "")
    .replace(/<\?xml[^>]*>/i, "");
const texts: Text[] = [];
for (const file of ["bbc-dev.jsonl", "events-dev.jsonl"]) {
  for (const r of lines(file)) texts.push({ id: `${file}:${String(r.id)}`, text: `${String(r.title ?? "")}\n\n${String(r.text ?? "")}` });
}
for (const file of ["webpages-dev.jsonl", "dates-dev.jsonl", "extraction-dev.jsonl"]) {
  const dir = resolve(corpus, file.replace("-dev.jsonl", "-html"));
  for (const r of lines(file)) {
    if (typeof r.text_dump !== "string" || !r.text_dump.trim()) continue;
    const page = resolve(dir, `${String(r.id)}.html.gz`);
    const read = existsSync(page) ? decode(gunzipSync(readFileSync(page)), "html") : null;
    texts.push({ id: `${file}:${String(r.id)}`, text: r.text_dump, ...(read?.ok ? { html: noCharset(read.text) } : {}) });
  }
}

const SCRIPTS: [string, RegExp][] = [
  ["kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["hangul", /\p{Script=Hangul}/gu],
  ["han", /\p{Script=Han}/gu],
  ["cyrillic", /\p{Script=Cyrillic}/gu],
  ["greek", /\p{Script=Greek}/gu],
  ["arabic", /\p{Script=Arabic}/gu],
  ["latin", /\p{Script=Latin}/gu],
];

/** The text's main script: Japanese by its kana even where Han characters outnumber them. */
function scriptOf(text: string): string | null {
  const counts = new Map(SCRIPTS.map(([name, re]) => [name, text.match(re)?.length ?? 0]));
  if (counts.get("kana")! >= 20) return "japanese";
  if (counts.get("hangul")! >= 20) return "korean";
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 20 && (best === null || n > counts.get(best)!)) best = name;
  return best === "han" ? "chinese" : best;
}

/** Python codec name for each encoding measured, by script. */
const ENCODINGS: Record<string, [string, string][]> = {
  latin: [["utf-8", "utf-8"], ["windows-1252", "cp1252"], ["iso-8859-2", "iso8859_2"], ["windows-1250", "cp1250"]],
  cyrillic: [["utf-8", "utf-8"], ["windows-1251", "cp1251"], ["iso-8859-5", "iso8859_5"], ["koi8-r", "koi8_r"]],
  greek: [["utf-8", "utf-8"], ["windows-1253", "cp1253"], ["iso-8859-7", "iso8859_7"]],
  arabic: [["utf-8", "utf-8"], ["windows-1256", "cp1256"]],
  chinese: [["utf-8", "utf-8"], ["gb18030", "gb18030"], ["big5", "big5"]],
  japanese: [["utf-8", "utf-8"], ["shift_jis", "cp932"], ["euc-jp", "euc_jp"]],
  korean: [["utf-8", "utf-8"], ["euc-kr", "euc_kr"]],
};

/** The first line with each of the first five paragraphs after it: a headline and one paragraph. */
function shortsOf(text: string, script: string): string[] {
  const ls = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const cjk = script === "chinese" || script === "japanese" || script === "korean";
  return ls.slice(1).filter((l) => l.length >= (cjk ? 40 : 100)).slice(0, 5).map((para) => `${ls[0]}\n\n${para}`);
}

interface Job {
  half: Half;
  id: string;
  kind: "whole" | "short" | "html";
  script: string;
  encoding: string;
  codec: string;
  text: string;
}
const jobs: Job[] = [];
for (const t of texts) {
  const script = scriptOf(t.text);
  if (!script) continue;
  const half = halfOf(t.id.slice(t.id.indexOf(":") + 1));
  const shorts = shortsOf(t.text, script);
  for (const [encoding, codec] of ENCODINGS[script]!) {
    jobs.push({ half, id: t.id, kind: "whole", script, encoding, codec, text: t.text });
    for (const short of shorts) jobs.push({ half, id: t.id, kind: "short", script, encoding, codec, text: short });
    if (t.html) jobs.push({ half, id: t.id, kind: "html", script, encoding, codec, text: t.html });
  }
}

// Encoded in one python process: each job's lines that its codec holds, as bytes (base64), or null when none is above ASCII.
const PY = `
import sys, json, base64
out = []
for job in json.load(sys.stdin):
    if job["html"]:
        b = job["text"].encode(job["codec"], "xmlcharrefreplace")
        out.append(base64.b64encode(b).decode() if any(x > 127 for x in b) else None)
        continue
    kept = []
    for line in job["text"].split("\\n"):
        try:
            line.encode(job["codec"]); kept.append(line)
        except UnicodeEncodeError:
            pass
    if job["short"] and len(kept) < len(job["text"].split("\\n")):
        out.append(None)
        continue
    b = "\\n".join(kept).encode(job["codec"])
    out.append(base64.b64encode(b).decode() if any(x > 127 for x in b) else None)
json.dump(out, sys.stdout)
`;
/** The jobs' bytes, a batch at a time (a page's HTML in a dozen encodings does not fit in one string). */
function encode(batch: readonly Job[]): (string | null)[] {
  const input = JSON.stringify(batch.map((j) => ({ text: j.text, codec: j.codec, short: j.kind === "short", html: j.kind === "html" })));
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", PY], { input, maxBuffer: 1 << 30 }).toString()) as (string | null)[];
}

interface Tally {
  copies: number;
  right: number;
  wrong: number;
  rejected: number;
  /** Rejected, and the same text (the copy's lines) in UTF-8 is rejected too: by cleaning, whatever the encoding. */
  rejectedAsUtf8: number;
  westernOtherwise: number;
  /** Latin-script copies in a single-byte encoding read in anything but Windows-1252 (a CJK or Cyrillic reading of a Western text). */
  latinElse: number;
}
const tallies = new Map<string, Record<Half, Tally>>();
const blank = (): Tally => ({ copies: 0, right: 0, wrong: 0, rejected: 0, rejectedAsUtf8: 0, westernOtherwise: 0, latinElse: 0 });
const chosen = new Map<string, Map<string, number>>();
let decodeMs = 0;


function measure(job: Job, b64: string | null): void {
  if (!b64) return;
  const bytes = Buffer.from(b64, "base64");
  const key = `${job.kind === "whole" ? "" : `${job.kind} `}${job.encoding} (${job.script})`;
  const format = job.kind === "html" ? "html" : "text";
  const tally = tallies.get(key) ?? { tune: blank(), check: blank() };
  tallies.set(key, tally);
  const t = tally[job.half];
  t.copies++;
  // What the platform's decoder of the true encoding gives, normalised as decode normalises (through its UTF-8 path).
  // (Node reads "windows-1252" as Latin-1 in 0x80-0x9F: that encoding's truth is its own table.)
  const truth = decode(Buffer.from(job.encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(job.encoding).decode(bytes)), format);
  const start = performance.now();
  const d = decode(bytes, format);
  decodeMs += performance.now() - start;
  const picks = chosen.get(key) ?? new Map<string, number>();
  chosen.set(key, picks);
  const pick = d.ok ? d.encoding : "rejected";
  picks.set(pick, (picks.get(pick) ?? 0) + 1);
  let outcome: string;
  if (!d.ok || !truth.ok) {
    outcome = "rejected";
    t.rejected++;
  } else {
    const cleaned = cleanArticle({ path: `x.${format === "html" ? "html" : "txt"}`, format, text: d.text, encoding: d.encoding, mtime: new Date(0) });
    if ("rejected" in cleaned) {
      outcome = `rejected: ${cleaned.rejected.reason}`;
      t.rejected++;
      if ("rejected" in cleanArticle({ path: `x.${format === "html" ? "html" : "txt"}`, format, text: truth.text, encoding: "utf-8", mtime: new Date(0) })) t.rejectedAsUtf8++;
    } else if (d.text === truth.text) {
      outcome = "right";
      t.right++;
    } else {
      outcome = "wrong";
      t.wrong++;
    }
  }
  if (job.script === "latin" && job.encoding !== "utf-8" && d.ok && d.encoding !== "windows-1252") t.latinElse++;
  if (job.encoding === "windows-1252" && d.ok) {
    const today = decode(Buffer.from(decodeWindows1252(bytes)), format);
    if (!today.ok || today.text !== d.text) t.westernOtherwise++;
  }
  if (listed === job.encoding) {
    const warning = d.ok ? d.warnings.map((w) => w.text).join("; ") : d.reason;
    const guesses = analyse(bytes).slice(0, 3).map((m) => `${m.name}/${m.lang ?? "-"} ${m.confidence}`).join(", ");
    console.log(`${job.half}\t${job.kind}\t${job.id}\t${bytes.length} B\t${pick}\t${outcome}\t${warning}\tchardet: ${guesses}`);
  }
}
for (let start = 0; start < jobs.length; start += 200) {
  const batch = jobs.slice(start, start + 200);
  encode(batch).forEach((b64, i) => measure(batch[i]!, b64));
}

console.log(`decode: ${decodePath}`);
console.log("encoding (script)                     | tuning: copies right wrong rejected (as UTF-8 too) | checking: copies right wrong rejected (as UTF-8 too) | chosen (both halves)");
const keys = [...tallies.keys()].sort((a, b) => (a.replace("short ", "") + a).localeCompare(b.replace("short ", "") + b));
const totals: Record<Half, Tally> = { tune: blank(), check: blank() };
for (const key of keys) {
  const t = tallies.get(key)!;
  const cells = HALVES.map((h) => {
    const x = t[h];
    for (const f of Object.keys(x) as (keyof Tally)[]) totals[h][f] += x[f];
    return `${String(x.copies).padStart(6)} ${String(x.right).padStart(5)} ${String(x.wrong).padStart(5)} ${String(x.rejected).padStart(8)} ${`(${x.rejectedAsUtf8})`.padStart(14)}`;
  });
  const picks = [...chosen.get(key)!].sort((a, b) => b[1] - a[1]).map(([e, n]) => `${e} ${n}`).join(", ");
  console.log(`${key.padEnd(37)} | ${cells[0]} | ${cells[1]} | ${picks}`);
}
for (const h of HALVES) {
  const x = totals[h];
  console.log(`${h === "tune" ? "tuning" : "checking"}: ${x.copies} copies, ${x.right} right, ${x.wrong} wrong, ${x.rejected} rejected (${x.rejectedAsUtf8} of them rejected in UTF-8 too); Windows-1252 Latin read otherwise than 24d1125: ${x.westernOtherwise}; Latin (Windows-1252/1250, ISO-8859-2) read other than as Windows-1252: ${x.latinElse}`);
}
console.log(`decode time, all copies: ${decodeMs.toFixed(0)} ms`);
