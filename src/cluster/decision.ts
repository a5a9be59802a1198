// Which groups of articles become one story: average-link agglomeration on the same-event probabilities,
// within the date window, with two bars. Two small groups (a report and its copies, two outlets' reports)
// join only on a mean link of `threshold`, since their pair evidence is all there is; a report or group
// joins an established story (at least `established` reports) on the lower mean `storyThreshold`, an
// average over many reports; two established stories join only on `storiesThreshold`. Two groups that are each about someone the other's reports never name are
// never joined, when enough of each group's protagonists are missing in the other (protagonists.ts); between two small groups
// the same check may ask what every report of each gives (`small`). All settings are searched on the tuning halves (train/train-merge.ts).
import { averageLink, type AgglomerateOptions, type WeightedEdges } from "./agglomerate.ts";
import { Protagonists, SmallGroupCore, type GroupCore, type ProtagonistOptions, type SmallGroupOptions } from "./protagonists.ts";
import { LookAlikeCheck, type LookAlikeOptions } from "./look-alike.ts";
import type { Profile } from "./profile.ts";
import { fitsWindow, joinSpans, type TimeSpan } from "./time.ts";

export interface MergeDecision {
  /** Mean same-event probability two groups need when neither is an established story. */
  threshold: number;
  /** Mean same-event probability a group needs to join an established story. */
  storyThreshold: number;
  /**
   * Mean same-event probability two established stories need to become one (at least `storyThreshold`):
   * two running stories' coverage is linked by many topic-level pairs, so their mean must say more.
   */
  storiesThreshold: number;
  /** How many reports make a story established (0: never, so `threshold` always applies). */
  established: number;
  /** When two groups' protagonists contradict; minGroup 0 turns the check off. */
  protagonists: ProtagonistOptions;
  /** The same check between two small groups, on what every report of each gives (absent: no check). */
  small?: SmallGroupOptions;
  /** Two small groups of look-alike events with nowhere else to go are not joined (look-alike.ts; absent: no check). */
  lookAlike?: LookAlikeOptions;
}

/** The mean link at which groupArticles' agglomeration starts to join groups: the lower of its bars. */
export function groupingThreshold(decision: MergeDecision): number {
  return decision.established > 0 ? Math.min(decision.threshold, decision.storyThreshold) : decision.threshold;
}

export function loadDecision(json: unknown): MergeDecision {
  const d = json as Partial<MergeDecision> | undefined;
  const p = d?.protagonists;
  const numbers = (...xs: unknown[]) => xs.every((x) => typeof x === "number" && Number.isFinite(x));
  const q = d?.small;
  const smallOk = !q || (numbers(q.minGroup, q.maxGroup, q.core, q.absent, q.missingShare ?? 0) && typeof q.times === "boolean");
  const l = d?.lookAlike;
  const lookOk = !l || numbers(l.maxGroup, l.core, l.ratio);
  if (!d || !p || !smallOk || !lookOk || !numbers(d.threshold, d.storyThreshold, d.storiesThreshold, d.established, p.minGroup, p.core, p.absent, p.missingShare ?? 0)) {
    throw new Error("model cluster/merge-model.json: the merge decision settings are damaged; retrain with npm run train:merge");
  }
  return d as MergeDecision;
}

/**
 * Average-link groups (member indices ascending, groups in order of their first member) and their spans.
 * `agglomerate`: averageLink, or one that gives the same roots (agglomerate-replay.ts: it calls `joined`
 * only for the groups it asks about, so a group's span is taken from its members here).
 */
