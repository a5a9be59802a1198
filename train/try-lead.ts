// `npx tsx train/try-lead.ts`: keep-lead's model and cut on the tuning pages, from the committed block
// and headline models (in-sample block scores: quicker than train:clean, a little optimistic), with
// the out-of-fold figures of every cut tried and the model's weights.
import { loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { blockModels } from "../src/clean/block-model.ts";
import { leadExamples, leadItems, trainLead } from "./lead.ts";

const seen = new Set<string>();
const pages = [...loadExtraction(), ...loadWebpages()].filter((p) => p.half === "tune" && !seen.has(p.id) && seen.add(p.id));
const items = leadItems(pages, blockModels(false));
const examples = leadExamples(items);
console.log(`${items.length} documents, ${examples.length} gap lines labelled (${examples.filter((e) => e.y === 1).length} article)`);
const { model, cut, figures } = trainLead(items, true);
if (process.env.Q) process.exit(0);
console.log(`cut ${cut}: extraction ${figures.extraction.toFixed(4)} webpages ${figures.webpages.toFixed(4)}`);
model.features.forEach((f, j) => console.log(`  ${f.padEnd(24)} ${model.weights[j]!.toFixed(3)}`));
if (process.env.V) {
  const { leadRows } = await import("../src/clean/lead-features.ts");
  const { logit } = await import("../src/model/logistic.ts");
  for (const item of items) {
    for (const r of leadRows(item.doc)) {
      const z = logit(model, r.x);
      if (z < Number(process.env.V)) continue;
      const l = item.doc.lines[r.index]!;
      console.log(`${item.page.set.slice(0, 3)} ${item.page.id.slice(0, 8)} ${item.page.url ? "u" : "-"} y=${item.labels[r.index]} z=${z.toFixed(1)} w=${l.words} ${l.text.slice(0, 80)}`);
    }
  }
}
if (process.env.WRITE) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(new URL("../src/clean/weights/lead-text.json", import.meta.url), `${JSON.stringify({ model, cut }, null, 1)}\n`);
}
