// Whether a merge-model change holds when the tuning data moves a little: train:merge with PERTURB=1..K
// (each leaving about an eighth of the tuning units out, train-merge.ts) for the committed features and
// for each variant (EXTRA=f+g, train/lib/trial-pair-features.ts), and per set and half the mean, lowest and
// highest F1 and mixed stories over the K runs, and the variant's change against the committed features run
// by run (same k, same units left out). One retraining moves the checking halves by 0.5-1.5 F1 (ev35, stop
// 34): a change worth keeping moves them the same way in most runs, not once.
// `tsx train/try-perturbed.ts K [variant ...]`, e.g. `tsx train/try-perturbed.ts 4 leadNumbers`; with
// KEEP_DECISION=1 every training keeps the committed decision (train-merge.ts) instead of searching one.
// Two trainings run at a time (about 95 s each on this machine). Models go to /tmp, never to src.
// Stop 34, K=3, F1 mean (lowest-highest), tuning . checking; stories mixing true stories per run:
//   committed   events 95.0 (92.6-97.4) . 89.8 (77.7-98.4), mixed 2/1/1 . 0/3/2; merge 93.8 . 86.4 (84.2-88.8);
//               split 85.7 . 85.4 (84.6-86.0)
//   leadNumbers events change -0.7 . -0.8 (worse in 2 of 3 tuning runs), merge +0.2 . -0.5, split -0.5 . 0.0: dropped.
// The committed decision's events checking half (98.0, no topic mixed) is not robust: with an eighth of
// the tuning stories left out, the retrained models make up to 3 checking stories that mix true stories
// (77.7 F1). Not the search alone: KEEP_DECISION=1 (the committed decision on the perturbed models) gives
// events 93.1 (91.1-94.9) . 93.9 (87.6-98.4), mixed 2/2/1 . 0/3/2; merge 93.6 . 85.8 (83.5-87.5); split 85.4 . 85.8.
// Nor the penalty: L2=10 (train-merge.ts; committed 1) events 94.9 . 90.5 (79.3-96.6), mixed 3/2/2 . 1/3/2;
// L2=0.1 events 95.0 . 88.2 (77.7-98.4), mixed 2/1/1 . 0/3/2 (merge and split within a point of the committed).
// Stop 35 (ev36), K=5 (run-by-run tables in the ev36 report), checking F1 mean (lowest-highest): committed events
// 89.0 (77.7-98.4), mixed 0/3/2/0/3, merge 86.3 (84.2-88.8), split 85.4 (84.6-86.1); BAG=16 events 90.7 (78.5-96.4),
// mixed 1/3/0/1/2, merge 85.4 (80.2-89.0), split 85.9 (85.0-86.7). PERTURB=2 gives 77.7 and 78.5: the same three
// checking stories mixing events with or without bagging (and with CONTEXT_L2=300: events 94.4 (78.5-100.0),
// merge 85.4 (82.4-87.7), split 85.8 (85.2-86.5); TOPIC_FLOOR=0.85: events 83.9, split 81.3; see train-merge.ts).
// Stop 36 (ms37), K=5, the committed method reproduced run by run (events . merge . split checking F1, mixed in events'
// checking half): 98.4 . 88.8 . 85.7 (0), 77.7 . 84.2 . 86.0 (3), 93.4 . 86.3 . 84.6 (2), 97.6 . 86.8 . 86.1 (0),
// 77.7 . 85.3 . 84.7 (3). Why PERTURB=2 and 5 mix: train-merge.ts and try-perturb-mixes.ts. Run by run against it:
//   MONOTONE=1        96.6 . 88.5 . 84.4 (1), 77.7 . 85.6 . 86.0 (3), 96.9 . 86.8 . 84.5 (1), 95.8 . 87.5 . 86.0 (1), 94.9 . 85.6 . 85.5 (2)
//   MONOTONE=context  96.6 . 88.8 . 85.7 (1), 78.5 . 80.8 . 87.0 (3), 95.7 . 86.3 . 85.1 (2), 86.5 . 88.0 . 86.2 (1), 77.7 . 85.3 . 84.7 (3)
//   BETA=0.5          94.1 . 90.6 . 81.7 (0), 77.7 . 86.0 . 83.9 (3), 89.5 . 90.3 . 81.1 (1), 90.5 . 89.0 . 84.7 (0), 81.9 . 90.1 . 81.1 (2)
// None adopted (train-merge.ts). CACHE=dir keeps each training's output, so the committed runs are trained once.
// Stop 37 (ms38), the decision keeping its safeguards unless the tuning half gains more than a point per safeguard
// dropped (SAFEGUARDS=margin, train-merge.ts; adopted, the default since): events 92.1 (83.4-98.4) against 89.0,
// better in 2 runs, worse in none (PERTURB=2 77.7 -> 87.5, 5 77.7 -> 83.4); merge 86.0 against 86.3 (PERTURB=2 -1.2,
// the rest unchanged); split 85.4 unchanged; unperturbed merge-model.json byte for byte. SAFEGUARDS=draws: events
// 90.1 (PERTURB=5 only). The method before is SAFEGUARDS=off: a CACHE of "committed" runs trained before stop 37
// holds its figures, not the margin rule's (train again, or pass SAFEGUARDS=off as a variant).
// Stop 38 (mg39), K=5 run by run against the committed method (events . merge . split checking F1, mixed in events'
// checking half; committed: 98.4 . 88.8 . 85.7 (0), 87.5 . 83.0 . 86.0 (3), 93.4 . 86.3 . 84.6 (2), 97.6 . 86.8
// . 86.1 (0), 83.4 . 85.3 . 84.7 (3); means 92.1 . 86.0 . 85.4):
//   TIE=strict  runs 1-4 the same; 84.9 . 85.3 . 84.7 (3) for PERTURB=5; means 92.4 . 86.0 . 85.4 (train-merge.ts).
//   keysCovMin  96.6 . 88.8 . 85.6 (1), 78.5 . 82.8 . 87.0 (3), 96.2 . 86.5 . 85.0 (0), 97.2 . 87.7 . 86.6 (1),
//               83.4 . 85.3 . 85.2 (3); means 90.4 (-1.7, better/worse 1/3) . 86.2 (+0.2, 2/1) . 85.9 (+0.5, 4/1).
//               Its weight flips sign between draws (0.34, 0.64, -0.13, 0.38, ...); PERTURB=2 keeps both
//               safeguards but a bar of 0.4 for two stories (established 4): 87.5 -> 78.5. Unperturbed
//               94.9 . 97.4 / 92.4 . 88.5 / 85.1 . 85.8 (committed 94.9 . 98.0 / 92.7 . 87.3 / 84.4 . 86.2),
//               harder's checking half falls. Not adopted.
// Stop 39 (am40), the learning curve (issues 8 and 9: would the shipped weights gain from both halves?):
// DRAW=subset runs the committed method on about half of the tuning units (SUBSET=k, by a hash of k and the
// topic or story, so no event is split) and on all of them. CACHE=/tmp/am40/curve DRAW=subset ... 4 (merge) and
// TRAINER=dates ... 5, checking half, mean (lowest-highest) over the draws:
//   merge  events 1/2 85.4 (76.9-94.8), mixed 2/1/0/3; all 98.0, mixed 0 (above all 4 draws)
//          bbc merge 1/2 82.6 (80.4-84.4); all 87.3 (above all 4).  harder 1/2 85.3 (84.7-86.1); all 86.2 (above all 4)
//          (PERTURB's 7/8 of the stories, stop 38 above: 92.1, 86.0, 85.4): the curve rises on every set.
//   dates  pages right: HTML 1/2 93.3 (92.4-94.7), 3/4 93.3 (92.4-94.7), all 93.6; text 87.3 (86.0-88.4), 86.8
//          (86.0-87.8), all 86.6: flat. Held-out log-loss falls with each step (train-dates.ts). Dates adopted
//          TRAIN_ON=all; merge not (train-merge.ts: the same method on both halves scores lower even in-sample).
// Stop 43 (mg44), K=5 run by run (PERTURB=1..5; events . bbc merge . harder checking F1, events' checking stories
// mixing true stories); the committed method gave stop 37's figures again. Why and what each is: train-merge.ts.
//   committed      98.4 . 88.8 . 85.7 (0), 87.5 . 83.0 . 86.0 (3), 93.4 . 86.3 . 84.6 (2), 97.6 . 86.8 . 86.1 (0), 83.4 . 85.3 . 84.7 (3)
//   SMOOTH=1       98.4 . 87.5 . 86.2 (0), 78.5 . 79.4 . 87.0 (3), 93.4 . 86.3 . 84.6 (2), 97.6 . 87.7 . 86.1 (0), 88.7 . 85.3 . 84.7 (2)
//   DROP=actorConflict+days+years+sameSentence
//                  97.2 . 88.8 . 85.5 (1), 80.7 . 88.3 . 86.0 (3), 97.2 . 87.3 . 85.8 (1), 96.4 . 87.0 . 85.9 (1), 90.3 . 86.0 . 86.0 (2)
//   DROP=days+years+sameSentence
//                  98.4 . 87.3 . 86.5 (0), 79.3 . 80.0 . 86.7 (3), 98.4 . 87.3 . 84.1 (0), 86.2 . 87.7 . 86.5 (1), 90.3 . 87.5 . 86.0 (2)
//   CONTEXT_L2=300  100.0 . 86.8 . 85.7 (0), 86.3 . 83.5 . 86.7 (3), 97.2 . 87.7 . 85.2 (2), 100.0 . 85.3 . 85.9 (0), 96.3 . 84.6 . 85.6 (2)
//   CONTEXT_L2=30   92.6 . 88.8 . 85.7 (1), 83.1 . 83.5 . 87.2 (2), 96.9 . 86.3 . 84.7 (1), 88.5 . 88.0 . 86.2 (1), 90.3 . 85.3 . 85.9 (2)
// No method keeps PERTURB=2 (topic 27 and one event of 7, 9 and 11 left out, ms37) from mixing 3 checking stories.
// Stop 45 (mg45): STRATIFY=1 (set for the whole run, so the committed runs and the variants share the draw; CACHE
// names their logs strat-...): each draw leaves an eighth of each events-dev event's tuning articles out instead of
// whole events (train-merge.ts stratifiedLeftOut), so no draw takes a topic's look-alike contrast. The committed
// method, checking F1 events . merge . harder (events' checking mixed), PERTURB=1..5:
//   95.2 . 89.0 . 84.9 (0), 98.0 . 84.8 . 85.7 (0), 95.8 . 87.7 . 86.0 (1), 96.5 . 87.7 . 85.7 (0), 96.4 . 86.5 . 85.9 (1)
// means 96.4 (sd 0.9) . 87.1 (1.4) . 85.6 (0.4) against the story draws' 92.1 (5.8) . 86.0 (1.9) . 85.4 (0.6); the
// trials judged by it are in train-merge.ts (stop 45).
// Stop 67 (am67), the curve and the swap check (CACHE=/tmp/am67/curve DRAW=subset tsx train/try-perturbed.ts 4
// "TRAIN_ON=check" "TRAIN_ON=check,FLOOR=0"): a TRAIN_ON=check variant learns from the checking halves, so its
// TUNING column is the out-of-sample one (and the "checking +x" note compares in-sample figures). F1 events . bbc
// merge . harder . few-outlets, half the units (mean of 4 draws) -> all of them:
//   committed, judged on checking   83.7 . 86.3 . 86.1 . 88.5 -> 97.6 . 89.0 . 86.2 . 90.0
//   TRAIN_ON=check, on tuning       86.1 . 90.0 . 83.2 . 88.1 -> 87.9 . 95.6 . 76.9 . 82.9 (the floor binds: bar 0.6)
//   TRAIN_ON=check FLOOR=0, tuning  85.6 . 89.5 . 83.4 . 89.0 -> 87.3 . 93.3 . 84.4 . 89.6
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const K = Number(process.argv[2]);
const variants = process.argv.slice(3);
if (!Number.isInteger(K) || K < 1) throw new Error("usage: tsx train/try-perturbed.ts K [variant ...]");
/** TRAINER=merge (the default: train-merge.ts) or dates (train-dates.ts: the HTML and text models, pages dated right in place of F1). */
const TRAINER = process.env.TRAINER ?? "merge";
if (TRAINER !== "merge" && TRAINER !== "dates") throw new Error(`TRAINER=${TRAINER}: merge or dates`);
/**
 * DRAW=perturb (the default): run k leaves about an eighth of the tuning stories out (PERTURB=k). DRAW=subset:
 * run k keeps about half of the tuning units (SUBSET=k: events-dev's topics, the BBC stories, dates-dev's
 * pages; SUBSET_SHARE=x another share), and a run on all of them (k=0, the committed method) is added: the
 * learning curve, half the data against all of it, on the checking halves.
 */
