// `npx tsx train/try-outlet-topics.ts [model.json]` (mg62, issue 9): the few-outlets draws' (eval:merge) TUNING
// half, look-alike topics only (two events of one topic drawn on one day): each story that holds reports of such
// a topic, as its reports' events and sizes, with each report's stated years and months and its leading names;
// the shape of the wrong joins that try-outlet-errors.ts counts (which groups met which, how large each was).
import { fileURLToPath } from "node:url";
import { contextEdges, defaultClusterOptions, groupArticles, pairEdges, scoredCandidates } from "../src/cluster/index.ts";
import { contextFeatures, windowCrowds } from "../src/cluster/context.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { idsOf } from "../src/cluster/profile.ts";
import { outletDraws } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";
import { mergeModelsFrom, withTrialColumns } from "./lib/merge-sweep.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const models = mergeModelsFrom(process.argv[2]);
const TOPICS = process.env.TOPICS ? new Set(process.env.TOPICS.split(",")) : null;
outletDraws(corpus("events-dev.jsonl")).forEach((items, d) => {
  const tune = items.filter((x) => halfOf(x.splitKey) === "tune");
  const topicEvents = new Map<string, Set<string>>();
  for (const x of tune) {
    const t = x.topic ?? "";
    (topicEvents.get(t) ?? topicEvents.set(t, new Set()).get(t)!).add(x.gold);
  }
  const lookAlike = new Set([...topicEvents].filter(([t, e]) => e.size > 1 && (!TOPICS || TOPICS.has(t))).map(([t]) => t));
  if (lookAlike.size === 0) return;
  const scored = withTrialColumns(scoredCandidates(items.map((x) => x.article), defaultClusterOptions), models.pair.features);
  const edges = pairEdges(scored, models.pair);
  const n = scored.order.length;
  const weighed = contextEdges(n, edges, models.context, contextFeatures(n, edges, windowCrowds(scored.spans.map((s) => dayOrNull(s.first)), defaultClusterOptions.windowDays)));
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  for (const g of groupArticles(scored.spans, weighed, models.decision, defaultClusterOptions.windowDays, scored.profiles)) {
    const mine = g.members.filter((m) => { const x = byPath.get(scored.order[m]!.path)!; return lookAlike.has(x.topic ?? "") && halfOf(x.splitKey) === "tune"; });
    if (mine.length === 0) continue;
    const events = new Map<string, number>();
    for (const m of mine) { const e = byPath.get(scored.order[m]!.path)!.gold; events.set(e, (events.get(e) ?? 0) + 1); }
    console.log(`draw ${d}: story of ${g.members.length}: ${[...events].map(([e, k]) => `${e} x${k}`).join(", ")}${events.size > 1 ? "  MIXED" : ""}`);
    for (const m of mine) {
      const p = scored.profiles[m]!;
      const months = Array.from({ length: 12 }, (_, k) => k).filter((k) => p.months & (1 << k)).map((k) => k + 1);
      console.log(`   ${byPath.get(scored.order[m]!.path)!.gold.padEnd(18)} years ${idsOf(p.years).join("/") || "-"} months ${months.join("/") || "-"} names ${idsOf(p.names).length}  ${scored.order[m]!.title.slice(0, 70)}`);
    }
  }
});
