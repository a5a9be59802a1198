// npx tsx scripts/bench-idf-reach.ts DIR [--day YYYY-MM-DD] [--bins 0,0.1,0.2] [--stories]: how far one new
// article reaches into the other articles' vectors (profile.ts), for each IDF bin width. Builds the profiles of
// DIR.steps.v8's articles (scripts/bench-cluster-steps.ts) without the held-back article (the last in path
// order, or with --day the last of that day) and with it, and counts the articles whose vectors changed
// (their profile print) and the days they lie on. --stories: also the stories that hold such an article (all
// the articles clustered at that width with the models in src/cluster). Counts, not times.
import { parseArgs } from "node:util";
import { clusterArticles, defaultClusterOptions } from "../src/cluster/index.ts";
import { buildProfiles } from "../src/cluster/profile.ts";
import { spanOf } from "../src/cluster/time.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import type { DatedArticle } from "../src/types.ts";
import { heldIndex, stepsArticles } from "./steps-batch.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { day: { type: "string" }, bins: { type: "string", default: "0,0.1,0.2,0.35,0.5" }, stories: { type: "boolean", default: false } } });
const articles = stepsArticles(positionals[0] ?? "");
const held = heldIndex(articles, values.day);
const dayOf = (a: DatedArticle) => dayOrNull(spanOf(a.evidence).first);
console.log(`${articles.length} articles; held back ${articles[held]!.path}, day ${dayOf(articles[held]!)}`);

function prints(batch: DatedArticle[], binWidth: number): Map<string, string> {
  const days = batch.map(dayOf);
  const termKeys: string[] = [];
  const out: string[] = [];
  buildProfiles(batch.map((a) => ({ ...a })), defaultClusterOptions.keyTerms, false, undefined, { days, windowDays: defaultClusterOptions.windowDays, minDocuments: 100, binWidth }, { termKeys, prints: out });
  return new Map(batch.map((a, i) => [a.path, `${termKeys[i]} ${out[i]}`]));
}

const without = articles.filter((_, i) => i !== held);
for (const width of values.bins.split(",").map(Number)) {
  const [before, after] = [prints(without, width), prints(articles, width)];
  const changed = without.filter((a) => before.get(a.path) !== after.get(a.path));
  const days = new Map<number | null, number>();
  for (const a of changed) days.set(dayOf(a), (days.get(dayOf(a)) ?? 0) + 1);
  const perDay = [...days].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0)).map(([d, c]) => `${d}:${c}`).join(" ");
  console.log(`bin width ${width}: ${changed.length} of ${without.length} articles' vectors changed, on ${days.size} days (${perDay})`);
  if (values.stories) {
    const moved = new Set(changed.map((a) => a.path));
    const stories = clusterArticles(articles.map((a) => ({ ...a })), { ...defaultClusterOptions, idfBinWidth: width });
    const touched = stories.filter((s) => s.members.some((m) => moved.has(m.path)));
    const own = touched.filter((s) => s.members.some((m) => m.path === articles[held]!.path)).length;
    const members = touched.reduce((n, s) => n + s.members.length, 0);
    console.log(`  ${touched.length} of ${stories.length} stories hold one (${members} articles; ${own} of them also holds the new one)`);
  }
}
