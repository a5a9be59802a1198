// `npx tsx train/try-follow-up-links.ts [--half tune] [--seed 50] [--show 30] [--model off]`: the follow-up links of a
// soak stream's last build (scripts/soak-stability.ts plan: 40 days), each with the two stories'
// headlines and whether they share an events-dev topic, to read what the links between "unrelated"
// stories are. A look, not a test.
import { clusterArticles, defaultClusterOptions, type ClusterOptions } from "../src/cluster/index.ts";
import type { FollowUpOptions } from "../src/cluster/followups.ts";
import { plan } from "../scripts/soak-stability.ts";
import { option } from "../scripts/lib/soak.ts";
import type { Half } from "../eval/lib/split.ts";

const args = process.argv.slice(2);
const planned = plan(option(args, "half", "tune") as Half, 40, Number(option(args, "seed", "50")));
// --model off: the centroid cosine alone decides (as before stop 51).
const options: ClusterOptions & FollowUpOptions = { ...defaultClusterOptions, ...(option(args, "model", "on") === "off" ? { followUpModel: null } : {}) };
const clusters = clusterArticles(planned.map((p) => p.article), options);
const byId = new Map(clusters.map((c) => [c.id, c]));
const topicOf = (path: string) => /^events\/ecbplus-(\d+)-/.exec(path)?.[1] ?? path;
let shown = 0;
const show = Number(option(args, "show", "30"));
for (const c of clusters) {
  if (!c.followUpOf) continue;
  const e = byId.get(c.followUpOf)!;
  const related = c.members.some((m) => e.members.some((n) => topicOf(m.path) === topicOf(n.path)));
  if (shown++ < show) console.log(`${related ? "topic" : "other"}  ${e.members[0]!.evidence.date} ${e.members[0]!.title.slice(0, 60)}  ->  ${c.members[0]!.evidence.date} ${c.members[0]!.title.slice(0, 60)}`);
}