export function groupArticles(spans: readonly TimeSpan[], edges: WeightedEdges, decision: MergeDecision, windowDays: number, profiles: readonly Profile[], agglomerate: (n: number, edges: WeightedEdges, options: AgglomerateOptions) => Int32Array = averageLink): Array<{ members: number[]; span: TimeSpan }> {
  const groupSpan = [...spans];
  const size = new Int32Array(spans.length).fill(1);
  const who = decision.protagonists.minGroup > 0 ? new ProtagonistsWhenAsked(new Protagonists(profiles, decision.protagonists), decision.protagonists.minGroup, spans.length) : null;
  const q = decision.small;
  const few = q && q.minGroup > 0 ? new ProtagonistsWhenAsked(new SmallGroupCore(profiles, q), q.minGroup, spans.length, q.maxGroup) : null;
  const look = decision.lookAlike ? new LookAlikeCheck(spans.length, edges, profiles, decision.lookAlike, groupingThreshold(decision)) : null;
  const established = (x: number) => decision.established > 0 && size[x]! >= decision.established;
  const stories = Math.max(decision.storyThreshold, decision.storiesThreshold);
  const bar = (x: number, y: number) => {
    const ex = established(x);
    const ey = established(y);
    return ex && ey ? stories : ex || ey ? decision.storyThreshold : decision.threshold;
  };
  const root = agglomerate(spans.length, edges, {
    threshold: groupingThreshold(decision),
    bar,
    missing: 0,
    canJoin: (x, y) => fitsWindow(groupSpan[x]!, groupSpan[y]!, windowDays) && !who?.contradict(x, y, size) && !few?.contradict(x, y, size) && !look?.parts(x, y),
    joined: (keep, gone) => {
      groupSpan[keep] = joinSpans(groupSpan[keep]!, groupSpan[gone]!);
      size[keep]! += size[gone]!;
      who?.join(keep, gone);
      few?.join(keep, gone);
      look?.join(keep, gone);
    },
  });
  const membersOf = new Map<number, number[]>();
  for (let i = 0; i < spans.length; i++) {
    const r = root[i]!;
    const list = membersOf.get(r);
    if (list) list.push(i);
    else membersOf.set(r, [i]);
  }
  return [...membersOf.values()].map((members) => ({ members, span: members.reduce((span, i) => joinSpans(span, spans[i]!), spans[members[0]!]!) }));
}

/**
 * The protagonist check with its name counts joined only when asked: two groups are compared only when
 * both hold at least `minGroup` reports (below it Protagonists never contradicts) and at most `maxGroup`,
 * so the merges into a group are told to Protagonists when it is first compared after them. Most merges are a report joining
 * a story, never compared; the counts are sums, so the order they are joined in does not matter.
 */
class ProtagonistsWhenAsked {
  /** The groups merged into each group and not yet told (a linked list of gone roots, each with its own). */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;

  constructor(
    private readonly who: GroupCore,
    private readonly minGroup: number,
    n: number,
    private readonly maxGroup = Infinity,
  ) {
    this.head = new Int32Array(n).fill(-1);
    this.tail = new Int32Array(n).fill(-1);
    this.next = new Int32Array(n).fill(-1);
  }

  join(keep: number, gone: number): void {
    if (this.tail[keep]! >= 0) this.next[this.tail[keep]!] = gone;
    else this.head[keep] = gone;
    this.tail[keep] = gone;
  }

  /** Protagonists.contradict, `size` the groups' report counts as they stand. */
  contradict(x: number, y: number, size: Int32Array): boolean {
    if (size[x]! < this.minGroup || size[y]! < this.minGroup || size[x]! > this.maxGroup || size[y]! > this.maxGroup) return false;
    this.tell(x);
    this.tell(y);
    return this.who.contradict(x, y);
  }

  /** Tells Protagonists every merge below x: each gone group's own merges before its merge into its keeper. */
  private tell(x: number): void {
    if (this.head[x]! < 0) return;
    const joins: number[] = [];
    const stack = [x];
    while (stack.length > 0) {
      const keep = stack.pop()!;
      for (let g = this.head[keep]!; g >= 0; g = this.next[g]!) {
        joins.push(keep, g);
        stack.push(g);
      }
      this.head[keep] = this.tail[keep] = -1;
    }
    // In reverse: a gone group's merges (found after its own) are told before it joins its keeper.
    for (let k = joins.length - 2; k >= 0; k -= 2) this.who.join(joins[k]!, joins[k + 1]!);
  }
}
