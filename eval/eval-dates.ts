// `npm run eval:dates`: exact-day accuracy of the product's own cleaning + dating on dates-dev, from the
// HTML (with its URL) and from the text dump (with its URL, as `clean --jsonl` gets it), for the tuning
// and checking halves and by set; how each day was found; speed; the worst checking-half pages.
// `npm run eval:dates -- --errors [tune|check]` lists every wrong page of one half (tuning by default)
// with the evidence the date stage weighed, to sort failures into classes. `--quick` prints only the
// accuracy lines (no speed, no seeds, no report file).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../src/clean/index.ts";
import { ownDate } from "../src/date/index.ts";
import { scanOf } from "../src/date/evidence.ts";
import { utcMinutes } from "../src/date/local-day.ts";
import { shippedModel, weighDates } from "../src/date/model.ts";
import { urlDate } from "../src/date/url.ts";
import { dayNumber } from "../src/text/dates.ts";
import { decode } from "../src/ingest/decode.ts";
import type { SourceFile } from "../src/types.ts";
import { HALVES, halfOf, type Half } from "./lib/split.ts";
import { devSource } from "./lib/dev-source.ts";
import { inSampleLine, trainedInSample } from "./lib/in-sample.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, process.env.DATES_CORPUS ?? "../shared/corpus");
const reportPath = join(root, "reports/eval-dates.json");
const ZONE = "UTC";

interface Page {
  id: string;
  url: string | null;
  date: string | null;
  text_dump: string;
  set: string;
  html: string;
}

type Path = "html" | "text";
const PATHS: readonly Path[] = ["html", "text"];

interface Outcome {
  date: string | null;
  dateSource: string | null;
  ok: boolean;
  error?: string;
}

function loadPages(): Page[] {
  const lines = readFileSync(join(corpus, "dates-dev.jsonl"), "utf8").split("\n").filter((l) => l.trim());
  return lines.map((line) => {
    const raw = JSON.parse(line) as Omit<Page, "html">;
    const decoded = decode(gunzipSync(readFileSync(join(corpus, "dates-html", `${raw.id}.html.gz`))));
    return { ...raw, html: decoded.ok ? decoded.text : "" };
  });
}

function sourceOf(page: Page, path: Path): SourceFile {
  const text = path === "html" ? page.html : page.text_dump;
  return devSource(page.id, path, text, page.url);
}

function datePage(page: Page, path: Path): Outcome {
  try {
    const { date, dateSource } = ownDate(cleanSource(sourceOf(page, path)), ZONE);
    return { date, dateSource, ok: date !== null && date === page.date };
  } catch (error) {
    return { date: null, dateSource: null, ok: false, error: (error as Error).message };
  }
}

/**
 * Pages per second of clean + date on one core, in CPU time (process.cpuUsage, so other processes on
 * the machine do not count): the median of five passes over the pages after a warm-up pass.
 */
function speed(pages: Page[], path: Path): number {
  const files = pages.map((p) => sourceOf(p, path));
  const once = () => {
    for (const f of files) {
      try {
        ownDate(cleanSource(f), ZONE);
      } catch {
        // counted like any other page
      }
    }
  };
  once();
  const rates: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = process.cpuUsage();
    once();
    const used = process.cpuUsage(t0);
    rates.push(files.length / ((used.user + used.system) / 1e6));
  }
  return rates.sort((a, b) => a - b)[2]!;
}

const pct = (right: number, all: number) => (all ? `${((100 * right) / all).toFixed(1)}%` : "-");

function accuracyLine(rows: { page: Page; out: Outcome }[]): string {
  const right = rows.filter((r) => r.out.ok).length;
  const missing = rows.filter((r) => r.out.date === null).length;
  return `${pct(right, rows.length).padStart(6)} (${right}/${rows.length}; ${missing} without a date)`;
}

