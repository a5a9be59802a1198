// `npx tsx train/try-outlet-lines.ts [tune|check] [--all]`: the text dumps with a URL that no stronger line
// names (ot60): each page's short lines spelling the host with the model's probability, the line chosen, and
// the page's og:site_name or publisher (silver; "-" when its HTML gives none naming the host). Read page by page
// to see what the model takes; `--all` also lists pages whose candidates all fall below the threshold.
import { outletLine, outletLineCandidates, OUTLET_LINE_FEATURES } from "../src/clean/source-lines.ts";
import { hostNameOfText } from "../src/clean/source.ts";
import { probability, loadModel } from "../src/model/logistic.ts";
import type { Half } from "../eval/lib/split.ts";
import { silverMatches } from "../eval/lib/outlet-silver.ts";
import { outletDumps } from "./lib/outlet-dumps.ts";
import weights from "../src/clean/source-lines-model.json" with { type: "json" };

const model = loadModel(weights, OUTLET_LINE_FEATURES);
const want = (process.argv[2] ?? "tune") as Half;
const all = process.argv.includes("--all");
const tally = { right: 0, wrong: 0, unjudged: 0 };
for (const dump of outletDumps([want])) {
  const { id, host } = dump;
  const cleaned = dump.cleaned();
  if (!cleaned) continue;
  const { lines, body } = cleaned;
  if (hostNameOfText(lines, body, host) !== null) continue;
  const cands = outletLineCandidates(lines, body, host);
  if (!cands.length) continue;
  const chosen = outletLine(lines, body, host);
  if (!chosen && !all) continue;
  const silver = dump.silver();
  const verdict = !chosen ? "" : !silver ? "?" : silverMatches(chosen, silver, host) ? "RIGHT" : "WRONG";
  if (chosen) tally[verdict === "?" ? "unjudged" : verdict === "RIGHT" ? "right" : "wrong"]++;
  console.log(`${id.slice(0, 16)} ${host} chosen=${chosen ?? "-"} ${verdict} | silver=${silver ?? "-"}`);
  for (const c of cands.map((c) => ({ ...c, p: probability(model, c.features) })).sort((a, b) => b.p - a.p).slice(0, 5)) console.log(`    ${c.p.toFixed(2)} ${c.index}/${lines.length}: ${c.text}`);
}
console.log(`chosen: ${tally.right} right, ${tally.wrong} wrong, ${tally.unjudged} without a silver name (threshold ${model.threshold})`);
