// npx tsx scripts/bench-dates.ts [--bench DIR] [--passes 5]: the date stage alone on one core, in this
// process's CPU time (median of the passes after a warm-up): articles a second for each group of inputs
// (dates-dev HTML, dates-dev text dumps, the bench's text files), every input cleaned beforehand and not
// timed. Also times the rest of the pipeline's per-article "date" step (clustering's articleTerms), which
// the build's timings count under dating.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { dateArticles } from "../src/date/index.ts";
import { articleTerms } from "../src/cluster/index.ts";
import type { CleanArticle } from "../src/types.ts";
import { cpuPasses } from "../eval/lib/clean-speed.ts";
import { dateInputs } from "./dates-inputs.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { bench: { type: "string" }, passes: { type: "string", default: "5" }, corpus: { type: "string", default: resolve(root, "../shared/corpus") }, terms: { type: "boolean", default: false } } });
const passes = Number(values.passes);
const inputs = dateInputs(values.corpus, values.bench ?? null);

const groups = new Map<string, CleanArticle[]>();
for (const i of inputs) if (i.article) groups.set(i.group, [...(groups.get(i.group) ?? []), i.article]);

const median = (us: number[]) => us[us.length >> 1]!;
for (const [group, articles] of groups) {
  const us = cpuPasses(() => {
    for (const a of articles) dateArticles([a], { zone: "UTC" });
  }, passes);
  console.log(`${group.padEnd(11)} ${String(articles.length).padStart(6)} articles   date: ${Math.round(articles.length / (median(us) / 1e6)).toString().padStart(7)} articles/s  (${((1000 * median(us)) / 1e6 / articles.length).toFixed(4)} ms each; passes ${us.map((u) => (u / 1e6).toFixed(3)).join(" ")} s)`);
  if (values.terms) {
    const t = cpuPasses(() => {
      for (const a of articles) articleTerms(a.title, a.paragraphs);
    }, passes);
    console.log(`${"".padEnd(11)} ${"".padStart(6)}            articleTerms: ${Math.round(articles.length / (median(t) / 1e6)).toString().padStart(7)} articles/s`);
  }
}
