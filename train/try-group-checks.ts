// `npx tsx train/try-group-checks.ts [times|onesided|gate|stage]`: group-level checks added to the committed
// decision (ev32, issue 9), each setting of a grid with the committed pair and context models: every set's
// and half's pairwise F1 and the mean tuning F1, the best tuning mean last. Reading the landscape only;
// a check would be chosen by train:merge on the tuning halves.
// - times: a story's reports agree on when it happened, so two groups whose reports each agree on a time
//   (TIMES=dwy: days of a month, weekdays of the lead, years) that the other group's reports never state
//   would be two events: protagonists.ts's GroupCore over stated times, shares of the reports that state
//   any (a report that states none is silent).
// - onesided: an established story (>= minGroup reports) whose core names (KIND=names|lead) a small group
//   (<= maxSmall reports) lacks, for at least missingShare of them, is not joined by it (a short report of
//   another event joining a story by its topic words: the Bush/Obama topic).
// - gate: a small group joins an established story only when their word (KIND=words|names) centroids'
//   cosine is at least `cut`. Why: told which of its topic's two events' centroids is closer, each events-dev
//   report picks its own 489 times of 496 (names 488), against 477 by the mean context link.
// Measured at stop 32 (tuning mean of the committed decision 90.68; e events, m merge, s harder, t tuning,
// c checking):
// - times, TIMES=d, y, dy: no setting above it; w: at most 88.50 (events tune 94.9 -> 88.0); dwy: at most
//   90.71 (minGroup 2, core 0.5, missingShare 1: st 84.4 -> 85.2, ec 98.0 -> 96.3). Reports of one real
//   event state different weekdays and dates (outlets publish on different days): dwy with minGroup 1
//   parts events-dev's and harder's coverage (ec 98.0 -> 51-91, sc 86.2 -> 70-74) while the BBC merge
//   set's checking half gains (mc 87.3 -> 90.9-93.8). With the smaller group allowed a single stating
//   report against minGroup 3-6 (one report's "Dec 14" against a story's "December 15", topic 11; tried
//   as a src option, reverted): at most dwy 90.71 (ec 96.8), dy 90.68, d 90.73 (et 95.0, ec 97.1).
// - onesided, names: at most 90.77 (minGroup 8, maxSmall 1-2, core 0.6, missingShare 0.75: et 95.1,
//   ec 97.4; the rest unchanged).
// - gate: words at most 90.53, names at most 90.60 (events tuning falls; no other set moves). The mixed
//   topics' strays are closer to the other event's centroid too (9_9ecb, 9_10ecb, 11_10ecb by words and
//   names): the evidence that would part them is the stage of the event (a rule made / overturned,
//   elections held / planned), not who, where or when.
// - stage (ev33): each group's reports whose lead's stage is read (train/lib/lead-stage.ts: English
//   headline + first sentence), and the share of them that preview the event (MARK=rev: that undo an
//   earlier act); two groups with at least minKnown read leads each (the larger at least MIN_LARGE), one
//   at a share >= hi and the other <= lo, are not joined (elections planned / held; a rule made / overturned).
// Measured at stop 33 (committed decision, mean tune 90.68; read leads: events 401 of 496, merge 626 of
// 687, harder 792 of 877; previews 38 / 143 / 147; reversals 11 (all events topic 9) / 6 / 4):
// - stage: minKnown 2, hi 0.6-0.75: at most 90.80 (et 94.9 -> 95.2 by recall, R 91.8 -> 92.5; mixed topics
//   unchanged 2/14 . 0/7; sc 86.1 at hi 0.6, 86.2 at 0.75; the rest unchanged); hi 0.5: 90.29-90.57 (ec
//   91.1-91.8); hi 1: no change;
//   minKnown 3: no change; minKnown 1 (a single preview parted from a story): 86.73 (ec 89.0, sc 75.8);
//   MIN_LARGE 4-10 with minKnown 1: at most 90.68 (ec 96.4: one announced event's coverage says "will
//   take over" and "has taken over" alike). Through train:merge as a decision option (commit 5ae467a,
//   reverted): minKnown 2, hi 0.6, lo 0.1; events 95.2 . 98.0, bbc 92.7 . 87.3, harder 84.4 . 86.1.
// - MARK=rev: minKnown 1: 90.75 (et 95.4, st 84.2, every checking half unchanged); minKnown 2-3: no
//   change. A rule its one tuning topic (9) makes; no checking topic has a reversal to confirm it. Topics
//   mixed stay 11 and 9 (tuning) with either check: minKnown 1 parts topic 9's two Bush reports from the
//   Obama story (26 wrong pairs), but the one Obama report without a reversal word ("Federal agencies
//   again will have to consult ...") then joins the Bush story (10 wrong pairs).
// - join (ev34): maxSmall 1-3, maxCut 0-0.7, shareCut 0-0.5: every setting below the committed 90.68
//   (best 90.26: maxCut 0.4 or shareCut 0.1, et 94.9 -> 93.6, ec 98.0 -> 97.2 (95.7 with maxSmall 2-3);
//   at most 89.00 at the strictest); the BBC sets never move (no story of 6 there). Stories gain their
//   true reports on weak means: train/try-join-log.ts.
// None adopted.
import { contextEdges, mergeModels, pairEdges } from "../src/cluster/index.ts";
import { averageLink } from "../src/cluster/agglomerate.ts";
import { GroupCore, type ProtagonistOptions } from "../src/cluster/protagonists.ts";
import { idsOf, type Profile } from "../src/cluster/profile.ts";
import { leadStage, STAGE_FUTURE, STAGE_KNOWN, STAGE_REVERSAL } from "./lib/lead-stage.ts";
import { linkMaps, loadSweepSets, scoreDecision, type Agglomerate } from "./lib/merge-sweep.ts";

