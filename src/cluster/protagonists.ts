// Who each growing story is about. Two groups that each have a name nearly all their reports give
// (a fighter, a minister, a company) which nearly none of the other group's reports mention are reports
// of two different events, however alike their words: the group-level evidence a pair cannot see.
// GroupCore is the same check over any items of a report (train/try-group-checks.ts tries stated times).
import { idsOf, type Profile } from "./profile.ts";

export interface ProtagonistOptions {
  /** Groups smaller than this have no reliable protagonists. */
  minGroup: number;
  /** A name in at least this share of a group's reports is one of its protagonists. */
  core: number;
  /** A protagonist mentioned by at most this share of the other group's reports is missing there. */
  absent: number;
  /**
   * The share of a group's protagonists that must be missing in the other group (0 or absent: one is
   * enough). Coverage of one event told at two stages (a trial opens, a verdict) shares most protagonists
   * and misses a few; two look-alike events share only the topic's.
   */
  missingShare?: number;
}

/** What a group's reports agree on (a group's core items), and when two groups' cores contradict. */
export class GroupCore {
  /** Each group's item counts; made when first needed (most articles never join a group that asks). */
  private readonly counts: Array<Map<number, number> | null>;
  /** How many of each group's reports count (see `counted`). */
  private readonly size: Int32Array;
  /** Each group's core items, worked out when first asked for since the group last grew. */
  private readonly core: Array<number[] | null>;

  /**
   * `itemsOf`: one report's distinct items. `counted`: whether a report counts towards its group's size
   * (the shares are of the reports that count).
   */
  constructor(
    private readonly profiles: readonly Profile[],
    private readonly options: ProtagonistOptions,
    private readonly itemsOf: (p: Profile) => ArrayLike<number>,
    counted: (p: Profile) => boolean,
  ) {
    this.counts = new Array<Map<number, number> | null>(profiles.length).fill(null);
    this.size = Int32Array.from(profiles, (p) => (counted(p) ? 1 : 0));
    this.core = profiles.map(() => null);
  }

  join(keep: number, gone: number): void {
    // The smaller count map is added into the larger, whichever group keeps the result.
    let [into, from] = [this.countsOf(keep), this.countsOf(gone)];
    if (from.size > into.size) [into, from] = [from, into];
    for (const [id, n] of from) into.set(id, (into.get(id) ?? 0) + n);
    this.counts[keep] = into;
    this.counts[gone] = new Map();
    this.size[keep]! += this.size[gone]!;
    this.size[gone] = 0;
    this.core[keep] = null;
    this.core[gone] = null;
  }

  private countsOf(x: number): Map<number, number> {
    let counts = this.counts[x];
    if (!counts) {
      counts = new Map();
      const items = this.itemsOf(this.profiles[x]!);
      for (let k = 0; k < items.length; k++) counts.set(items[k]!, 1);
      this.counts[x] = counts;
    }
    return counts;
  }

  /** Whether each group has a core item the other group's reports (almost) never give. */
  contradict(x: number, y: number): boolean {
    return this.missingIn(x, y) && this.missingIn(y, x);
  }

  private missingIn(from: number, other: number): boolean {
    const [n, m] = [this.size[from]!, this.size[other]!];
    if (n < this.options.minGroup || m < this.options.minGroup) return false;
    const there = this.countsOf(other);
    const core = this.protagonists(from);
    let missing = 0;
    for (const id of core) if ((there.get(id) ?? 0) <= this.options.absent * m) missing++;
    return missing > 0 && missing >= (this.options.missingShare ?? 0) * core.length;
  }

  private protagonists(x: number): number[] {
    let core = this.core[x];
    if (!core) {
      const least = this.options.core * this.size[x]!;
      core = [];
      for (const [id, count] of this.countsOf(x)) if (count >= least) core.push(id);
      this.core[x] = core;
    }
    return core;
  }
}

/**
 * The check between two small groups (neither past `maxGroup` reports): a few outlets' reports of two
 * look-alike events on one day (two title defences, two patches), each group's core names (with `times`,
 * also the stated days of a month, years, months and lead weekdays) that the other's reports never give.
 */
export interface SmallGroupOptions extends ProtagonistOptions {
  /** The check parts two groups only when neither holds more reports than this. */
  maxGroup: number;
  /** Stated times count as core items beside the names. */
  times: boolean;
}

/** A report's stated times as items apart from its name ids (negative, by kind). */
function timeItems(p: Profile): number[] {
  const items: number[] = [];
  for (const d of idsOf(p.days)) items.push(-1e6 - d);
  for (const y of idsOf(p.years)) items.push(-2e6 - y);
  for (let m = 0; m < 12; m++) if (p.months & (1 << m)) items.push(-3e6 - m);
  for (let w = 0; w < 7; w++) if (p.weekdays & (1 << w)) items.push(-4e6 - w);
  return items;
}

/** Each small group's core: the names (and with `times` the stated times) its reports give. */
export class SmallGroupCore extends GroupCore {
  constructor(profiles: readonly Profile[], options: SmallGroupOptions) {
    super(profiles, options, options.times ? (p) => [...idsOf(p.names), ...timeItems(p)] : (p) => idsOf(p.names), () => true);
  }
}

/** Each group's protagonists: the names most of its reports give. */
export class Protagonists extends GroupCore {
  constructor(profiles: readonly Profile[], options: ProtagonistOptions) {
    super(profiles, options, (p) => idsOf(p.names), () => true);
  }
}