const DRAW = process.env.DRAW ?? "perturb";
if (DRAW !== "perturb" && DRAW !== "subset") throw new Error(`DRAW=${DRAW}: perturb or subset`);
if (TRAINER === "dates" && DRAW !== "subset") throw new Error("TRAINER=dates has no PERTURB: DRAW=subset");
const DRAWN = DRAW === "subset" ? "SUBSET" : "PERTURB";
const trainer = fileURLToPath(new URL(TRAINER === "merge" ? "train-merge.ts" : "train-dates.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
// SKIP_BASE=1: only the variants (their run-by-run change against the committed method is then not printed).
const configs = process.env.SKIP_BASE === "1" ? variants : ["", ...variants];

interface SetScores {
  tune: { f1: number; mixed: number };
  check: { f1: number; mixed: number };
}
type Result = Record<string, SetScores>;

/**
 * The per-set lines train-merge prints last: "events  tune P 98.2 R 91.8 F1 94.9 (stories mixing true stories: 2)  |  check ...";
 * train-dates': "html tune 96.3% (155/161)  check 93.6% (160/171)  L2 16 ..." (the share dated right, nothing mixed).
 */
function parse(output: string): Result {
  const result: Result = {};
  if (TRAINER === "dates") {
    for (const m of output.matchAll(/^(html|text)\s+tune ([\d.]+)% \(\d+\/\d+\)\s+check ([\d.]+)%/gm)) result[m[1]!] = { tune: { f1: Number(m[2]), mixed: 0 }, check: { f1: Number(m[3]), mixed: 0 } };
    if (!Object.keys(result).length) throw new Error(`train-dates printed no scores:\n${output.slice(-2000)}`);
    return result;
  }
  const line = /^(\w+)\s+tune P [\d.]+ R [\d.]+ F1 ([\d.]+) \(stories mixing true stories: (\d+)\)\s+\|\s+check P [\d.]+ R [\d.]+ F1 ([\d.]+) \(stories mixing true stories: (\d+)\)$/;
  for (const l of output.split("\n")) {
    const m = line.exec(l.trim());
    if (m) result[m[1]!] = { tune: { f1: Number(m[2]), mixed: Number(m[3]) }, check: { f1: Number(m[4]), mixed: Number(m[5]) } };
  }
  if (!Object.keys(result).length) throw new Error(`train-merge printed no scores:\n${output.slice(-2000)}`);
  return result;
}

/** A variant is trial features (EXTRA=f+g) or, written NAME=value[,NAME=value], train-merge's settings (e.g. BAG=16). */
const settingsOf = (variant: string): Record<string, string> =>
  variant.includes("=") ? Object.fromEntries(variant.split(",").map((s) => s.split("=") as [string, string])) : { EXTRA: variant };

// CACHE=dir: each training's output is kept there (and read back on a later run with the same variant and k),
// so the committed method's K runs are trained once for several variants' comparisons (the trainer is deterministic).
const cache = process.env.CACHE;
async function train(extra: string, k: number): Promise<Result> {
  const name = `${TRAINER === "merge" ? "" : `${TRAINER}-`}${process.env.STRATIFY === "1" ? "strat-" : ""}${DRAW === "subset" ? `subset${process.env.SUBSET_SHARE ? process.env.SUBSET_SHARE : ""}-` : ""}${extra.replace(/[^\w+-]/g, "_") || "base"}-${k}`;
  const cached = cache && `${cache}/${name}.log`;
  if (cached && existsSync(cached)) return parse(readFileSync(cached, "utf8"));
  // Every run learns from the tuning halves (TRAIN_ON=tuning): the checking halves are what it is judged on.
  const draw = k === 0 ? {} : DRAW === "subset" ? { SUBSET: String(k) } : { PERTURB: String(k) };
  const env = { ...process.env, PERTURB: "", SUBSET: "", TRAIN_ON: "tuning", EXTRA: "", ...draw, ...settingsOf(extra), OUT: `${cache ?? "/tmp"}/${TRAINER === "merge" ? "merge-model" : "date-models"}-perturbed-${name}.json` };
  const { stdout } = await run(tsx, [trainer], { env, maxBuffer: 1 << 26 });
  if (cached) {
    mkdirSync(cache!, { recursive: true });
    writeFileSync(cached, stdout);
  }
  return parse(stdout);
}

const jobs = configs.flatMap((extra) => [...(DRAW === "subset" ? [0] : []), ...Array.from({ length: K }, (_, i) => i + 1)].map((k) => ({ extra, k })));
const results = new Map<string, Result>();
let next = 0;
const worker = async () => {
  while (next < jobs.length) {
    const job = jobs[next++]!;
    results.set(`${job.extra} ${job.k}`, await train(job.extra, job.k));
    process.stderr.write(`done ${job.extra || "committed"} ${DRAWN}=${job.k}\n`);
  }
};
await Promise.all([worker(), worker()]);

const ks = Array.from({ length: K }, (_, i) => i + 1);
const f = (x: number) => x.toFixed(1);
const spread = (xs: number[]) => `${f(xs.reduce((a, b) => a + b, 0) / xs.length)} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
const sets = Object.keys(results.get(`${configs[0]} 1`)!);
for (const extra of configs) {
  console.log(`\n${extra || "committed features"}: ${TRAINER === "dates" ? "% dated right" : "F1"} mean (lowest-highest) over ${DRAWN}=1..${K}, tuning . checking; stories mixing true stories per run`);
  for (const set of sets) {
    const runs = ks.map((k) => results.get(`${extra} ${k}`)![set]!);
    const full = results.get(`${extra} 0`)?.[set];
    const curve = full ? `  |  all tuning units ${f(full.tune.f1)} . ${f(full.check.f1)} (mixed ${full.tune.mixed} . ${full.check.mixed}), checking ${full.check.f1 >= runs.reduce((a, r) => a + r.check.f1, 0) / K ? "+" : ""}${f(full.check.f1 - runs.reduce((a, r) => a + r.check.f1, 0) / K)} on the halves' mean, above ${runs.filter((r) => full.check.f1 > r.check.f1 + 0.05).length} and below ${runs.filter((r) => full.check.f1 < r.check.f1 - 0.05).length} of ${K} draws` : "";
    const line = `  ${set.padEnd(7)} ${spread(runs.map((r) => r.tune.f1))} . ${spread(runs.map((r) => r.check.f1))}  mixed ${runs.map((r) => r.tune.mixed).join("/")} . ${runs.map((r) => r.check.mixed).join("/")}${curve}`;
    if (!extra || !results.has(` ${K}`)) {
      console.log(line);
      continue;
    }
    const delta = (half: "tune" | "check") => ks.map((k) => results.get(`${extra} ${k}`)![set]![half].f1 - results.get(` ${k}`)![set]![half].f1);
    const better = (half: "tune" | "check") => delta(half).filter((d) => d > 0.05).length;
    const worse = (half: "tune" | "check") => delta(half).filter((d) => d < -0.05).length;
    console.log(`${line}  change ${spread(delta("tune"))} . ${spread(delta("check"))}, better/worse in ${better("tune")}/${worse("tune")} . ${better("check")}/${worse("check")} of ${K} runs`);
  }
}

console.log(`\nrun by run, tuning . checking ${TRAINER === "dates" ? "% dated right" : "F1 (stories mixing true stories, tuning . checking)"}`);
for (const k of DRAW === "subset" ? [0, ...ks] : ks) {
  for (const extra of configs) {
    const r = results.get(`${extra} ${k}`)!;
    console.log(`  ${DRAWN}=${k} ${(extra || "committed").padEnd(12)} ${sets.map((set) => `${set} ${f(r[set]!.tune.f1)} . ${f(r[set]!.check.f1)} (${r[set]!.tune.mixed} . ${r[set]!.check.mixed})`).join("  ")}`);
  }
}