/** An agglomeration for a set's profiles: averageLink with one more check (null: as committed). */
type Check = ((profiles: readonly Profile[]) => Agglomerate) | null;

/** averageLink with `blocks` asked before each merge and `grow` told after it. */
function checked(blocks: (x: number, y: number) => boolean, grow: (keep: number, gone: number) => void): Agglomerate {
  return (n, edges, o) => averageLink(n, edges, {
    ...o,
    canJoin: (x, y) => o.canJoin(x, y) && !blocks(x, y),
    joined: (keep, gone) => {
      o.joined(keep, gone);
      grow(keep, gone);
    },
  });
}

/** TIMES: the kinds of stated time compared (d days of a month, w weekdays of the lead, y years). */
const KINDS = process.env.TIMES ?? "dwy";
/** A report's stated times as distinct numbers: day ids (>= 0), weekdays -1 … -7, years below -100. */
function timesOf(p: Profile): number[] {
  const out = KINDS.includes("d") ? Array.from(idsOf(p.days)) : [];
  if (KINDS.includes("w")) for (let w = 0; w < 7; w++) if (p.weekdays & (1 << w)) out.push(-1 - w);
  if (KINDS.includes("y")) for (const y of idsOf(p.years)) out.push(-100 - y);
  return out;
}

function timesGrid(): Array<[string, Check]> {
  const out: Array<[string, Check]> = [];
  for (const minGroup of [1, 2, 3]) for (const core of [0.5, 0.7, 1]) for (const absent of [0, 0.1, 0.2]) for (const missingShare of [0, 0.5, 1]) {
    const o: ProtagonistOptions = { minGroup, core, absent, missingShare };
    out.push([JSON.stringify(o), (profiles) => {
      const when = new GroupCore(profiles, o, timesOf, (p) => timesOf(p).length > 0);
      return checked((x, y) => when.contradict(x, y), (keep, gone) => when.join(keep, gone));
    }]);
  }
  return out;
}

