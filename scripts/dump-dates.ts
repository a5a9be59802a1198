// npx tsx scripts/dump-dates.ts [--bench DIR] > dump.txt: one line per input (dates-dev HTML and text
// dumps, and the bench's text files when given) with everything the date stage decided: the article's
// own date and its source, its whole evidence record, and (for the dev pages) a hash of every visible
// date's features and probability, so that a speed change can be shown to leave dating byte-identical.
import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ownDate } from "../src/date/index.ts";
import { scanOf } from "../src/date/evidence.ts";
import { shippedModel, weighDates } from "../src/date/model.ts";
import { urlDate } from "../src/date/url.ts";
import { dateInputs } from "./dates-inputs.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { bench: { type: "string" }, corpus: { type: "string", default: resolve(root, "../shared/corpus") } } });

for (const input of dateInputs(values.corpus, values.bench ?? null)) {
  const a = input.article;
  if (!a) {
    console.log(`${input.group} ${input.id} clean-error ${JSON.stringify(input.error)}`);
    continue;
  }
  const own = ownDate(a, "UTC");
  let weighed = "";
  if (input.group !== "bench-text") {
    const kind = input.group === "dates-html" ? "html" : "text";
    const scan = scanOf(a, kind);
    const w = weighDates(scan, urlDate(a.meta.url), shippedModel(kind));
    const all = JSON.stringify({ structured: scan.structured, bad: scan.bad, years: [...scan.years], lang: scan.lang, w: w.map((x) => [x.mention, x.day, x.features, x.probability]) });
    weighed = ` scan=${createHash("sha256").update(all).digest("hex").slice(0, 16)} visible=${scan.visible.length} structured=${scan.structured.length}`;
  }
  console.log(`${input.group} ${input.id} ${own.date ?? "-"} ${own.dateSource ?? "-"}${weighed} ${JSON.stringify(own.evidence)}`);
}
