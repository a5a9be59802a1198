// The outlet label a reader is shown for every dev text dump with its URL known (a `.txt` whose first line gives
// `url …`), one line a page: half, id, host, label, basis. Run it on two trees and diff the outputs to read every
// changed label (ot60: the host-spelling name lines).
//
//   npx tsx scripts/qa-outlet-text.ts [--no-url]
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanSource } from "../src/clean/index.ts";
import { outletLabel, outletOf } from "../src/digest/outlets.ts";
import { hostOf } from "../src/text/paths.ts";
import type { CleanArticle, ResolvedArticle } from "../src/types.ts";
import { halfOf } from "../eval/lib/split.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, "../shared/corpus");
const withUrl = !process.argv.includes("--no-url");
const asResolved = (a: CleanArticle): ResolvedArticle => ({ ...a, evidence: { date: null, dateSource: null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2000-01-01" }, date: "2000-01-01", dateSource: "file-mtime" });
for (const file of ["extraction-dev.jsonl", "webpages-dev.jsonl", "dates-dev.jsonl"]) {
  for (const row of readJsonl<{ id: string; url: string | null; text_dump?: string }>(join(corpus, file))) {
    if (!row.url || !row.text_dump) continue;
    let article: CleanArticle;
    try {
      article = cleanSource(devSource(`${row.id}.txt`, "text", row.text_dump, withUrl ? row.url : null));
    } catch {
      continue;
    }
    const outlet = outletOf(asResolved(article));
    console.log(`${halfOf(row.id)} ${file.split("-")[0]} ${row.id.slice(0, 16)} ${hostOf(row.url)}: ${outletLabel(outlet)} (${outlet.basis ?? "-"})`);
  }
}