const KIND = process.env.KIND;
/** Each group's summed items (unit vectors' weights, or 1 a name) and size, grown as groups join. */
class Sums {
  private readonly sum: Array<Map<number, number> | null>;
  readonly size: Int32Array;
  constructor(private readonly profiles: readonly Profile[], private readonly kind: "words" | "names" | "leadNames", private readonly binary: boolean) {
    this.sum = new Array<Map<number, number> | null>(profiles.length).fill(null);
    this.size = new Int32Array(profiles.length).fill(1);
  }
  of(x: number): Map<number, number> {
    let m = this.sum[x];
    if (!m) {
      m = new Map();
      const v = this.profiles[x]![this.kind];
      for (let k = v.from; k < v.to; k++) m.set(v.ids[k]!, this.binary ? 1 : v.weights[k]!);
      this.sum[x] = m;
    }
    return m;
  }
  join(keep: number, gone: number): void {
    const into = this.of(keep);
    for (const [k, v] of this.of(gone)) into.set(k, (into.get(k) ?? 0) + v);
    this.sum[gone] = new Map();
    this.size[keep]! += this.size[gone]!;
  }
  cosine(x: number, y: number): number {
    const [a, b] = [this.of(x), this.of(y)];
    let [dot, na, nb] = [0, 0, 0];
    for (const [k, v] of a) {
      na += v * v;
      dot += v * (b.get(k) ?? 0);
    }
    for (const v of b.values()) nb += v * v;
    return dot / Math.sqrt(na * nb || 1);
  }
}

function oneSidedGrid(): Array<[string, Check]> {
  const kind = KIND === "lead" ? "leadNames" : "names";
  const out: Array<[string, Check]> = [];
  for (const minGroup of [4, 6, 8]) for (const maxSmall of [1, 2]) for (const core of [0.6, 0.8, 0.9]) for (const missingShare of [0, 0.34, 0.5, 0.75]) {
    out.push([JSON.stringify({ minGroup, maxSmall, core, missingShare }), (profiles) => {
      const s = new Sums(profiles, kind, true);
      const blocks = (big: number, small: number) => {
        const [n, m] = [s.size[big]!, s.size[small]!];
        if (n < minGroup || m > maxSmall || m >= n) return false;
        let [inCore, missing] = [0, 0];
        for (const [id, count] of s.of(big)) {
          if (count < core * n) continue;
          inCore++;
          if (!s.of(small).has(id)) missing++;
        }
        return missing > 0 && missing >= missingShare * inCore;
      };
      return checked((x, y) => blocks(x, y) || blocks(y, x), (keep, gone) => s.join(keep, gone));
    }]);
  }
  return out;
}

function gateGrid(): Array<[string, Check]> {
  const kind = KIND === "names" ? "names" : "words";
  const out: Array<[string, Check]> = [];
  for (const minGroup of [2, 3, 4, 6]) for (const maxSmall of [1, 2, 3]) for (const cut of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    out.push([JSON.stringify({ minGroup, maxSmall, cut }), (profiles) => {
      const s = new Sums(profiles, kind, false);
      const blocks = (x: number, y: number) => {
        const [big, small] = s.size[x]! >= s.size[y]! ? [x, y] : [y, x];
        return s.size[big]! >= minGroup && s.size[small]! <= maxSmall && s.cosine(big, small) < cut;
      };
      return checked(blocks, (keep, gone) => s.join(keep, gone));
    }]);
  }
  return out;
}

// - stage (ev33): each group's share of previews among the reports whose lead's stage is read (stage.ts):
//   two groups whose shares lie at the two ends (one at least `hi`, the other at most `lo`, each with at
//   least minKnown read reports) are two stages of an event, or two events (elections planned / held).
function stageGrid(): Array<[string, Check]> {
  const out: Array<[string, Check]> = [];
  // MIN_LARGE=n: the larger group needs n read reports, the smaller minKnown (a single preview against a story).
  const large = process.env.MIN_LARGE ? process.env.MIN_LARGE.split(",").map(Number) : [0];
  for (const minLarge of large) for (const minKnown of [1, 2, 3]) for (const hi of [0.5, 0.6, 0.75, 1]) for (const lo of [0, 0.1, 0.2, 0.34]) {
    out.push([JSON.stringify({ minKnown, minLarge, hi, lo }), (profiles) => {
      const stage = profiles.map((p) => stageOf.get(p)!);
      const mark = MARK === "rev" ? STAGE_REVERSAL : STAGE_FUTURE;
      const known = Int32Array.from(stage, (b) => (b & STAGE_KNOWN ? 1 : 0));
      const future = Int32Array.from(stage, (b) => (b & mark ? 1 : 0));
      const ends = (x: number, y: number) => future[x]! >= hi * known[x]! && future[y]! <= lo * known[y]!;
      const blocks = (x: number, y: number) => Math.min(known[x]!, known[y]!) >= minKnown && Math.max(known[x]!, known[y]!) >= minLarge && (ends(x, y) || ends(y, x));
      return checked(blocks, (keep, gone) => {
        known[keep]! += known[gone]!;
        future[keep]! += future[gone]!;
      });
    }]);
  }
  return out;
}

