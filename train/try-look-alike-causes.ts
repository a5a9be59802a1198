// mx58 (issue 9): what the wrongly joined pairs of the TUNING halves share and what tells them apart, counted
// by cause against the rightly joined pairs (a cause only helps when it is rarer among right joins than wrong
// ones). `npx tsx train/try-look-alike-causes.ts [events|merge|split|all] [SHOW]` (SHOW=1 lists the wrong
// pairs' leads). Each pair of two tuning articles that clustering puts in one story is read with the committed
// reader (mentions.ts) and gets every difference that holds:
//   people      a side's lead names (people, places, bodies), half or more of them, are never named by the other
//   numbers     both state 2+ numbers other than years and share none
//   quantity    both state a quantity of one unit ("3500 people") and never the same one
//   days        both name days of a month and share none ("Dec. 11" against "March 3")
//   months      both name months and share none
//   years       both name years and share none
//   latestYear  the latest years the two name differ (the later event's year)
//   weekdays    both leads name a weekday and share none
//   clock       both state clock times ("8:00", "6:00") and share none
//   none        none of these: the texts state nothing that parts them
// Counts are of pairs and of unit pairs (two true stories joined, each counted once, by the share of its
// pairs a cause holds for), so events-dev's large events do not drown the BBC sets.
import { fileURLToPath } from "node:url";
import { clusterArticles } from "../src/cluster/index.ts";
import { readMentions, type Mentions } from "../src/cluster/mentions.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const arg = process.argv[2] ?? "all";
const show = process.env.SHOW === "1";
const CAUSES = ["people", "numbers", "quantity", "days", "months", "years", "latestYear", "weekdays", "clock", "none"] as const;
type Cause = (typeof CAUSES)[number];

const bits = (x: number) => {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
};
const disjoint = <T>(a: Set<T>, b: Set<T>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

function causes(x: Mentions, y: Mentions): Cause[] {
  const out: Cause[] = [];
  const [nx, ny] = [new Set(x.names), new Set(y.names)];
  const leadMissing = (m: Mentions, other: Set<string>) => {
    const lead = new Set(m.names.slice(0, m.leadNames));
    return lead.size > 0 && [...lead].filter((w) => !other.has(w)).length * 2 >= lead.size;
  };
  if (leadMissing(x, ny) || leadMissing(y, nx)) out.push("people");
  const plain = (m: Mentions) => new Set(m.numbers.filter((n) => !/^(19|20)\d\d$/.test(n) && !n.includes(":")));
  const [px, py] = [plain(x), plain(y)];
  if (px.size >= 2 && py.size >= 2 && disjoint(px, py)) out.push("numbers");
  const units = (m: Mentions) => new Map(m.quantities.map((q) => [q.unit, q.value]));
  const [ux, uy] = [units(x), units(y)];
  const qx = new Set(x.quantities.map((q) => `${q.unit} ${q.value}`));
  const commonUnits = [...ux.keys()].filter((u) => uy.has(u));
  if (commonUnits.length > 0 && !y.quantities.some((q) => qx.has(`${q.unit} ${q.value}`))) out.push("quantity");
  if (disjoint(new Set(x.days), new Set(y.days))) out.push("days");
  if (x.months && y.months && !(x.months & y.months)) out.push("months");
  if (disjoint(new Set(x.years), new Set(y.years))) out.push("years");
  if (x.years.length && y.years.length && Math.max(...x.years) !== Math.max(...y.years)) out.push("latestYear");
  if (x.weekdays && y.weekdays && !(x.weekdays & y.weekdays)) out.push("weekdays");
  const clock = (m: Mentions) => new Set(m.numbers.filter((n) => n.includes(":")));
  if (disjoint(clock(x), clock(y))) out.push("clock");
  if (out.length === 0) out.push("none");
  return out;
}

function sets(): Array<[string, LabelledArticle[]]> {
  const all: Array<[string, () => LabelledArticle[]]> = [
    ["events", () => buildEventsSet(corpus("events-dev.jsonl"))],
    ["merge", () => buildMergeSet(fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")],
    ["split", () => buildSplitSet(corpus("bbc-dev.jsonl"))],
  ];
  return all.filter(([n]) => arg === "all" || arg === n).map(([n, f]) => [n, f()]);
}

for (const [name, items] of sets()) {
  const story = new Map<string, string>();
  for (const c of clusterArticles(items.map((x) => x.article))) for (const m of c.members) story.set(m.path, c.id);
  const tune = items.filter((x) => halfOf(x.splitKey) === "tune");
  const mentions = tune.map((x) => readMentions(x.article.title, x.article.paragraphs));
  // per outcome: pair counts and unit (pair of true stories) shares
  const pairs = { wrong: new Map<Cause, number>(), right: new Map<Cause, number>() };
  const units = { wrong: new Map<string, Map<Cause, number>>(), right: new Map<string, Map<Cause, number>>() };
  const totals = { wrong: 0, right: 0 };
  const unitPairs = new Map<string, number>();
  for (let i = 0; i < tune.length; i++) {
    for (let j = i + 1; j < tune.length; j++) {
      if (story.get(tune[i]!.article.path) !== story.get(tune[j]!.article.path)) continue;
      const same = tune[i]!.gold === tune[j]!.gold;
      const kind = same ? "right" : "wrong";
      const found = causes(mentions[i]!, mentions[j]!);
      totals[kind]++;
      const unit = same ? tune[i]!.gold : [tune[i]!.gold, tune[j]!.gold].sort().join(" + ");
      unitPairs.set(unit, (unitPairs.get(unit) ?? 0) + 1);
      const u = units[kind].get(unit) ?? new Map<Cause, number>();
      units[kind].set(unit, u);
      for (const c of found) {
        pairs[kind].set(c, (pairs[kind].get(c) ?? 0) + 1);
        u.set(c, (u.get(c) ?? 0) + 1);
      }
      if (show && !same) {
        const lead = (x: LabelledArticle) => `${x.article.title.slice(0, 60)} | ${x.article.paragraphs.join(" ").slice(0, 110)}`;
        console.log(`WRONG [${found.join(" ")}]\n   ${lead(tune[i]!)}\n   ${lead(tune[j]!)}`);
      }
    }
  }
  const unitShare = (kind: "wrong" | "right", c: Cause) => {
    let s = 0;
    for (const [unit, m] of units[kind]) s += (m.get(c) ?? 0) / unitPairs.get(unit)!;
    return s;
  };
  console.log(`${name} (tuning half): joined pairs right ${totals.right} (${units.right.size} stories), wrong ${totals.wrong} (${units.wrong.size} joins of two true stories)`);
  console.log(`  cause       wrong pairs   right pairs   wrong units   right units`);
  for (const c of CAUSES) {
    const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : "-").padStart(5);
    console.log(
      `  ${c.padEnd(10)}  ${String(pairs.wrong.get(c) ?? 0).padStart(4)} ${pct(pairs.wrong.get(c) ?? 0, totals.wrong)}%  ${String(pairs.right.get(c) ?? 0).padStart(5)} ${pct(pairs.right.get(c) ?? 0, totals.right)}%  ${unitShare("wrong", c).toFixed(1).padStart(5)} ${pct(unitShare("wrong", c), units.wrong.size)}%  ${unitShare("right", c).toFixed(1).padStart(6)} ${pct(unitShare("right", c), units.right.size)}%`,
    );
  }
}
