// `npm run eval:headlines`: does the headline Digest gives agree with the page's own? Gold is the
// page's og:title, else its first <h1>, else its <title>, read from the HTML; token F1 ≥ 0.6 agrees.
// From text dumps (with and without the page's URL) and from HTML, on extraction-dev, webpages-dev
// and dates-dev, each for the tuning and the checking half, with a count of furniture headlines.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanSource } from "../src/clean/index.ts";
import type { SourceFile } from "../src/types.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, type DevPage } from "./lib/clean-corpus.ts";
import { AGREES, headlineF1, isFurnitureHeadline } from "./lib/extraction-score.ts";
import { HALVES, type Half } from "./lib/split.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const reportPath = join(root, "reports/eval-headlines.json");

type Path = "text" | "text, no url" | "html";
const PATHS: Path[] = ["text", "text, no url", "html"];

function headline(page: DevPage, path: Path): string {
  const file: SourceFile = {
    path: page.id,
    format: path === "html" ? "html" : "text",
    text: path === "html" ? page.html : page.text,
    encoding: "utf-8",
    mtime: new Date(0),
    url: path === "text, no url" ? null : page.url,
  };
  try {
    return cleanSource(file).title;
  } catch {
    return "";
  }
}

interface Row {
  set: string;
  id: string;
  half: Half;
  url: string | null;
  gold: string;
  got: Record<Path, string>;
  f1: Record<Path, number>;
}

function main(): void {
  const rows: Row[] = [];
  for (const pages of [loadExtraction(), loadWebpages(), loadDates()]) {
    for (const p of pages) {
      const gold = goldHeadline(p.html);
      if (!gold) continue;
      const got = { text: headline(p, "text"), "text, no url": headline(p, "text, no url"), html: headline(p, "html") };
      const f1 = { text: headlineF1(got.text, gold), "text, no url": headlineF1(got["text, no url"], gold), html: headlineF1(got.html, gold) };
      rows.push({ set: p.set, id: p.id, half: p.half, url: p.url, gold, got, f1 });
    }
  }
  console.log(`headline agreement (token F1 ≥ ${AGREES} with og:title / h1 / <title>), pages with a gold headline:`);
  const sets = ["extraction", "webpages", "dates", "all"];
  console.log(`  ${"".padEnd(26)}${sets.flatMap((s) => HALVES.map((h) => `${s} ${h}`.padEnd(17))).join("")}`);
  for (const path of PATHS) {
    const cells: string[] = [];
    const furniture: string[] = [];
    for (const s of sets) {
      for (const h of HALVES) {
        const seen = new Set<string>();
        // "all" counts a page the sets share (webpages-dev and dates-dev have some in common) once.
        const list = rows.filter((r) => (s === "all" ? !seen.has(r.id) && seen.add(r.id) : r.set === s) && r.half === h);
        const agree = list.filter((r) => r.f1[path] >= AGREES).length;
        const furn = list.filter((r) => r.f1[path] < AGREES && isFurnitureHeadline(r.got[path])).length;
        cells.push(`${((100 * agree) / list.length).toFixed(1)}% of ${list.length}`.padEnd(17));
        furniture.push(`${furn}`.padEnd(17));
      }
    }
    console.log(`  ${`from ${path}`.padEnd(26)}${cells.join("")}`);
    console.log(`  ${"  furniture headlines".padEnd(26)}${furniture.join("")}`);
  }
  for (const path of ["text", "html"] as const) {
    const furn = rows.filter((r) => r.f1[path] < AGREES && isFurnitureHeadline(r.got[path]));
    for (const r of furn) console.log(`  furniture from ${path}: ${JSON.stringify(r.got[path])} (${r.set} ${r.id}; gold ${JSON.stringify(r.gold.slice(0, 60))})`);
    console.log(`  five worst checking-half pages from ${path}:`);
    const worst = rows.filter((r) => r.half === "check").sort((a, b) => a.f1[path] - b.f1[path] || a.id.localeCompare(b.id)).slice(0, 5);
    for (const r of worst) console.log(`    ${r.f1[path].toFixed(2)} ${r.set} ${r.id}: got ${JSON.stringify(r.got[path].slice(0, 70))}, gold ${JSON.stringify(r.gold.slice(0, 70))}`);
  }
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, JSON.stringify(rows, null, 1));
  console.log(`per-page headlines: ${reportPath}`);
}

main();
