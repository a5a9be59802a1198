// `npx tsx train/try-outlet-lines.ts [tune|check] [--all]`: the text dumps with a URL that no stronger line
// names (ot60): each page's short lines spelling the host with the model's probability, the line chosen, and
// the page's og:site_name or publisher (silver; "-" when its HTML gives none naming the host). Read page by page
// to see what the model takes; `--all` also lists pages whose candidates all fall below the threshold.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanSource, prepare } from "../src/clean/index.ts";
import { cleanDoc } from "../src/clean/text.ts";
import { keptBodyIndices } from "../src/clean/doc.ts";
import { hostNameOfText } from "../src/clean/source.ts";
import { outletLine, outletLineCandidates } from "../src/clean/source-lines.ts";
import { decode } from "../src/ingest/decode.ts";
import { probability, loadModel } from "../src/model/logistic.ts";
import { hostOf } from "../src/text/paths.ts";
import { halfOf } from "../eval/lib/split.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { silverMatches, silverName } from "../eval/lib/outlet-silver.ts";
import { OUTLET_LINE_FEATURES } from "../src/clean/source-lines.ts";
import weights from "../src/clean/source-lines-model.json" with { type: "json" };

const model = loadModel(weights, OUTLET_LINE_FEATURES);
const corpus = "/work/shared/corpus";
const want = process.argv[2] ?? "tune";
const all = process.argv.includes("--all");
const tally = { right: 0, wrong: 0, unjudged: 0 };
for (const [file, htmlDir] of [["extraction-dev.jsonl", "extraction-html"], ["webpages-dev.jsonl", "webpages-html"], ["dates-dev.jsonl", "dates-html"]] as const) {
  for (const row of readFileSync(join(corpus, file), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: string; url: string | null; text_dump?: string })) {
    if (!row.url || !row.text_dump || halfOf(row.id) !== want) continue;
    const host = hostOf(row.url);
    if (!host) continue;
    let doc;
    try {
      doc = prepare(devSource(`${row.id}.txt`, "text", row.text_dump, row.url)).doc;
      cleanDoc(doc);
    } catch {
      continue;
    }
    const body = keptBodyIndices(doc).map((i) => doc.lines[i]!);
    if (hostNameOfText(doc.lines, body, host) !== null) continue;
    const cands = outletLineCandidates(doc.lines, body, host);
    if (!cands.length) continue;
    const chosen = outletLine(doc.lines, body, host);
    if (!chosen && !all) continue;
    let silver: string | null = null;
    try {
      const d = decode(gunzipSync(readFileSync(join(corpus, htmlDir, `${row.id}.html.gz`))));
      if (d.ok) silver = silverName(cleanSource(devSource(`${row.id}.html`, "html", d.text, row.url)).meta, host);
    } catch {
      silver = null;
    }
    const verdict = !chosen ? "" : !silver ? "?" : silverMatches(chosen, silver, host) ? "RIGHT" : "WRONG";
    if (chosen) tally[verdict === "?" ? "unjudged" : verdict === "RIGHT" ? "right" : "wrong"]++;
    console.log(`${row.id.slice(0, 16)} ${host} chosen=${chosen ?? "-"} ${verdict} | silver=${silver ?? "-"}`);
    for (const c of cands.map((c) => ({ ...c, p: probability(model, c.features) })).sort((a, b) => b.p - a.p).slice(0, 5)) console.log(`    ${c.p.toFixed(2)} ${c.index}/${doc.lines.length}: ${c.text}`);
  }
}
console.log(`chosen: ${tally.right} right, ${tally.wrong} wrong, ${tally.unjudged} without a silver name (threshold ${model.threshold})`);
