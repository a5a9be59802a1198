// `npx tsx train/try-html-gate.ts [weights-dir]`: what the HTML article gate (src/clean/rules/article-gate.ts,
// article-gate-html.json in weights-dir, default src/clean/weights/) changes on the dev sets' HTML pages,
// each half apart: the pages it refuses, each with what it scored without the gate (extraction-dev: 4-gram
// F1; webpages-dev: its snippets found; dates-dev: the body's first words), and extraction-dev's and
// webpages-dev's figures with and without it, and how many refused pages had a headline agreeing with the
// page's own (eval:headlines counts a refused page as a wrong headline). Every dev page is an article: a refusal is a loss unless the
// body it stops is not the page's article (train/lib/furniture-pages.ts notArticle). Writes nothing.
// NO_URL=1 cleans the pages without their URL. PAGES=check lists the checking half's refusals too (for the report; never to tune on).
import { fileURLToPath } from "node:url";
import { cleanSource, InputRejected, rulesWith, type CleanRule } from "../src/clean/index.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { AGREES, headlineF1, scoreCorpus, scorePage, scoreSnippets, snippetCorpus, type PageScore, type SnippetCounts } from "../eval/lib/extraction-score.ts";
import { notArticle } from "./lib/furniture-pages.ts";
import { storedModels } from "./lib/stored-models.ts";

const dir = process.argv[2] ?? fileURLToPath(new URL("../src/clean/weights/", import.meta.url));
const stored = storedModels(dir);
const gated = rulesWith(stored);
const ungated = rulesWith({ ...stored, htmlGate: undefined });

const titles = new Map<string, string>();

function body(page: DevPage, rules: readonly CleanRule[]): string | null {
  try {
    const a = cleanSource(devSource(page.id, "html", page.html, process.env.NO_URL === "1" ? null : page.url), rules);
    titles.set(page.id, a.title);
    return a.paragraphs.join("\n\n");
  } catch (e) {
    if (e instanceof InputRejected) return null;
    throw e;
  }
}

const f3 = (x: number) => x.toFixed(3);
const sets = { extraction: loadExtraction(), webpages: loadWebpages(), dates: loadDates() };
for (const half of ["tune", "check"] as const) {
  const lines: string[] = [];
  const summary: string[] = [];
  for (const [name, all] of Object.entries(sets)) {
    const pages = all.filter((p) => p.half === half);
    const scored: { with: (PageScore | SnippetCounts)[]; without: (PageScore | SnippetCounts)[] } = { with: [], without: [] };
    let refused = 0, refusedBefore = 0, furnitureStopped = 0, furnitureLeft = 0, headlinesLost = 0;
    for (const page of pages) {
      const a = body(page, gated), b = body(page, ungated);
      if (a === null && b !== null && headlineF1(titles.get(page.id) ?? "", goldHeadline(page.html)) >= AGREES) headlinesLost++;
      if (b === null) refusedBefore++;
      if (a === null) refused++;
      const furniture = b !== null && name !== "dates" && notArticle(page, b);
      if (furniture && a === null) furnitureStopped++;
      if (a !== null && name !== "dates" && notArticle(page, a)) furnitureLeft++;
      const score = (t: string | null) => (page.truth !== undefined ? scorePage(t ?? "", page.truth) : scoreSnippets(t ?? "", page.with ?? [], page.without ?? []));
      if (name !== "dates") (scored.with.push(score(a)), scored.without.push(score(b)));
      if (a === null && b !== null) {
        const s = score(b);
        const was = name === "dates" ? "" : "f1" in s ? `F1 ${f3(s.f1)}` : `snippets ${s.tp}/${s.tp + s.fn}, unwanted ${s.fp}`;
        lines.push(`  refused ${name} ${page.id.slice(0, 12)} (${was}${furniture ? ", not its article" : ""}): ${b.slice(0, 110).replace(/\n/g, " ")}`);
      }
    }
    const f1 = (list: (PageScore | SnippetCounts)[]) => (name === "extraction" ? scoreCorpus(list as PageScore[]).f1 : snippetCorpus(list as SnippetCounts[]).f1);
    const figures = name === "dates" ? "" : `, F1 ${f3(f1(scored.without))} -> ${f3(f1(scored.with))}`;
    summary.push(`  ${name}: ${pages.length} pages, refused ${refusedBefore} -> ${refused} (right headlines lost ${headlinesLost}); furniture bodies stopped ${furnitureStopped}, still published ${furnitureLeft}${figures}`);
  }
  console.log(`${half === "tune" ? "tuning" : "checking"} half (HTML, ${process.env.NO_URL === "1" ? "without" : "with"} the URL), without the HTML gate -> with it:`);
  console.log(summary.join("\n"));
  if (half === "tune" || process.env.PAGES === "check") console.log(lines.join("\n"));
}
