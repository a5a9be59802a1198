// `npm run eval:outlets`: how often Digest names a page's outlet, and how often the name fits the page.
// No dev set labels outlets, so the page's own address is the judge: a name is counted as right when
// it names the page's host (src/text/outlet-names.ts, namesHost) or is the host table's name for it,
// and as "a wire" when it is a news agency's credit on someone else's page (true, but not the site).
// Pages: every dev page with a URL (extraction, webpages, dates), as text dumps (with the URL withheld,
// as a scrape has none) and as HTML (URL known). Split into halves by id; both halves are reported.
// The "shown to a reader" lines give the label a text dump's story shows (outletOf), with and without the
// page's URL: a wrong name (not the host's, not a wire's) first, as it is the worst; `--list-shown [--check]`
// lists those pages.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../src/clean/index.ts";
import { selfName } from "../src/clean/source.ts";
import { makeLine } from "../src/clean/doc.ts";
import { outletOf, tableName } from "../src/digest/outlets.ts";
import { decode } from "../src/ingest/decode.ts";
import { isWireService, namesHost } from "../src/text/outlet-names.ts";
import { hostOf } from "../src/text/paths.ts";
import type { CleanArticle, ResolvedArticle } from "../src/types.ts";
import { HALVES, halfOf, type Half } from "./lib/split.ts";
import { devSource } from "./lib/dev-source.ts";
import { silverMatches, silverName } from "./lib/outlet-silver.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, process.env.EXTRACTION_CORPUS ?? "../shared/corpus");
const SETS = [
  { file: "extraction-dev.jsonl", html: "extraction-html" },
  { file: "webpages-dev.jsonl", html: "webpages-html" },
  { file: "dates-dev.jsonl", html: "dates-html" },
];

interface Page {
  id: string;
  url: string;
  host: string;
  dump: string;
  html: string | null;
}

function pageHost(url: string | null): string | null {
  // Archived copies carry the page's own address after the archive's prefix.
  const own = url ? (/^https?:\/\/web\.archive\.org\/web\/[^/]+\/(.+)$/.exec(url)?.[1] ?? url) : null;
  return hostOf(own);
}

