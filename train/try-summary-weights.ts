// `npx tsx train/try-summary-weights.ts [name=value,name=value ...]`: eval:summary's figures (both halves) for
// summary tunings that differ from defaultTuning in the settings given, one row per argument ("base" = none;
// "single=learned" stories of one article on learnedSingle, "single=off" on the others' weights, "single.position=0.4"
// one of their weights, after single=learned; "merged=learned", "merged=off", "merged.position=0.2" the same for
// stories of several articles and learnedMerged):
// events-dev 100-word pyramid and Jensen-Shannon divergence (eval/lib/summary-measures.ts), bbc-dev R1 of
// the single-article summary and of the two-outlet story (eval/eval-summary.ts's rewrites, seed 7).
import { defaultTuning, learnedMerged, learnedSingle, summarise, type SummaryTuning } from "../src/summarise/index.ts";
import { Scores } from "../eval/lib/summary-measures.ts";
import { meanF1, rouge, type RougeScores } from "../eval/lib/rouge.ts";
import { HALVES, halfOf } from "../eval/lib/split.ts";
import { bbc, corpus, eventList, paragraphs, twoOutlets } from "./lib/summary-sets.ts";


export interface Figures {
  pyramid: number;
  js: number;
  bbc: number;
  two: number;
  faults: number;
}

export function figures(tuning: SummaryTuning, half: "tune" | "check", withBbc = true): Figures {
  const scores = new Scores();
  for (const [, rows] of eventList) {
    if (halfOf(String(rows[0]!.topic)) !== half) continue;
    const inputs = rows.map((a) => ({ title: a.title ?? undefined, text: a.text }));
    scores.add(summarise(inputs, { words: 100 }, tuning), inputs);
  }
  const single: RougeScores[] = [];
  const two: RougeScores[] = [];
  if (withBbc) {
    bbc.forEach((r, i) => {
      if (halfOf(r.id) !== half) return;
      const reference = r.summary.split("\n").map((s) => s.trim()).filter(Boolean);
      single.push(rouge(summarise([{ title: r.title, text: r.text }], { sentences: 3 }, tuning), reference));
      two.push(rouge(summarise(twoOutlets[i]!, { sentences: 3 }, tuning), reference));
    });
  }
  const f = scores.faults;
  return {
    pyramid: scores.pyramid / scores.n,
    js: scores.js / scores.n,
    bbc: withBbc ? meanF1(single).rouge1 : NaN,
    two: withBbc ? meanF1(two).rouge1 : NaN,
    faults: f.dangling + f.datelines + f.repeats,
  };
}

export const row = (f: Figures) => `pyramid ${f.pyramid.toFixed(3)}  JS ${f.js.toFixed(4)}  bbc R1 ${f.bbc.toFixed(2)}  two R1 ${f.two.toFixed(2)}  faults ${f.faults}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const arg of process.argv.length > 2 ? process.argv.slice(2) : ["base"]) {
    const tuning: SummaryTuning = { ...defaultTuning, single: defaultTuning.single && { ...defaultTuning.single }, merged: defaultTuning.merged && { ...defaultTuning.merged } };
    if (arg !== "base") {
      for (const kv of arg.split(",")) {
        const [name, v] = kv.split("=") as [string, string];
        // "single=learned" gives stories of one article learnedSingle (summary-scoring.json), "single=off" the
        // others' weights; "single.position=0.4" sets one of their weights.
        if (name === "single" || name === "merged") {
          if (v === "off") delete tuning[name];
          else if (v === "learned") tuning[name] = { ...(name === "single" ? learnedSingle : learnedMerged) };
          else throw new Error(`${name}=${v}: learned or off`);
          continue;
        }
        const dot = name.indexOf(".");
        const group = dot < 0 ? null : name.slice(0, dot);
        if (group !== null && group !== "single" && group !== "merged") throw new Error(`no setting ${name}`);
        const [target, k] = group === null ? [tuning as unknown as Record<string, number>, name] : [tuning[group] as Record<string, number> | undefined, name.slice(dot + 1)];
        if (!target || typeof target[k] !== "number") throw new Error(`no setting ${name}`);
        target[k] = Number(v);
      }
    }
    for (const half of HALVES) console.log(`${arg.padEnd(28)} ${half.padEnd(5)} ${row(figures(tuning, half))}`);
  }
}
