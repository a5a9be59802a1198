// `npx tsx train/try-refusals.ts`: which text dumps the cleaner refuses (no block read as article text),
// on pages that are all articles: dates-dev's TUNING half (htmldate's evaluation pages, news and blog
// posts; the block models never trained on them, so the committed models judge them as unseen pages),
// beside the HTML path's verdict on the same page and the best block score of the dump. A refusal the
// HTML path does not share is a likely wrong refusal. Writes nothing. HALF=check for the counts only.
// Stop 38 (tx39): tuning 164 pages, 1 text dump refused (73b830c7, 15 lines, best block -0.13; the HTML path
// keeps 278 words), checking 174 pages, 2 refused (the HTML path refuses both too). With extraction-dev's and
// webpages-dev's tuning halves (0 of 196 refused, try-start-errors), one tuning refusal in 360 pages: too
// few to learn a refusal rule from. Every refusal seen comes from the core (no line scoring above 0), not
// from the `article` floor (-4): the floor is below every refused page's best block.
import { blockModels, scoreBlocks } from "../src/clean/block-model.ts";
import { cleanSource, InputRejected } from "../src/clean/index.ts";
import { loadDates } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { prepared } from "./lib/clean-items.ts";

const half = process.env.HALF === "check" ? "check" : "tune";
const pages = loadDates().filter((p) => p.half === half);
const models = blockModels(false);
let refused = 0, both = 0, scoredAbove = 0;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
for (const page of pages) {
  const body = (path: "text" | "html"): string | null => {
    try {
      return cleanSource(devSource(page.id, path, path === "html" ? page.html : page.text, page.url)).paragraphs.join("\n\n");
    } catch (e) {
      if (e instanceof InputRejected) return null;
      throw e;
    }
  };
  const text = body("text");
  if (text !== null) continue;
  refused++;
  const html = body("html");
  if (html === null) both++;
  const doc = prepared(page, "text");
  let best = -Infinity;
  if (doc) for (const s of scoreBlocks(doc, models).score) best = Math.max(best, s);
  if (best > models.decode.article) scoredAbove++;
  if (half === "tune") console.log(`  ${page.id.slice(0, 8)} lines ${doc?.lines.length ?? 0} best block ${best.toFixed(2)}; HTML path ${html === null ? "refuses too" : `keeps ${words(html)} words: ${html.slice(0, 90).replace(/\n/g, " ")}`}`);
}
console.log(`dates-dev ${half} half: ${pages.length} pages, text dumps refused ${refused} (HTML refuses too ${both}); refused with a block above the article floor ${models.decode.article}: ${scoredAbove}`);