function loadPages(): Page[] {
  const pages: Page[] = [];
  for (const set of SETS) {
    for (const line of readFileSync(join(corpus, set.file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { id: string; url: string | null; text_dump?: string; html_path?: string };
      const host = pageHost(row.url);
      if (!host) continue;
      let html: string | null = null;
      try {
        const decoded = decode(gunzipSync(readFileSync(join(corpus, set.html, `${row.id}.html.gz`))));
        html = decoded.ok ? decoded.text : null;
      } catch {
        html = null;
      }
      pages.push({ id: row.id, url: row.url!, host, dump: row.text_dump ?? "", html });
    }
  }
  return pages;
}

type Verdict = "right" | "wire" | "other" | "none";

function judge(name: string | null, host: string): Verdict {
  if (!name) return "none";
  if (namesHost(name, host) || tableName(host) === name) return "right";
  return isWireService(name) ? "wire" : "other";
}

function asResolved(article: CleanArticle): ResolvedArticle {
  const evidence = { date: null, dateSource: null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2000-01-01" };
  return { ...article, evidence, date: "2000-01-01", dateSource: "file-mtime" };
}

function clean(page: Page, format: "text" | "html", url: string | null = null): CleanArticle | null {
  const text = format === "text" ? page.dump : page.html;
  if (!text) return null;
  try {
    return cleanSource(devSource(`${page.id}.${format === "text" ? "txt" : "html"}`, format, text, url));
  } catch {
    return null;
  }
}

type Tally = Record<Verdict, number>;
const empty = (): Tally => ({ right: 0, wire: 0, other: 0, none: 0 });

// What a reader sees as a text dump's outlet (outletOf's label): the worst is a wrong name, so it comes first.
type Shown = "wrong" | "right" | "wire" | "host" | "nothing";
const SHOWN: readonly Shown[] = ["wrong", "right", "wire", "host", "nothing"];
const shownTallies: Record<string, Record<Half, Record<Shown, number>>> = {};
// The same label judged by the page's own og:site_name or publisher (when its HTML gives one naming the host):
// a name that namesHost but is a product, section or notice ("Macwelt TV") is wrong here.
type Silver = "wrong" | "right" | "host";
const SILVER: readonly Silver[] = ["wrong", "right", "host"];
const silverTallies: Record<Half, Record<Silver, number>> = { tune: { wrong: 0, right: 0, host: 0 }, check: { wrong: 0, right: 0, host: 0 } };
const silverWrong: string[] = [];

function shown(article: CleanArticle, host: string): Shown {
  const outlet = outletOf(asResolved(article));
  if (outlet.name === null) return outlet.host ? "host" : "nothing";
  // A name outletOf took from an address is the host it names.
  if (outlet.host && outlet.name === outlet.host) return "host";
  const v = judge(outlet.name, host);
  return v === "right" ? "right" : v === "wire" ? "wire" : "wrong";
}

function shownLine(label: string, t: Record<Shown, number>): string {
  const total = SHOWN.reduce((n, k) => n + t[k], 0);
  const pct = (n: number) => (total ? ((100 * n) / total).toFixed(1) : "-");
  return `${label.padEnd(44)} pages ${String(total).padStart(4)}  ${SHOWN.map((k) => `${k} ${String(t[k]).padStart(3)} (${pct(t[k]).padStart(4)}%)`).join("  ")}`;
}

function line(label: string, t: Tally): string {
  const named = t.right + t.wire + t.other;
  const total = named + t.none;
  const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : "-");
  return `${label.padEnd(44)} pages ${String(total).padStart(4)}  named ${pct(named, total).padStart(5)}%  names the host ${pct(t.right, named).padStart(5)}%  wire ${String(t.wire).padStart(3)}  other ${String(t.other).padStart(3)}`;
}

const pages = loadPages();
const tallies: Record<string, Record<Half, Tally>> = {};
const tally = (key: string, half: Half, v: Verdict) => {
  tallies[key] ??= { tune: empty(), check: empty() };
  tallies[key][half][v]++;
};
// `--list`: the tuning half's HTML pages named as another outlet; `--list-text`: the same for text dumps.
const others: string[] = [];
const textOthers: string[] = [];
// `--list-shown`: the text dumps shown under another name without a URL (the tuning half; `--check` adds the other).
const shownWrong: string[] = [];
for (const page of pages) {
  const half = halfOf(page.id);
  const text = clean(page, "text");
  if (text) {
    tally("text dump: what the page text says (meta.source)", half, judge(text.meta.source, page.host));
    const lines = page.dump.split("\n").filter((l) => l.trim()).map((l) => makeLine(l.trim(), false));
    const body = new Set(text.paragraphs);
    const self = selfName(lines, lines.filter((l) => body.has(l.text)));
    tally("text dump: self-naming lines alone", half, judge(self, page.host));
    if (half === "tune" && judge(self, page.host) === "other") textOthers.push(`text ${page.host}: ${text.meta.source} / self: ${self}`);
    const without = shown(text, page.host);
    const withUrl = clean(page, "text", page.url);
    const withShown = withUrl ? shown(withUrl, page.host) : "nothing";
    for (const [key, v] of [["text dump shown to a reader, no URL", without], ["text dump shown to a reader, URL known", withShown]] as const) {
      shownTallies[key] ??= { tune: { wrong: 0, right: 0, wire: 0, host: 0, nothing: 0 }, check: { wrong: 0, right: 0, wire: 0, host: 0, nothing: 0 } };
      shownTallies[key][half][v]++;
    }
    if (without === "wrong" && (half === "tune" || process.argv.includes("--check"))) shownWrong.push(`${half} ${page.id} ${page.host}: ${text.meta.source}`);
  }
  const html = clean(page, "html");
  const silver = html ? silverName(html.meta, page.host) : null;
  const withUrl = silver ? clean(page, "text", page.url) : null;
  if (silver && withUrl) {
    const outlet = outletOf(asResolved(withUrl));
    const v: Silver = outlet.name === null || outlet.name === outlet.host ? "host" : silverMatches(outlet.name, silver, page.host) ? "right" : "wrong";
    silverTallies[half][v]++;
    if (v === "wrong" && (half === "tune" || process.argv.includes("--check"))) silverWrong.push(`${half} ${page.id} ${page.host}: ${outlet.name} (${outlet.basis}) / ${silver}`);
  }
  if (html) {
    const outlet = outletOf(asResolved(html));
    tally("HTML: outletOf (table, site name, publisher, text)", half, judge(outlet.name, page.host));
    tally("HTML: og:site_name as written", half, judge(html.meta.siteName, page.host));
    tally("HTML: outletOf's names from the <title>", half, outlet.basis === "title" ? judge(outlet.name, page.host) : "none");
    if (half === "tune" && judge(outlet.name, page.host) === "other") others.push(`${page.host}: ${outlet.name} (${outlet.basis})`);
  }
}
for (const [label, halves] of Object.entries(shownTallies)) for (const half of HALVES) console.log(shownLine(`${label} [${half}]`, halves[half]));
for (const half of HALVES) {
  const t = silverTallies[half];
  console.log(`${`text dump shown, URL known, by og:site_name [${half}]`.padEnd(44)} pages ${String(t.wrong + t.right + t.host).padStart(4)}  ${SILVER.map((k) => `${k} ${String(t[k]).padStart(3)}`).join("  ")}`);
}
for (const [label, halves] of Object.entries(tallies)) for (const half of HALVES) console.log(line(`${label} [${half}]`, halves[half]));
if (process.argv.includes("--list")) for (const o of others) console.log(`  tune, other: ${o}`);
if (process.argv.includes("--list-shown")) for (const o of shownWrong) console.log(`  shown wrong: ${o}`);
if (process.argv.includes("--list-silver")) for (const o of silverWrong) console.log(`  silver wrong: ${o}`);
if (process.argv.includes("--list-text")) for (const o of textOthers) console.log(`  tune, other: ${o}`);
