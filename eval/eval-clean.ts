// `npm run eval:clean`: extraction quality of `digest clean --jsonl` on the dev corpus, from text
// dumps and from HTML, beside the keep-everything floor and @mozilla/readability on the same HTML.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { cleanSource } from "../src/clean/index.ts";
import { scoreCorpus, scorePage, type CorpusScore, type PageScore } from "./lib/extraction-score.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, process.env.EXTRACTION_CORPUS ?? "../shared/corpus");
const reportPath = join(root, "reports/eval-clean.json");

interface Page {
  id: string;
  url: string;
  text_dump: string;
  article_body: string;
  html: string;
}

function loadPages(): Page[] {
  const lines = readFileSync(join(corpus, "extraction-dev.jsonl"), "utf8").split("\n").filter((l) => l.trim());
  return lines.map((line) => {
    const raw = JSON.parse(line) as Omit<Page, "html">;
    const html = gunzipSync(readFileSync(join(corpus, "extraction-html", `${raw.id}.html.gz`))).toString("utf8");
    return { ...raw, html };
  });
}

/** Runs the product's own CLI, `digest clean --jsonl`, and returns each id's body (or error). */
function runCli(input: { id: string; text?: string; html?: string }[]): Promise<Map<string, { body: string; error?: string }>> {
  return new Promise((done, fail) => {
    const child = spawn(join(root, "node_modules/.bin/digest"), ["clean", "--jsonl"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code !== 0) return fail(new Error(`digest clean --jsonl exited with ${code}`));
      const result = new Map<string, { body: string; error?: string }>();
      for (const line of out.split("\n").filter((l) => l.trim())) {
        const row = JSON.parse(line) as { id: string; body?: string; error?: string };
        result.set(row.id, { body: row.body ?? "", error: row.error });
      }
      done(result);
    });
    child.stdin.end(input.map((row) => JSON.stringify(row)).join("\n") + "\n");
  });
}

function readability(html: string, url: string): string {
  try {
    return readabilityOnce(html, url);
  } catch {
    // jsdom's CSS parser throws on some pre-processor leftovers in <style>; the styles don't matter here.
    return readabilityOnce(html.replace(/<style\b[\s\S]*?<\/style>/gi, ""), url);
  }
}

function readabilityOnce(html: string, url: string): string {
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url, virtualConsole });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article?.textContent ?? "";
}

/**
 * Pages per second of the text path on this core, in-process (no CLI start-up in the figure): the
 * median of ten 200 ms windows after warm-up, so that a moment of load from other processes on the
 * machine does not decide the figure.
 */
function textSpeed(pages: Page[]): number {
  const files = pages.map((p) => ({ path: p.id, format: "text" as const, text: p.text_dump, encoding: "utf-8" as const, mtime: new Date(0) }));
  for (let k = 0; k < 3; k++) for (const f of files) cleanSource(f);
  const rates: number[] = [];
  for (let w = 0; w < 10; w++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 200) for (const f of files) (cleanSource(f), n++);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  return (rates[4]! + rates[5]!) / 2;
}

const fmt = (s: CorpusScore) =>
  `F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  exact ${(100 * s.exactRate).toFixed(1)}%`;

async function main(): Promise<void> {
  const pages = loadPages();
  // Timed first, before readability's DOMs fill the heap.
  const speed = textSpeed(pages);
  const fromText = await runCli(pages.map((p) => ({ id: p.id, text: p.text_dump })));
  const fromHtml = await runCli(pages.map((p) => ({ id: p.id, html: p.html })));
  const systems: Record<string, (p: Page) => string> = {
    "floor (whole text dump)": (p) => p.text_dump,
    "digest, text dump": (p) => fromText.get(p.id)?.body ?? "",
    "digest, HTML": (p) => fromHtml.get(p.id)?.body ?? "",
    "readability.js, HTML": (p) => readability(p.html, p.url),
  };
  const scores: Record<string, PageScore[]> = {};
  const rows = pages.map((p) => ({ id: p.id, url: p.url } as { id: string; url: string } & Record<string, PageScore | string>));
  for (const [name, run] of Object.entries(systems)) {
    scores[name] = pages.map((p, i) => {
      const s = scorePage(run(p), p.article_body);
      rows[i]![name] = s;
      return s;
    });
  }
  const summary: Record<string, CorpusScore> = {};
  console.log(`Extraction, ${pages.length} dev pages (4-gram multisets, averaged P and R):`);
  for (const name of Object.keys(systems)) {
    summary[name] = scoreCorpus(scores[name]!);
    console.log(`  ${name.padEnd(26)} ${fmt(summary[name]!)}`);
  }
  const errors = [...fromText, ...fromHtml].filter(([, r]) => r.error).map(([id, r]) => `${id}: ${r.error}`);
  if (errors.length) console.log(`  errors: ${errors.join("; ")}`);
  console.log(`  text clean speed: ${Math.round(speed)} pages/s on one core`);
  const worst = (name: string) =>
    rows
      .map((r) => ({ id: r.id, url: r.url, s: r[name] as PageScore }))
      .sort((a, b) => a.s.f1 - b.s.f1)
      .slice(0, 5);
  for (const name of ["digest, text dump", "digest, HTML"]) {
    console.log(`  worst, ${name}:`);
    for (const w of worst(name)) console.log(`    ${w.s.f1.toFixed(3)} (P ${w.s.precision.toFixed(2)} R ${w.s.recall.toFixed(2)}) ${w.id.slice(0, 8)} ${w.url}`);
  }
  mkdirSync(dirname(reportPath), { recursive: true });
  const bodies = pages.map((p) => ({ id: p.id, text: fromText.get(p.id)?.body ?? "", html: fromHtml.get(p.id)?.body ?? "" }));
  writeFileSync(reportPath, JSON.stringify({ summary, textPagesPerSecond: Math.round(speed), pages: rows, bodies }, null, 1));
  console.log(`  per-page scores: ${reportPath}`);
}

await main();
