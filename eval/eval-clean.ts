// `npm run eval:clean`: article-body extraction on extraction-dev (token 4-gram F1) and webpages-dev
// (trafilatura's must / must-not snippets), from text dumps and from HTML, beside the whole-dump floor
// and @mozilla/readability on the same HTML. Every figure for the tuning and the checking half.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { cleanSource } from "../src/clean/index.ts";
import type { SourceFile } from "../src/types.ts";
import { loadExtraction, loadWebpages, type DevPage } from "./lib/clean-corpus.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus, snippetPageF1, type PageScore, type SnippetCounts } from "./lib/extraction-score.ts";
import { HALVES, type Half } from "./lib/split.ts";
import { devSource } from "./lib/dev-source.ts";
import { cleanAll, cpuRate } from "./lib/clean-speed.ts";
import { inSampleNote } from "./lib/in-sample.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const reportPath = join(root, process.argv.includes("--no-url") ? "reports/eval-clean-no-url.json" : "reports/eval-clean.json");
const readabilityCache = join(root, "reports/readability-cache.json");

type System = "floor" | "text" | "html" | "readability";
const SYSTEMS: Record<System, string> = {
  floor: "floor (whole text dump)",
  text: "digest, text dump",
  html: "digest, HTML",
  readability: "readability.js, HTML",
};

export function sourceOf(page: DevPage, format: "text" | "html", withUrl = true): SourceFile {
  return devSource(page.id, format, format === "html" ? page.html : page.text, withUrl ? page.url : null);
}

/** What `digest clean --jsonl` answers for the page: its body, or the reason it was refused. */
function clean(page: DevPage, format: "text" | "html"): { body: string; title: string; error?: string; warnings: string[] } {
  try {
    // `--no-url`: the pages as a scrape without its address would give them (the URL is evidence, not a need).
    const a = cleanSource(sourceOf(page, format, !process.argv.includes("--no-url")));
    return { body: a.paragraphs.join("\n\n"), title: a.title, warnings: a.messages.map((m) => m.text) };
  } catch (error) {
    return { body: "", title: "", error: (error as Error).message, warnings: [] };
  }
}

