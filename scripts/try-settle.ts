// npx tsx scripts/try-settle.ts DIR [--from YYYY-MM-DD --to YYYY-MM-DD]: is a build's clustering a fixed point
// of its own state? The articles of DIR (DIR.dated.v8 as bench:cluster leaves it) are clustered as a build
// without state does, their lasting ids assigned, and clustered again from that state (a re-run of the same
// articles, or the next build before its new articles are looked at). Prints the stories the re-run no
// longer publishes. A trial, no product change.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { assignStoryIds, clusterArticles, defaultClusterOptions, publishedStories } from "../src/cluster/index.ts";
import type { DatedArticle, StoryCluster } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { from: { type: "string" }, to: { type: "string" } } });
const all = deserialize(readFileSync(`${resolve(positionals[0]!)}.dated.v8`)) as DatedArticle[];
const day = (a: DatedArticle) => a.evidence.date ?? "";
const articles = all.filter((a) => (!values.from || day(a) >= values.from) && (!values.to || day(a) <= values.to));
const sets = (cs: readonly StoryCluster[]) => new Set(cs.map((c) => c.members.map((m) => m.path).sort().join(",")));
const first = clusterArticles(articles, defaultClusterOptions);
const { state } = assignStoryIds(first, null);
const again = clusterArticles(articles, { ...defaultClusterOptions, published: publishedStories(state) });
const [a, b] = [sets(first), sets(again)];
const gone = [...a].filter((s) => !b.has(s));
console.log(`${articles.length} articles, ${a.size} stories; a re-run from the build's own state: ${gone.length} stories no longer published, ${[...b].filter((s) => !a.has(s)).length} new`);
for (const s of gone.slice(0, 10)) console.log(`  gone: ${s.split(",").length} articles ${s.slice(0, 80)}`);
