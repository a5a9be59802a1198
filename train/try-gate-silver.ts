// `npx tsx train/try-gate-silver.ts ROWS [LABELS] [FROM] [OUT]` (gt66, stop 66): the text article gate's labels for
// dates-dev bodies and where its threshold comes from, tried on the gate rows one train:clean run wrote
// (`GATE_ROWS_OUT=ROWS npm run train:clean`, tuning halves only), without rerunning the steps before the gate.
// LABELS: set (every dates-dev body an article, before stop 66), silver (train/article-gate.ts silverSaysFurniture:
// furniture when the HTML path finds no article or the two bodies share neither way), drop (the bodies silver
// calls furniture left out of training, neither label), sure (furniture only where a silver body of 50 words or
// more exists and shares neither way; no silver body or a shorter one: left out). FROM: all (every real row
// whose body is its article sets the threshold) or labelled (extraction-dev and webpages-dev rows only, gt65).
// Prints the out-of-fold figures; OUT writes the model as article-gate-text.json for an eval:notices run.
import { readFileSync, writeFileSync } from "node:fs";
import { tokens } from "../eval/lib/extraction-score.ts";
import { silverSaysFurniture, trainArticleGate, type GateRow } from "./article-gate.ts";

interface Stored { set: string; id: string; kind: GateRow["kind"]; y: 0 | 1; withUrl?: boolean; x: number[]; body?: string; silver?: string | null }

const [file, labels = "silver", from = "all", out] = process.argv.slice(2);
if (!file) throw new Error("usage: try-gate-silver.ts ROWS [set|silver|drop|sure] [all|labelled] [OUT]");
const stored = JSON.parse(readFileSync(file, "utf8")) as Stored[];
const rows: GateRow[] = [];
for (const s of stored) {
  let y = s.y;
  if (s.set === "dates" && s.kind === "real" && s.body !== undefined) {
    const furniture = silverSaysFurniture(s.silver ?? null, s.body);
    if (labels === "set") y = 1;
    else if (labels === "silver") y = furniture ? 0 : 1;
    else if (labels === "drop") {
      if (furniture) continue;
      y = 1;
    } else if (labels === "sure") {
      const sure = s.silver !== null && s.silver !== undefined && tokens(s.silver).length >= 50;
      if (furniture && !sure) continue;
      y = furniture ? 0 : 1;
    }
  }
  rows.push({ page: { set: s.set, id: s.id, url: s.withUrl ? "url" : null }, kind: s.kind, x: Float64Array.from(s.x), y });
}
process.env.THRESHOLD_FROM = from;
const gate = trainArticleGate(rows, "text");
console.log(`labels ${labels}, threshold from ${from}: ${rows.length} rows (${rows.filter((r) => r.y === 1).length} articles, dates-dev furniture ${rows.filter((r) => r.page.set === "dates" && r.y === 0).length})`);
console.log(`${gate.figures}\n  threshold ${gate.model.threshold}`);
if (out) writeFileSync(out, `${JSON.stringify({ ...gate.model, trainedOn: `train/try-gate-silver.ts ${labels} ${from}` }, null, 1)}\n`);
