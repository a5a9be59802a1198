// npx tsx scripts/count-idf-changed-stories.ts DIR [--day YYYY-MM-DD] [--bins 0,0.1,0.2]: how many stories one new
// article changes through the IDF, for each IDF bin width (profile.ts quantisedCounts). Counts, not times. DIR.steps.v8
// as scripts/bench-cluster-steps.ts keeps it; the held-back article is the last in path order (--day: the last of that
// day). An article's print changes when its vectors or keys do (bench-idf-reach.ts); a story changes when it holds
// such an article (the stories of clustering every article at that width with the models in src/cluster).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { clusterArticles, defaultClusterOptions } from "../src/cluster/index.ts";
import { buildProfiles } from "../src/cluster/profile.ts";
import { spanOf } from "../src/cluster/time.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { day: { type: "string" }, bins: { type: "string", default: "0,0.1,0.2" } } });
const file = `${resolve(positionals[0] ?? "")}.steps.v8`;
if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/bench-cluster-steps.ts first`);
const articles = (deserialize(readFileSync(file)) as DatedArticle[]).sort((a, b) => (a.path < b.path ? -1 : 1));
let held = articles.length - 1;
if (values.day) while (held >= 0 && (articles[held]!.evidence.date ?? articles[held]!.evidence.pageDate) !== values.day) held--;
if (held < 0) throw new Error(`no article of ${values.day}`);
const dayOf = (a: DatedArticle) => dayOrNull(spanOf(a.evidence).first);
console.log(`${articles.length} articles; held back ${articles[held]!.path}, day ${dayOf(articles[held]!)}`);

function prints(batch: DatedArticle[], binWidth: number): Map<string, string> {
  const days = batch.map(dayOf);
  const termKeys: string[] = [];
  const out: string[] = [];
  const window = { days, windowDays: defaultClusterOptions.windowDays, minDocuments: defaultClusterOptions.minIdfDocuments ?? 100, binWidth };
  buildProfiles(batch.map((a) => ({ ...a })), defaultClusterOptions.keyTerms, false, undefined, window, { termKeys, prints: out });
  return new Map(batch.map((a, i) => [a.path, `${termKeys[i]} ${out[i]}`]));
}

const without = articles.filter((_, i) => i !== held);
for (const width of values.bins.split(",").map(Number)) {
  const [before, after] = [prints(without, width), prints(articles, width)];
  const changed = new Set(without.filter((a) => before.get(a.path) !== after.get(a.path)).map((a) => a.path));
  const stories = clusterArticles(articles.map((a) => ({ ...a })), { ...defaultClusterOptions, idfBinWidth: width });
  const touched = stories.filter((s) => s.members.some((m) => changed.has(m.path)));
  const newPath = articles[held]!.path;
  const own = touched.filter((s) => s.members.some((m) => m.path === newPath)).length;
  const members = touched.reduce((n, s) => n + s.members.length, 0);
  console.log(`bin width ${width}: ${changed.size} of ${without.length} articles' prints changed; ${touched.length} of ${stories.length} stories hold one (${members} articles; ${own} of them also holds the new one)`);
}
