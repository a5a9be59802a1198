// How stated times split the tuning halves' candidate pairs: for each set, the count of true and false
// pairs at each value of a time agreement (+1 share one, -1 both state one and share none, 0 silent),
// read from the whole text (as the pair features) and from the lead only; and the lead's numbers other than
// years. Tuning halves only. Stop 34 (ev35): the lead times are rare and weak (see try-pair-model's header).
// Lead numbers (not years), share of true pairs at -1 / 0 / +1: events .362 / .480 / .825, merge .012 / .099 /
// .661, harder .081 / .101 / .174; as a trial feature (leadNumbers) see train-merge.ts's header.
// `tsx train/try-time-stats.ts`.
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { readMentions } from "../src/cluster/mentions.ts";
import { splitSentences } from "../src/text/sentences.ts";
import { loadSweepSets, printTuningTally } from "./lib/merge-sweep.ts";

const sets = loadSweepSets();
const W = PAIR_FEATURES.length;
const LEAD = Number(process.env.LEAD ?? 2);
type Times = { days: Set<string>; months: number; years: Set<number>; weekdays: number; numbers: Set<string> };
const agree = <T>(a: Set<T>, b: Set<T>) => (a.size === 0 || b.size === 0 ? 0 : [...a].some((x) => b.has(x)) ? 1 : -1);
const bits = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a & b ? 1 : -1);
for (const s of sets) {
  const lead: Times[] = s.scored.order.map((a) => {
    const sentences = a.paragraphs.flatMap((p) => splitSentences(p)).slice(0, LEAD);
    const m = readMentions(a.title, sentences);
    return { days: new Set(m.days), months: m.months, years: new Set(m.years), weekdays: m.weekdays, numbers: new Set(m.numbers.filter((x) => !/^(19|20)\d\d$/.test(x))) };
  });
  printTuningTally(s, (k, a, b) => {
    const keys: string[] = [];
    const f = s.scored.features.subarray(k * W, (k + 1) * W);
    for (const name of ["days", "weekdays", "years", "months"] as const) keys.push(`all ${name} ${f[PAIR_FEATURES.indexOf(name)]}`);
    const [x, z] = [lead[a]!, lead[b]!];
    const ld = agree(x.days, z.days);
    const ly = agree(x.years, z.years);
    const lm = bits(x.months, z.months);
    const lw = bits(x.weekdays, z.weekdays);
    keys.push(`lead days ${ld}`, `lead years ${ly}`, `lead months ${lm}`, `lead weekdays ${lw}`);
    const any = [ld, ly, lm].includes(-1) ? -1 : [ld, ly, lm].includes(1) ? 1 : 0;
    keys.push(`lead date(any of d/m/y) ${any}`, `lead numbers (not years) ${agree(x.numbers, z.numbers)}`);
    return keys;
  });
}