// - join (ev34): a small group (<= maxSmall reports) joins an established story (>= the decision's
//   `established`) only when its strongest link into the story is at least maxCut and it links (a context
//   probability >= PAIR_BAR) to at least shareCut of the story's reports: the mean bar alone (0.05) lets a
//   single report in on one fair link to one member of a story of six.
const PAIR_BAR = 0.4;
function joinGrid(): Array<[string, Check]> {
  const out: Array<[string, Check]> = [];
  for (const maxSmall of [1, 2, 3]) for (const maxCut of [0, 0.4, 0.5, 0.6, 0.7]) for (const shareCut of [0, 0.1, 0.2, 0.34, 0.5]) {
    if (maxCut === 0 && shareCut === 0) continue;
    out.push([JSON.stringify({ maxSmall, maxCut, shareCut }), (profiles) => {
      const n = profiles.length;
      const near = edgeMaps.get(profiles)!;
      const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
      const blocks = (x: number, y: number) => {
        const [big, small] = members[x]!.length >= members[y]!.length ? [x, y] : [y, x];
        const [nb, ns] = [members[big]!.length, members[small]!.length];
        if (nb < models.decision.established || ns > maxSmall) return false;
        let [max, linked] = [0, 0];
        for (const b of members[big]!) {
          let best = 0;
          for (const a of members[small]!) best = Math.max(best, near[b]?.get(a) ?? 0);
          max = Math.max(max, best);
          if (best >= PAIR_BAR) linked++;
        }
        return max < maxCut || linked < shareCut * nb;
      };
      return checked(blocks, (keep, gone) => {
        members[keep]!.push(...members[gone]!);
        members[gone] = [];
      });
    }]);
  }
  return out;
}

const mode = process.argv[2] ?? "times";
const models = mergeModels();
const sets = loadSweepSets();
// MARK=rev: the stage compared is a lead that undoes an earlier act (a rule overturned, a ban lifted)
// instead of a preview (train/lib/lead-stage.ts).
const MARK = process.env.MARK;
const stageOf = new Map<Profile, number>();
for (const s of sets) s.scored.profiles.forEach((p, i) => stageOf.set(p, leadStage(s.scored.order[i]!.title, s.scored.order[i]!.paragraphs)));
if (mode === "stage") for (const s of sets) console.log(`${s.name}: of ${s.n} leads ${s.scored.profiles.filter((p) => stageOf.get(p)! & STAGE_KNOWN).length} read, ${s.scored.profiles.filter((p) => stageOf.get(p)! & STAGE_FUTURE).length} previews, ${s.scored.profiles.filter((p) => stageOf.get(p)! & STAGE_REVERSAL).length} reversals`);
const weighed = sets.map((s) => contextEdges(s.n, pairEdges(s.scored, models.pair), models.context));
/** Each set's context probabilities as maps per article (for the join check), keyed by its profiles. */
const edgeMaps = new Map<readonly Profile[], Array<Map<number, number>>>(sets.map((s, i) => [s.scored.profiles, linkMaps(s.n, weighed[i]!)]));

function row(check: Check): { cells: string; mean: number } {
  const { cells, meanTune } = scoreDecision(sets, weighed, models.decision, check ? (i) => check(sets[i]!.scored.profiles) : undefined);
  return { cells, mean: meanTune };
}

const grids: Record<string, () => Array<[string, Check]>> = { times: timesGrid, onesided: oneSidedGrid, gate: gateGrid, stage: stageGrid, join: joinGrid };
if (!grids[mode]) throw new Error(`usage: try-group-checks.ts [${Object.keys(grids).join("|")}]`);
let best = { name: "as committed", mean: -1, cells: "" };
for (const [name, check] of [["as committed", null] as [string, Check], ...grids[mode]!()]) {
  const r = row(check);
  console.log(`${name.padEnd(60)} ${r.cells}  mean tune ${(100 * r.mean).toFixed(2)}`);
  if (r.mean > best.mean + 1e-9) best = { name, ...r };
}
console.log(`best on tuning: ${best.name} ${best.cells}`);
