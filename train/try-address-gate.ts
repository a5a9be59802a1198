// `npx tsx train/try-address-gate.ts TEXT_ROWS HTML_ROWS OUT` (np72, stop 72): both article gates refitted on the rows one
// train:clean run wrote (`GATE_ROWS_OUT=TEXT_ROWS HTML_GATE_ROWS_OUT=HTML_ROWS`, tuning halves, rows with the
// address-share and lead-address columns), once per variant of which model reads which address column, without
// rerunning the steps before the gate: base (neither model), N (the notice model address-share), S (the notice model
// lead-address), NS (the notice model both), Sb (both models lead-address). Writes OUT/<variant>/article-gate-{text,html}.json
// for an eval:notices run (copy them into src/clean/weights/); prints each fit's out-of-fold figures.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { trainArticleGate, type GateRow } from "./article-gate.ts";

interface Stored { set: string; id: string; kind: GateRow["kind"]; y: 0 | 1; withUrl?: boolean; x: number[] }

const [textFile, htmlFile, out] = process.argv.slice(2);
if (!textFile || !htmlFile || !out) throw new Error("usage: try-address-gate.ts TEXT_ROWS HTML_ROWS OUT");
const load = (file: string): GateRow[] =>
  (JSON.parse(readFileSync(file, "utf8")) as Stored[]).map((s) => ({ page: { set: s.set, id: s.id, url: s.withUrl ? "url" : null }, kind: s.kind, x: Float64Array.from(s.x), y: s.y, withUrl: s.withUrl === true }));
const rows = { text: load(textFile), html: load(htmlFile) };
const A = "address-share", S = "lead-address";
const variants: Record<string, { plain: string[]; notices: string[] }> = {
  base: { plain: [A, S], notices: [A, S] },
  N: { plain: [A, S], notices: [S] },
  S: { plain: [A, S], notices: [A] },
  NS: { plain: [A, S], notices: [] },
  Sb: { plain: [A], notices: [A] },
};
const only = process.env.VARIANTS?.split(",");
const format = (value: unknown) => `${JSON.stringify(value, null, 1).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, list: string) => `[${list.split(/,\s*/).join(",")}]`)}\n`;
for (const [name, v] of Object.entries(variants)) {
  if (only && !only.includes(name)) continue;
  mkdirSync(join(out, name), { recursive: true });
  for (const path of ["text", "html"] as const) {
    const plain = trainArticleGate(rows[path], path, false, v.plain);
    const notices = trainArticleGate(rows[path], path, true, v.notices);
    const at = (m: typeof plain.model, f: string) => m.weights[m.features.indexOf(f)]!.toFixed(3);
    console.log(`${name} ${path}: plain threshold ${plain.model.threshold} refuse ${plain.model.refuse}; notices threshold ${notices.model.threshold} refuse ${notices.model.refuse}; notices weights notice-share ${at(notices.model, "notice-share")} ${A} ${at(notices.model, A)} ${S} ${at(notices.model, S)}; plain ${A} ${at(plain.model, A)} ${S} ${at(plain.model, S)}`);
    if (process.env.FIGURES === "1") console.log(`  plain:\n${plain.figures}\n  notices:\n${notices.figures}`);
    writeFileSync(join(out, name, `article-gate-${path}.json`), format({ ...plain.model, notices: notices.model, trainedOn: `train/try-address-gate.ts ${name}` }));
  }
}
