// `npx tsx train/train-summary-weights.ts` (run by train-same-fact.ts after it writes the same-fact model,
// which selection uses): learns how a merged story's summary weighs the two signals of what several outlets
// report, src/summarise/summary-weights.json:
//   support:   how closely the other outlets' opening sentences say the same (cosine, score.ts crossSupport);
//   agreement: the share of the other outlets holding each of the sentence's content-word pairs (stories of
//              three articles or more, score.ts outletAgreement).
// A grid search on the TUNING half of events-dev (each event's whole coverage summarised in 100 words, as
// eval:summary does): the pair with the lowest mean Jensen-Shannon divergence between summary and coverage.
// JS, not the pyramid score, is what is fitted: the pyramid counts the same content-word pairs by outlet that
// agreement reads, so it would reward agreement's weight without end; it is reported as the second opinion.
// Settings whose two-outlet bbc-dev R1 (tuning half) falls below that of the support the summariser had
// before agreement (0.6) are not taken: the articles path must not pay for the merged one. Ties go to the
// smaller weights. Deterministic: the same inputs give the same file.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultTuning } from "../src/summarise/index.ts";
import { figures, row } from "./try-summary-weights.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const SUPPORTS = [0.3, 0.45, 0.6, 0.75, 0.9];
const AGREEMENTS = Array.from({ length: 17 }, (_, k) => k / 10);
/** The support the summariser had before agreement: two-outlet R1 must not fall below what it gave. */
const BEFORE = 0.6;

// Agreement is off for two articles, so the two-outlet figure depends on support alone.
const twoR1 = new Map(SUPPORTS.map((support) => [support, figures({ ...defaultTuning, support, agreement: 0 }, "tune").two]));
const floor = twoR1.get(BEFORE)!;
let best: { support: number; agreement: number; js: number; pyramid: number } | null = null;
for (const support of SUPPORTS) {
  const cells: string[] = [];
  for (const agreement of AGREEMENTS) {
    const f = figures({ ...defaultTuning, support, agreement }, "tune", false);
    cells.push(`${agreement.toFixed(1)} ${f.js.toFixed(4)}/${f.pyramid.toFixed(3)}`);
    if (twoR1.get(support)! < floor) continue;
    if (!best || f.js < best.js - 1e-12) best = { support, agreement, js: f.js, pyramid: f.pyramid };
  }
  console.log(`support ${support} (two-outlet R1 ${twoR1.get(support)!.toFixed(2)}): agreement JS/pyramid ${cells.join(", ")}`);
}
if (!best) throw new Error("no setting keeps the two-outlet R1");
const weights = { support: best.support, agreement: best.agreement };
writeFileSync(process.env.OUT ?? `${root}src/summarise/summary-weights.json`, `${JSON.stringify(weights, null, 2)}\n`);
console.log(`written: support ${best.support}, agreement ${best.agreement}`);
for (const half of ["tune", "check"] as const) console.log(`  ${half}: ${row(figures({ ...defaultTuning, ...weights }, half))}`);
