// mg82 (issue 9): a group-level decision on top of averageLink's mean-link bar. Two groups whose cross mean is under
// the bar that applies to them may still join when a logistic model of the two groups as they stand says most of
// their cross pairs report one event. Its features never name a site or an article: the groups' sizes, their cross
// mean (missing pairs 0), their strongest cross link, the share of cross pairs that are candidates, and the days
// between their stated spans. A trial (train/, off the shipped path): learned by train/train-group-decision.ts.
import { averageLink, type AgglomerateOptions, type WeightedEdges } from "../../src/cluster/agglomerate.ts";
import type { TimeSpan } from "../../src/cluster/time.ts";
import { joinSpans } from "../../src/cluster/time.ts";
import { dayOrNull } from "../../src/cluster/days.ts";
import { probability, type LogisticModel } from "../../src/model/logistic.ts";

export const GROUP_FEATURES = ["smallerSize", "largerSize", "mean", "max", "candidateShare", "daysApart"] as const;

/** The days between two spans' stated days (0 when they overlap or either states none), capped at 7. */
function daysApart(a: TimeSpan, b: TimeSpan): number {
  const [af, al, bf, bl] = [dayOrNull(a.first), dayOrNull(a.last), dayOrNull(b.first), dayOrNull(b.last)];
  if (af === null || al === null || bf === null || bl === null) return 0;
  return Math.min(7, Math.max(0, bf - al, af - bl));
}

/** The two groups' cross links: how many of their pairs are candidates, the mean over all pairs (a missing one as 0), the strongest. */
export function crossLinks(near: ReadonlyArray<Map<number, number>>, a: readonly number[], b: readonly number[]): { mean: number; max: number; edges: number; share: number } {
  let [sum, max, edges] = [0, 0, 0];
  for (const i of a) for (const j of b) {
    const w = near[i]!.get(j);
    if (w === undefined) continue;
    edges++;
    sum += w;
    if (w > max) max = w;
  }
  const pairs = a.length * b.length;
  return { mean: sum / pairs, max, edges, share: edges / pairs };
}

/** The two groups' features as GROUP_FEATURES names them. */
export function groupFeatures(near: ReadonlyArray<Map<number, number>>, a: readonly number[], b: readonly number[], sa: TimeSpan, sb: TimeSpan): number[] {
  const { mean, max, share } = crossLinks(near, a, b);
  return [Math.log(Math.min(a.length, b.length)), Math.log(Math.max(a.length, b.length)), mean, max, share, daysApart(sa, sb)];
}

/** What the trial sees of a set while it groups: each article's links and its span. */
export interface GroupView {
  near: ReadonlyArray<Map<number, number>>;
  spans: readonly TimeSpan[];
}

/**
 * averageLink where a pair of groups under its bar (and over the lowest bar, the only pairs averageLink asks about) is
 * handed to `under` with the groups as they stand; `admit` true lowers that pair's bar to its mean, so it joins
 * when its turn comes (the decision's checks still asked). `model` absent: `under` is told and nothing is admitted.
 */
export function groupDecisionAgglomerate(view: GroupView, under: (a: readonly number[], b: readonly number[], features: number[]) => void, model?: LogisticModel, at = 0.5) {
  return (n: number, edges: WeightedEdges, o: AgglomerateOptions): Int32Array => {
    const members = Array.from({ length: n }, (_, i) => [i]);
    const span = [...view.spans];
    const bar = o.bar ?? (() => o.threshold);
    return averageLink(n, edges, {
      ...o,
      bar: (x, y) => {
        const b = bar(x, y);
        const f = groupFeatures(view.near, members[x]!, members[y]!, span[x]!, span[y]!);
        if (f[2]! >= b) return b;
        under(members[x]!, members[y]!, f);
        return model && probability(model, f) >= at ? Math.min(b, f[2]!) : b;
      },
      joined: (keep, gone) => {
        o.joined(keep, gone);
        members[keep] = members[keep]!.concat(members[gone]!);
        members[gone] = [];
        span[keep] = joinSpans(span[keep]!, span[gone]!);
      },
    });
  };
}
