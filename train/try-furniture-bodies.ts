// `npx tsx train/try-furniture-bodies.ts [weights-dir]`: how often a page's furniture is published as its
// story (issue 8: a banner, login or consent notice must never be; a real article must not be cut), with
// the cleaning weights in weights-dir (default src/clean/weights/), on both halves of extraction-dev and
// webpages-dev, text dumps (INPUT=html: HTML pages) with and without the URL. NO_GATE=1 cleans without the
// article gate of that path. Writes nothing. Three counts per half:
//   furniture body: a real page published with a body that is not its article (extraction-dev: under 20%
//                   of the body's 4-grams in the true body; webpages-dev: none of its must-have snippets);
//   refused:        a real page refused (every dev page is an article: each refusal is a loss);
//   stripped kept:  the same page with its article lines taken out (train/lib/furniture-pages.ts; HTML:
//                   its article blocks taken out of its blocks): what is left is the page's furniture,
//                   and publishing any of it is publishing furniture.
// PAGES=1 lists the tuning half's pages of each count (never the checking half's: it is for reporting only).
import { fileURLToPath } from "node:url";
import { cleanSource, InputRejected, rulesWith } from "../src/clean/index.ts";
import { cleanDoc } from "../src/clean/text.ts";
import { loadExtraction, loadWebpages, type DevPage, distinctPages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { tokens } from "../eval/lib/extraction-score.ts";
import { notArticle, strippedDump } from "./lib/furniture-pages.ts";
import { strippedHtml } from "./article-gate.ts";
import { storedModels } from "./lib/stored-models.ts";

const dir = process.argv[2] ?? fileURLToPath(new URL("../src/clean/weights/", import.meta.url));
const html = process.env.INPUT === "html";
const rules = rulesWith(storedModels(dir)).filter((r) => process.env.NO_GATE !== "1" || r.name !== "article-gate");
const before = rules.findIndex((r) => r.name === "locate-article");

function body(page: DevPage, text: string, url: string | null): string | null {
  try {
    return cleanSource(devSource(page.id, html ? "html" : "text", text, url), rules).paragraphs.join("\n\n");
  } catch (e) {
    if (e instanceof InputRejected) return null;
    throw e;
  }
}

/** The HTML page less its article blocks, cleaned by the rest of the rules (null: refused, or nothing left). */
function strippedHtmlBody(page: DevPage, url: string | null): string | null | undefined {
  const doc = strippedHtml(page, url);
  if (!doc) return undefined;
  const r = cleanDoc(doc, rules.slice(before));
  return r.rejected ? null : r.paragraphs.join("\n\n");
}

const pages = distinctPages(loadExtraction(), loadWebpages());
for (const half of ["tune", "check"] as const) {
  for (const withUrl of [true, false]) {
    const list = pages.filter((p) => p.half === half);
    let furniture = 0, refused = 0, strippedKept = 0, strippedPages = 0, strippedStories = 0;
    const shown: string[] = [];
    for (const page of list) {
      const url = withUrl ? page.url : null;
      const real = body(page, html ? page.html : page.text, url);
      if (real === null) (refused++, shown.push(`  refused ${page.set} ${page.id.slice(0, 8)}`));
      else if (notArticle(page, real)) (furniture++, shown.push(`  furniture body ${page.set} ${page.id.slice(0, 8)}: ${real.slice(0, 100).replace(/\n/g, " ")}`));
      let kept: string | null;
      if (html) {
        const k = strippedHtmlBody(page, url);
        if (k === undefined) continue;
        kept = k;
      } else {
        const stripped = strippedDump(page);
        if (tokens(stripped).length === 0) continue;
        kept = body(page, stripped, url);
      }
      strippedPages++;
      // What a build publishes: a body of 15 words or more (src/pipeline/article.ts refuses shorter ones).
      if (kept !== null && tokens(kept).length >= 15) strippedStories++;
      if (kept !== null) (strippedKept++, shown.push(`  stripped kept ${page.set} ${page.id.slice(0, 8)}: ${kept.slice(0, 100).replace(/\n/g, " ")}`));
    }
    console.log(`${half === "tune" ? "tuning" : "checking"} half, ${withUrl ? "with URL" : "without URL"}: ${list.length} pages; furniture body ${furniture}, refused ${refused}; stripped pages ${strippedPages}, published ${strippedKept} (15 words or more: ${strippedStories})`);
    if (process.env.PAGES === "1" && half === "tune") console.log(shown.join("\n"));
  }
}
