// `npx tsx train/try-furniture-bodies.ts [weights-dir]`: how often a page's furniture is published as its
// story (issue 8: a banner, login or consent notice must never be; a real article must not be cut), with
// the cleaning weights in weights-dir (default src/clean/weights/), on both halves of extraction-dev and
// webpages-dev, text dumps with and without the URL. Writes nothing. Three counts per half:
//   furniture body: a real page published with a body that is not its article (extraction-dev: under 20%
//                   of the body's 4-grams in the true body; webpages-dev: none of its must-have snippets);
//   refused:        a real page refused (every dev page is an article: each refusal is a loss);
//   stripped kept:  the same page with its article lines taken out (train/lib/furniture-pages.ts): what is
//                   left is the page's furniture, and publishing any of it is publishing furniture.
// PAGES=1 lists the tuning half's pages of each count (never the checking half's: it is for reporting only).
import { fileURLToPath } from "node:url";
import { cleanSource, InputRejected, rulesWith } from "../src/clean/index.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { tokens } from "../eval/lib/extraction-score.ts";
import { notArticle, strippedDump } from "./lib/furniture-pages.ts";
import { storedModels } from "./lib/stored-models.ts";

const dir = process.argv[2] ?? fileURLToPath(new URL("../src/clean/weights/", import.meta.url));
const rules = rulesWith(storedModels(dir));

function body(page: DevPage, text: string, url: string | null): string | null {
  try {
    return cleanSource(devSource(page.id, "text", text, url), rules).paragraphs.join("\n\n");
  } catch (e) {
    if (e instanceof InputRejected) return null;
    throw e;
  }
}

const seen = new Set<string>();
const pages = [...loadExtraction(), ...loadWebpages()].filter((p) => !seen.has(p.id) && seen.add(p.id));
for (const half of ["tune", "check"] as const) {
  for (const withUrl of [true, false]) {
    const list = pages.filter((p) => p.half === half);
    let furniture = 0, refused = 0, strippedKept = 0, strippedPages = 0;
    const shown: string[] = [];
    for (const page of list) {
      const url = withUrl ? page.url : null;
      const real = body(page, page.text, url);
      if (real === null) (refused++, shown.push(`  refused ${page.set} ${page.id.slice(0, 8)}`));
      else if (notArticle(page, real)) (furniture++, shown.push(`  furniture body ${page.set} ${page.id.slice(0, 8)}: ${real.slice(0, 100).replace(/\n/g, " ")}`));
      const stripped = strippedDump(page);
      if (tokens(stripped).length === 0) continue;
      strippedPages++;
      const kept = body(page, stripped, url);
      if (kept !== null) (strippedKept++, shown.push(`  stripped kept ${page.set} ${page.id.slice(0, 8)}: ${kept.slice(0, 100).replace(/\n/g, " ")}`));
    }
    console.log(`${half === "tune" ? "tuning" : "checking"} half, ${withUrl ? "with URL" : "without URL"}: ${list.length} pages; furniture body ${furniture}, refused ${refused}; stripped pages ${strippedPages}, published ${strippedKept}`);
    if (process.env.PAGES === "1" && half === "tune") console.log(shown.join("\n"));
  }
}
