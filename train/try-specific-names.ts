// `npx tsx train/try-specific-names.ts` (mg77, stop 77, issue 9): on a merge set's TUNING half only (SET=events|merge|split,
// TOPICS=9,11,13,23,27 for events), each topic's gold events against each other: the specific items each event's reports
// state (names, WORDS=1 also content words, in at least max(2, CORE x size) of its reports) that the other event's texts
// never write at all, and those specific to both. Topic 13 (two fires in one valley): 5 shared, "james steele republican
// larry kroon" against "maid matanuska palmer owen dairy valley jon ingaldson ..."; topic 27: nothing missing one way.
import { loadSweepSets } from "./lib/merge-sweep.ts";
import { readMentions } from "../src/cluster/mentions.ts";
import { tokens } from "../src/text/names-numbers.ts";
const sets = loadSweepSets();
const which = process.env.SET ?? "events";
const s = sets.find((x) => x.name === which)!;
const idx = s.gold.map((_, i) => i).filter((i) => s.half[i] === "tune");
const items = new Map<number, { names: string[]; words: string[]; all: Set<string> }>();
for (const i of idx) {
  const a = s.scored.order[i]!;
  const m = readMentions(a.title, a.paragraphs);
  items.set(i, { names: m.names, words: m.words, all: new Set(tokens([a.title, ...a.paragraphs].join("\n")).flatMap((t) => t.toLowerCase().split(/['’]/))) });
}
const byGold = new Map<string, number[]>();
for (const i of idx) (byGold.get(s.gold[i]!) ?? byGold.set(s.gold[i]!, []).get(s.gold[i]!)!).push(i);
const core = Number(process.env.CORE ?? 0.34);
const words = process.env.WORDS === "1";
function spec(g: number[]) {
  const c = new Map<string, number>();
  for (const i of g) for (const t of new Set(words ? [...items.get(i)!.names, ...items.get(i)!.words] : items.get(i)!.names)) c.set(t, (c.get(t) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(core * g.length - 1e-9));
  return [...c].filter(([, n]) => n >= need).sort((a, b) => b[1] - a[1]);
}
const all = (g: number[]) => { const u = new Set<string>(); for (const i of g) for (const t of items.get(i)!.all) u.add(t); return u; };
const topics = (process.env.TOPICS ?? "9,11,13,23,27").split(",");
for (const t of topics) {
  const golds = [...byGold.keys()].filter((g) => g.split("-")[1] === t);
  for (const g of golds) for (const h of golds) if (g < h) {
    const [a, b] = [byGold.get(g)!, byGold.get(h)!];
    const [sa, sb] = [spec(a), spec(b)];
    const [ua, ub] = [all(a), all(b)];
    const missA = sa.filter(([x]) => !ub.has(x)), missB = sb.filter(([x]) => !ua.has(x));
    const shared = sa.filter(([x]) => sb.some(([y]) => y === x));
    console.log(`topic ${t}: ${g} (${a.length}) vs ${h} (${b.length}); shared ${shared.length}: ${shared.map(([x]) => x).join(" ")}`);
    console.log(`   missing from ${h}: ${missA.map(([x, n]) => `${x}:${n}`).join(" ")}`);
    console.log(`   missing from ${g}: ${missB.map(([x, n]) => `${x}:${n}`).join(" ")}`);
  }
}