function readability(html: string, url: string | null): string {
  const once = (h: string) => {
    const dom = new JSDOM(h, { url: url ?? "https://example.invalid/", virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return article?.textContent ?? "";
  };
  try {
    return once(html);
  } catch {
    // jsdom's CSS parser throws on some pre-processor leftovers in <style>; the styles don't matter here.
    try {
      return once(html.replace(/<style\b[\s\S]*?<\/style>/gi, ""));
    } catch {
      return "";
    }
  }
}

/** readability.js's output depends only on the page and the library: kept between runs (reports/, git-ignored). */
function readabilityAll(pages: DevPage[]): Map<string, string> {
  const version = (JSON.parse(readFileSync(join(root, "node_modules/@mozilla/readability/package.json"), "utf8")) as { version: string }).version;
  const cache: Record<string, string> = existsSync(readabilityCache) ? (JSON.parse(readFileSync(readabilityCache, "utf8")) as Record<string, string>) : {};
  const out = new Map<string, string>();
  let fresh = 0;
  for (const p of pages) {
    const key = `${version}:${createHash("sha256").update(p.html).digest("hex").slice(0, 16)}`;
    if (!(key in cache)) (cache[key] = readability(p.html, p.url), fresh++);
    out.set(`${p.set}:${p.id}`, cache[key]!);
  }
  if (fresh) {
    mkdirSync(dirname(readabilityCache), { recursive: true });
    writeFileSync(readabilityCache, JSON.stringify(cache));
  }
  return out;
}

/**
 * Pages per second of one path on one core, from this process's CPU time (user + system), so that
 * load from other processes on the machine does not count: the median of five passes after warm-up.
 */
function speed(pages: DevPage[], format: "text" | "html"): number {
  const files = pages.map((p) => sourceOf(p, format));
  return cpuRate(files.length, () => cleanAll(files), 5);
}

const f3 = (x: number) => x.toFixed(3);
const pad = (s: string, n: number) => s.padEnd(n);

interface Row {
  set: string;
  id: string;
  url: string | null;
  half: Half;
  scores: Partial<Record<System, PageScore | SnippetCounts>>;
  errors: Partial<Record<"text" | "html", string>>;
  warnings: Partial<Record<"text" | "html", string[]>>;
}

function main(): void {
  const sets = { extraction: loadExtraction(), webpages: loadWebpages() };
  const all = [...sets.extraction, ...sets.webpages];
  // `--no-speed`: the figures alone, for a quicker loop while working (speed is then reported as 0).
  const timed = !process.argv.includes("--no-speed") && !process.argv.includes("--no-url");
  const textSpeed = timed ? speed(all, "text") : 0;
  const htmlSpeed = timed ? speed(all, "html") : 0;
  const ref = readabilityAll(all);
  const rows: Row[] = [];
  const bodies: { set: string; id: string; text: string; html: string }[] = [];
  const note = inSampleNote("clean");
  if (note) console.log(note);
  for (const [setName, pages] of Object.entries(sets)) {
    console.log(
      setName === "extraction"
        ? `extraction-dev, ${pages.length} pages: token 4-gram F1 (precision and recall averaged over pages)`
        : `webpages-dev, ${pages.length} pages: trafilatura's snippet metric (with / without, summed over pages)`,
    );
    const byHalf: Record<Half, Row[]> = { tune: [], check: [] };
    for (const p of pages) {
      const t = clean(p, "text");
      const h = clean(p, "html");
      const outputs: Record<System, string> = { floor: p.text, text: t.body, html: h.body, readability: ref.get(`${p.set}:${p.id}`) ?? "" };
      const row: Row = { set: setName, id: p.id, url: p.url, half: p.half, scores: {}, errors: {}, warnings: { text: t.warnings, html: h.warnings } };
      if (t.error) row.errors.text = t.error;
      if (h.error) row.errors.html = h.error;
      for (const s of Object.keys(SYSTEMS) as System[]) {
        row.scores[s] = p.truth !== undefined ? scorePage(outputs[s], p.truth) : scoreSnippets(outputs[s], p.with ?? [], p.without ?? []);
      }
      rows.push(row);
      byHalf[p.half].push(row);
      bodies.push({ set: setName, id: p.id, text: t.body, html: h.body });
    }
    console.log(`  ${pad("", 26)} ${HALVES.map((h) => pad(`${h} (${byHalf[h].length})`, 28)).join("")}`);
    for (const s of Object.keys(SYSTEMS) as System[]) {
      const cells = HALVES.map((h) => {
        const list = byHalf[h].map((r) => r.scores[s]!);
        const c = setName === "extraction" ? scoreCorpus(list as PageScore[]) : snippetCorpus(list as SnippetCounts[]);
        return pad(`F1 ${f3(c.f1)} P ${f3(c.precision)} R ${f3(c.recall)}`, 28);
      });
      console.log(`  ${pad(SYSTEMS[s], 26)} ${cells.join("")}`);
    }
    for (const path of ["text", "html"] as const) {
      const refused = pages.filter((p) => rows.find((r) => r.set === setName && r.id === p.id)?.errors[path]).length;
      if (refused) console.log(`  refused from ${path}: ${refused} page(s)`);
    }
    for (const path of ["text", "html"] as const) {
      console.log(`  five worst checking-half pages, ${SYSTEMS[path]}:`);
      const pageF1 = (r: Row) => {
        const s = r.scores[path]!;
        return "f1" in s ? s.f1 : snippetPageF1(s);
      };
      const worst = byHalf.check.slice().sort((a, b) => pageF1(a) - pageF1(b) || a.id.localeCompare(b.id)).slice(0, 5);
      for (const r of worst) console.log(`    ${f3(pageF1(r))} ${r.id} ${cause(r, path)} ${r.url ?? ""}`);
    }
  }
  if (timed) console.log(`speed on one core (CPU time, median of 5 passes over ${all.length} pages): text dumps ${Math.round(textSpeed)} pages/s, HTML ${Math.round(htmlSpeed)} pages/s`);
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, JSON.stringify({ textPagesPerSecond: Math.round(textSpeed), htmlPagesPerSecond: Math.round(htmlSpeed), pages: rows, bodies }, null, 1));
  console.log(`per-page scores: ${reportPath}`);
}

/** A short reading of why a page scored low. */
function cause(r: Row, path: "text" | "html"): string {
  if (r.errors[path]) return `[refused: ${r.errors[path]}]`;
  const s = r.scores[path]!;
  if ("f1" in s) {
    if (s.predicted === 0) return "[empty body]";
    if (s.recall < 0.5 && s.precision >= 0.8) return `[missed body: P ${f3(s.precision)} R ${f3(s.recall)}]`;
    if (s.precision < 0.5 && s.recall >= 0.8) return `[kept furniture: P ${f3(s.precision)} R ${f3(s.recall)}]`;
    return `[P ${f3(s.precision)} R ${f3(s.recall)}]`;
  }
  const parts: string[] = [];
  if (s.missing.length) parts.push(`missing ${JSON.stringify(s.missing[0]!.slice(0, 40))}${s.missing.length > 1 ? ` +${s.missing.length - 1}` : ""}`);
  if (s.unwanted.length) parts.push(`kept ${JSON.stringify(s.unwanted[0]!.slice(0, 40))}${s.unwanted.length > 1 ? ` +${s.unwanted.length - 1}` : ""}`);
  return `[${parts.join("; ")}]`;
}

main();
