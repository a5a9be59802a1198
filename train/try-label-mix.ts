// `npx tsx train/try-label-mix.ts`: how much of step 1's block-model label weight (train/train-clean.ts
// examplesOf: an extraction-dev line 1, a webpages-dev snippet line ×3, a span line 1) each set holds, per
// half and path: aggregate totals only, no page read one by one (aw67: the share MIX=s fixes).
import { loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { labelsOf, prepared, type Path } from "./lib/clean-items.ts";

const totals = new Map<string, { extraction: number; webpages: number; pages: number }>();
for (const path of ["text", "html"] as Path[]) {
  for (const page of [...loadExtraction(), ...loadWebpages()]) {
    const doc = prepared(page, path);
    if (!doc) continue;
    const labels = labelsOf(page, doc);
    let w = 0;
    for (const y of labels) if (y >= 0) w += y === 2 ? 1 : page.set === "webpages" ? 3 : 1;
    const key = `${path} ${page.half}`;
    const t = totals.get(key) ?? { extraction: 0, webpages: 0, pages: 0 };
    t[page.set === "webpages" ? "webpages" : "extraction"] += w;
    t.pages++;
    totals.set(key, t);
  }
}
for (const [key, t] of totals) console.log(`${key}: ${t.pages} pages, extraction ${t.extraction}, webpages ${t.webpages}, extraction share ${(t.extraction / (t.extraction + t.webpages)).toFixed(4)}`);
