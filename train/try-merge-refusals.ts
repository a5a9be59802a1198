// `npx tsx train/try-merge-refusals.ts [model.json]` (mg66, stop 66): what the decision's checks refuse and where the
// refused groups end up, TUNING halves only (HALF=check for the other half, read after the pick). Each refusal by
// the protagonist or small-group check (not the date window) is counted by the gold events of the two groups'
// tuning reports: "apart" (no cross pair of one event: a right refusal), "one event" (every cross pair one event:
// a wrong refusal), "mixed"; and by whether the two groups end in one story anyway (the refusal did not stick).
// SMALL=... sets the small-group check (below); SHOW=1 lists the refused pairs that end together, SHOW=all every one.
// A sticking refusal gains the right refusals that end together and costs the wrong ones that end together.
import { averageLink, type AgglomerateOptions, type WeightedEdges } from "../src/cluster/agglomerate.ts";
import { defaultClusterOptions, groupArticles } from "../src/cluster/index.ts";
import { fitsWindow, joinSpans } from "../src/cluster/time.ts";
import { outletDraws } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";
import { fileURLToPath } from "node:url";
import { scoredCandidates } from "../src/cluster/index.ts";
import { loadSweepSets, mergeModelsFrom, weighSets, type SweepSet } from "./lib/merge-sweep.ts";

const half = process.env.HALF === "check" ? "check" : "tune";
const models = mergeModelsFrom(process.argv[2]);
// SMALL=times,maxGroup,core,share: the small-group check set so (protagonists.ts SmallGroupOptions), to census a stricter one.
if (process.env.SMALL) {
  const [times, maxGroup, core, share] = process.env.SMALL.split(",");
  models.decision = { ...models.decision, small: { minGroup: 2, maxGroup: Number(maxGroup), core: Number(core), absent: 0, missingShare: Number(share), times: times === "1" } };
}
const sets = loadSweepSets();
const corpus = fileURLToPath(new URL("../../shared/corpus/events-dev.jsonl", import.meta.url));
const draws: SweepSet[] = outletDraws(corpus).map((items, d) => {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  return { name: `draw${d}`, scored, n: scored.order.length, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
});
const all = [...sets, ...draws];
const weighed = [...weighSets(sets, models), ...weighSets(draws, models)];

type Kind = "apart" | "one event" | "mixed";
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

all.forEach((s, i) => {
  const parent = Int32Array.from({ length: s.n }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const members: number[][] = Array.from({ length: s.n }, (_, k) => [k]);
  const span = [...s.scored.spans];
  const refusals: Array<{ x: number[]; y: number[]; kind: Kind; small: boolean; link: number }> = [];
  const links: Array<Map<number, number>> = Array.from({ length: s.n }, () => new Map());
  const e = weighed[i]!;
  for (let k = 0; k < e.length; k++) {
    links[e.a[k]!]!.set(e.b[k]!, e.weight[k]!);
    links[e.b[k]!]!.set(e.a[k]!, e.weight[k]!);
  }
  const spy = (n: number, edges: WeightedEdges, o: AgglomerateOptions) =>
    averageLink(n, edges, {
      ...o,
      canJoin: (x, y) => {
        const ok = o.canJoin(x, y);
        if (!ok && fitsWindow(span[x]!, span[y]!, defaultClusterOptions.windowDays)) {
          const [mx, my] = [members[x]!.filter((m) => s.half[m] === half), members[y]!.filter((m) => s.half[m] === half)];
          if (mx.length && my.length) {
            let same = 0;
            for (const a of mx) for (const b of my) if (s.gold[a] === s.gold[b]) same++;
            const kind: Kind = same === 0 ? "apart" : same === mx.length * my.length ? "one event" : "mixed";
            let sum = 0;
            const inY = new Set(members[y]!);
            for (const a of members[x]!) for (const [b, w] of links[a]!) if (inY.has(b)) sum += w;
            refusals.push({ x: [...members[x]!], y: [...members[y]!], kind, small: members[x]!.length <= 3 && members[y]!.length <= 3, link: sum / (members[x]!.length * members[y]!.length) });
          }
        }
        return ok;
      },
      joined: (keep, gone) => {
        o.joined(keep, gone);
        parent[gone] = keep;
        members[keep]!.push(...members[gone]!);
        members[gone] = [];
        span[keep] = joinSpans(span[keep]!, span[gone]!);
      },
    });
  groupArticles(s.scored.spans, weighed[i]!, models.decision, defaultClusterOptions.windowDays, s.scored.profiles, spy);
  const set = s.name.startsWith("draw") ? (Number(s.name.slice(4)) % 2 ? "both-event draws" : "other draws") : s.name;
  // The same two groups are often refused again as they grow: each distinct (first member, first member) pair once.
  const seen = new Set<string>();
  for (const r of refusals) {
    const key = `${r.x[0]},${r.y[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const together = find(r.x[0]!) === find(r.y[0]!);
    count(`${set} | ${r.small ? "small (both <= 3)" : "larger"} | ${r.kind} | ${together ? "end together" : "stay apart"}`);
    count(`${set} | ${r.kind} | ${together ? "end together" : "stay apart"} | mean link ${r.link < 0.5 ? "< 0.5" : r.link < 0.6 ? "0.5-0.6" : r.link < 0.7 ? "0.6-0.7" : ">= 0.7"}`);
    if (process.env.SHOW && (together || process.env.SHOW === "all")) {
      const story = members[find(r.x[0]!)]!.filter((m) => s.half[m] === half).map((m) => s.gold[m]!);
      const events = [...new Set(story)].sort().map((e) => `${e}x${story.filter((g) => g === e).length}`);
      console.log(`${s.name}: link ${r.link.toFixed(3)} refused ${r.x.map((m) => s.gold[m]).join(",")} | ${r.y.map((m) => s.gold[m]).join(",")}; their story: ${events.join(" + ")}`);
    }
  }
});
console.log(`${half} half: refusals by the checks (distinct pairs of groups), by gold events and where they end`);
for (const [k, n] of [...tally].sort()) console.log(`${String(n).padStart(5)}  ${k}`);