/** The seeds through the real CLI, checked against their golden days. */
function seedsCheck(): string[] {
  const golden = JSON.parse(readFileSync(join(root, "test/fixtures/seeds.golden.json"), "utf8")) as { articles: Record<string, { date: string }> };
  const work = mkdtempSync(join(tmpdir(), "eval-dates-seeds-"));
  try {
    execFileSync(process.execPath, [join(root, "bin/digest.js"), "build", "--quiet", "--input", join(root, "test/fixtures/seeds"), "--digests", join(work, "d"), "--output", join(work, "s")], { stdio: "ignore" });
    const report = JSON.parse(readFileSync(join(work, "s/build-report.json"), "utf8")) as { inputs: { path: string; date: string; dateSource: string }[] };
    return report.inputs.map((i) => {
      const want = golden.articles[i.path.split("/").pop()!]?.date;
      return `${i.date === want ? "ok  " : "FAIL"} ${i.path} ${i.date} (${i.dateSource}; want ${want})`;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One wrong page with what the date stage saw: markup dates, the address, the best-weighed visible dates. */
function explain(page: Page, path: Path, out: Outcome): string[] {
  const lines = [`${page.id.slice(0, 8)} ${path} gold ${page.date} got ${out.date ?? "none"} (${out.dateSource ?? "-"}) ${page.url ?? ""}`];
  if (out.error) return [...lines, `    error: ${out.error}`];
  const article = cleanSource(sourceOf(page, path));
  const scan = scanOf(article, path);
  const url = urlDate(page.url);
  if (scan.structured.length) lines.push(`    markup: ${scan.structured.map((s) => `${s.kind} ${s.day}${utcMinutes(s) !== null ? ` utc+${utcMinutes(s)}m` : ""}`).join(", ")}`);
  if (url.day || url.month) lines.push(`    url: ${url.day ?? url.month}`);
  const weighed = weighDates(scan, url, shippedModel(path));
  const goldAt = weighed.findIndex((w) => w.day === page.date);
  lines.push(`    visible dates: ${weighed.length}; gold ${goldAt < 0 ? "not among them" : `ranked ${goldAt + 1}`}`);
  const show = weighed.slice(0, 3);
  if (goldAt >= 3) show.push(weighed[goldAt]!);
  for (const w of show) {
    const m = w.mention;
    const around = m.block.slice(Math.max(0, m.date.start - 50), m.date.end + 30).replace(/\s+/g, " ");
    lines.push(`    ${w.probability.toFixed(2)} ${w.day} h=${m.fromHeadline?.toFixed(1) ?? "-"} b=${m.fromBody?.toFixed(1) ?? "-"} "${around}" [${m.markup.slice(0, 80)}]`);
  }
  return lines;
}

function main(): void {
  const errorsAt = process.argv.indexOf("--errors");
  if (errorsAt >= 0) {
    const half = (process.argv[errorsAt + 1] === "check" ? "check" : "tune") as Half;
    const pages = loadPages().filter((p) => halfOf(p.id) === half);
    for (const path of PATHS) {
      const wrong = pages.map((page) => ({ page, out: datePage(page, path) })).filter((r) => !r.out.ok);
      console.log(`${path}: ${wrong.length} wrong of ${pages.length} (${half} half)`);
      for (const r of wrong) for (const line of explain(r.page, path, r.out)) console.log(`  ${line}`);
    }
    return;
  }
  const pages = loadPages();
  const results = new Map<Path, { page: Page; out: Outcome }[]>();
  for (const path of PATHS) results.set(path, pages.map((page) => ({ page, out: datePage(page, path) })));

  console.log(`Publication day, dates-dev (${pages.length} pages; exact day; no date counts as a miss):`);
  if (trainedInSample(PATHS.map((path) => shippedModel(path).trainedOn))) console.log(`  ${inSampleLine("dates", ["src/date/date-models.json"])}`);
  for (const path of PATHS) {
    const rows = results.get(path)!;
    console.log(`  from ${path === "html" ? "HTML" : "text dumps"}:`);
    for (const half of HALVES) {
      const inHalf = rows.filter((r) => halfOf(r.page.id) === half);
      const bySet = [...new Set(inHalf.map((r) => r.page.set))].sort().map((set) => `${set} ${accuracyLine(inHalf.filter((r) => r.page.set === set)).trim()}`);
      console.log(`    ${half.padEnd(5)} ${accuracyLine(inHalf)}   by set: ${bySet.join("; ")}`);
    }
    for (const half of HALVES) {
      const counts = new Map<string, { n: number; right: number }>();
      for (const r of rows.filter((x) => halfOf(x.page.id) === half)) {
        const c = counts.get(r.out.dateSource ?? "none") ?? { n: 0, right: 0 };
        c.n++;
        if (r.out.ok) c.right++;
        counts.set(r.out.dateSource ?? "none", c);
      }
      const list = [...counts].sort((a, b) => b[1].n - a[1].n).map(([s, c]) => `${s} ${c.n} (${c.right} right)`);
      console.log(`    ${half.padEnd(5)} by dateSource: ${list.join(", ")}`);
    }
    const errors = rows.filter((r) => r.out.error);
    if (errors.length) console.log(`    errors: ${errors.map((r) => `${r.page.id}: ${r.out.error}`).join("; ")}`);
  }

  if (process.argv.includes("--quick")) return;
  for (const path of PATHS) console.log(`  speed, clean + date from ${path === "html" ? "HTML" : "text dumps"}: ${Math.round(speed(pages, path))} pages/s (CPU time, one core, median of 5)`);

  for (const path of PATHS) {
    console.log(`  worst checking-half pages, ${path === "html" ? "HTML" : "text dumps"} (wrong before missing, then by distance):`);
    const wrong = results.get(path)!.filter((r) => halfOf(r.page.id) === "check" && !r.out.ok);
    const distance = (r: { page: Page; out: Outcome }) => (r.out.date && r.page.date ? Math.abs(dayNumber(r.out.date) - dayNumber(r.page.date)) : -1);
    wrong.sort((a, b) => distance(b) - distance(a) || (a.page.id < b.page.id ? -1 : 1));
    for (const r of wrong.slice(0, 5)) console.log(`    ${r.page.id.slice(0, 8)} gold ${r.page.date} got ${r.out.date ?? "none"} (${r.out.dateSource ?? "-"}) ${r.page.url ?? ""}`);
  }

  console.log("  seeds (real CLI build, golden days):");
  for (const line of seedsCheck()) console.log(`    ${line}`);

  mkdirSync(dirname(reportPath), { recursive: true });
  const perPage = pages.map((p) => ({
    id: p.id,
    half: halfOf(p.id) as Half,
    set: p.set,
    url: p.url,
    gold: p.date,
    html: results.get("html")!.find((r) => r.page === p)!.out,
    text: results.get("text")!.find((r) => r.page === p)!.out,
  }));
  writeFileSync(reportPath, JSON.stringify({ pages: perPage }, null, 1));
  console.log(`  per-page results: ${reportPath}`);
}


main();
