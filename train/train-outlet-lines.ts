// `npx tsx train/train-outlet-lines.ts [--report]`: learns src/clean/source-lines-model.json, whether a text
// dump's short furniture line that spells the page's host is the site's name (src/clean/source-lines.ts).
// Silver labels, tuning half only: every dev dump with a URL whose saved HTML gives an og:site_name or JSON-LD
// publisher naming the host; a candidate line is the name when it reads as that name (letters and digits
// equal, an address's ending aside) or as its first words covering the host ("pv magazine" of "pv magazine
// International"). No hand label, no site named. The threshold is chosen on the same pages by what a reader
// is shown: of the pages no stronger line names, a right name counts 1, a wrong one -3 (worse than the address).
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hostNameOfText } from "../src/clean/source.ts";
import { OUTLET_LINE_FEATURES, outletLineCandidates } from "../src/clean/source-lines.ts";
import { probability, type LogisticModel } from "../src/model/logistic.ts";
import type { Half } from "../eval/lib/split.ts";
import { outletDumps } from "./lib/outlet-dumps.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { silverMatches } from "../eval/lib/outlet-silver.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(root, "src/clean/source-lines-model.json");
/** A wrong name shown costs this many right ones: it misleads, where the address only says less. */
const WRONG_COST = 3;
/** L2 penalty on the standardised weights: chosen by `--cv` (five folds of the tuning half by host). */
const L2 = 0.25;

interface Candidate { text: string; x: number[]; y: 0 | 1 }
interface PageItem { id: string; half: Half; host: string; silver: string; stronger: boolean; candidates: Candidate[] }

export function outletLinePages(halves: readonly Half[]): PageItem[] {
  const out: PageItem[] = [];
  for (const dump of outletDumps(halves)) {
    const silver = dump.silver();
    if (!silver) continue;
    const cleaned = dump.cleaned();
    if (!cleaned) continue;
    const { lines, body } = cleaned;
    const candidates = outletLineCandidates(lines, body, dump.host).map((c) => ({ text: c.text, x: c.features, y: silverMatches(c.text, silver, dump.host) ? 1 : 0 }) as Candidate);
    out.push({ id: dump.id, half: dump.half, host: dump.host, silver, stronger: hostNameOfText(lines, body, dump.host) !== null, candidates });
  }
  return out;
}

/** The logistic model on these pages' lines, its threshold the best right - WRONG_COST x wrong on their open dumps. */
export function fitOutletLines(pages: readonly PageItem[], l2: number): { model: LogisticModel; right: number; wrong: number; open: number } {
  const examples: Example[] = pages.flatMap((p) => p.candidates.map((c) => ({ x: c.x, y: c.y, weight: 1 / Math.sqrt(p.candidates.length) })));
  const model = trainLogistic(examples, { name: "clean/outlet-line", features: [...OUTLET_LINE_FEATURES], l2 });
  const open = pages.filter((p) => !p.stronger && p.candidates.length);
  const best = open.map((p) => pick(model, p));
  let choice = { t: 1, score: 0 };
  for (const t of [...new Set(best.map((b) => b.p))].sort((a, b) => b - a)) {
    const shown = best.filter((b) => b.p >= t);
    const score = shown.filter((b) => b.right).length - WRONG_COST * shown.filter((b) => !b.right).length;
    if (score > choice.score) choice = { t, score };
  }
  const lower = Math.max(-1, ...best.map((b) => b.p).filter((p) => p < choice.t));
  model.threshold = Number((lower < 0 ? choice.t : (choice.t + lower) / 2).toPrecision(8));
  const shown = best.filter((b) => b.p >= model.threshold);
  return { model, right: shown.filter((b) => b.right).length, wrong: shown.filter((b) => !b.right).length, open: open.length };
}

/** The page's most probable line and whether it is the silver name. */
function pick(model: LogisticModel, page: PageItem): { p: number; right: boolean } {
  let top: Candidate | null = null;
  let topP = -1;
  for (const c of page.candidates) {
    const pr = probability(model, c.x);
    if (pr > topP) [top, topP] = [c, pr];
  }
  return { p: topP, right: top!.y === 1 };
}

const main = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (main && process.argv.includes("--cv")) {
  // Five folds of the tuning half by host (a page the dates set repeats stays with its copy): each fold's open
  // dumps read with a model fitted on the other four, its threshold theirs.
  const pages = outletLinePages(["tune"]);
  const fold = (p: PageItem) => createHash("sha256").update(p.host).digest()[0]! % 5;
  for (const l2 of [0.25, 1, 4, 16, 64]) {
    let right = 0;
    let wrong = 0;
    for (let k = 0; k < 5; k++) {
      const { model } = fitOutletLines(pages.filter((p) => fold(p) !== k), l2);
      for (const p of pages.filter((q) => fold(q) === k && !q.stronger && q.candidates.length)) {
        const b = pick(model, p);
        if (b.p >= model.threshold) b.right ? right++ : wrong++;
      }
    }
    console.log(`l2 ${l2}: held-out fold dumps shown right ${right}, wrong ${wrong}`);
  }
} else if (main) {
  const pages = outletLinePages(["tune"]);
  const { model, right, wrong, open } = fitOutletLines(pages, L2);
  const lines = pages.reduce((n, p) => n + p.candidates.length, 0);
  const positives = pages.reduce((n, p) => n + p.candidates.filter((c) => c.y === 1).length, 0);
  model.trainedOn = `tuning half of extraction-, webpages- and dates-dev: ${lines} short lines spelling the host (${positives} the og:site_name or publisher) on ${pages.length} dumps; l2 ${L2}, lines weighed 1/sqrt(a page's candidates); threshold: right - ${WRONG_COST} x wrong on the ${open} dumps no stronger line names`;
  writeFileSync(OUT, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`train-outlet-lines: ${lines} lines (${positives} names) on ${pages.length} dumps; ${open} open dumps: ${right} right, ${wrong} wrong at threshold ${model.threshold}`);
  if (process.argv.includes("--report")) for (const [i, f] of model.features.entries()) console.log(`  ${f.padEnd(16)} ${model.weights[i]}`);
}
