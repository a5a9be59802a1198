// `npx tsx train/try-html-threshold.ts ROWS [OUT]` (nt68, stop 68): the HTML article gate refitted on the rows one
// train:clean run wrote (`HTML_GATE_ROWS_OUT=ROWS npm run train:clean`, tuning halves only), without rerunning the
// steps before the gate, so that where its threshold comes from can be tried quickly. The threshold settings are
// train/article-gate.ts's own (GATE_QUANTILE_HTML with GATE_QUANTILE_BY=page, GATE_MARGIN_HTML, THRESHOLD_FROM_HTML);
// RANK=k sets GATE_QUANTILE_HTML to the k-th lowest page of this run's real articles. Prints the out-of-fold figures
// and the lowest real pages (GATE_LOWEST=n); OUT writes the model as article-gate-html.json for an eval:notices run.
import { readFileSync, writeFileSync } from "node:fs";
import type { GateRow } from "./article-gate.ts";

interface Stored { set: string; id: string; kind: GateRow["kind"]; y: 0 | 1; withUrl?: boolean; x: number[] }

const [file, out] = process.argv.slice(2);
if (!file) throw new Error("usage: try-html-threshold.ts ROWS [OUT]");
const stored = JSON.parse(readFileSync(file, "utf8")) as Stored[];
const rows: GateRow[] = stored.map((s) => ({ page: { set: s.set, id: s.id, url: s.withUrl ? "url" : null }, kind: s.kind, x: Float64Array.from(s.x), y: s.y }));
const rank = Number(process.env.RANK ?? "0");
if (rank > 0) {
  const pages = new Set(rows.filter((r) => r.y === 1).map((r) => r.page.id)).size;
  // rank ceil(q × pages) = k for q just under k / pages.
  process.env.GATE_QUANTILE_HTML = String((rank - 0.5) / pages);
  process.env.GATE_QUANTILE_BY = "page";
}
// article-gate.ts reads its settings when it loads, so it is loaded after they are set.
const { trainArticleGate } = await import("./article-gate.ts");
const gate = trainArticleGate(rows, "html");
console.log(`${rows.length} rows (${rows.filter((r) => r.y === 1).length} articles), rank ${rank || "lowest"}`);
console.log(`${gate.figures}\n  threshold ${gate.model.threshold}`);
if (out) writeFileSync(out, `${JSON.stringify({ ...gate.model, trainedOn: `train/try-html-threshold.ts rank ${rank || 1}` }, null, 1)}\n`);
