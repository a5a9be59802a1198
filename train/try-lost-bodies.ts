// `npx tsx train/try-lost-bodies.ts`: the pages whose article the cleaner loses whole (cl48, issue 8): on
// the TUNING half of extraction-dev and webpages-dev, text dumps and HTML, with the committed weights, the
// inputs refused outright or whose body keeps at most a fifth of the gold (extraction: 4-gram recall;
// webpages: must-have snippets found) while the input holds the article. For each, why: the refusal's
// rule, or the rule that dropped each lost article line (locate-article's cut, page-header/-footer: the
// run located elsewhere, a context rule) with the line's block score, and the article gate's probability.
// HALF=check for the counts only (never the checking half's pages: reporting only). URL=0 without URLs.
// Stop 48 (cl48, after qa47's German "Hope!" page refused as furniture; load 10-16). Pages lost, recall <= 0.2
// or refused, committed weights (tuning: 21 extraction + 175 webpages pages; checking: 40 + 171):
//   with URL     tuning 5 (webpages text 3, HTML 2), refused 0     checking 17 (webpages text 10, HTML 6,
//                extraction HTML 1), refused 2 (one by locate-article's core, one by the article gate)
//   without URL  tuning 6 (text 4, HTML 2), refused 0               checking 17, refused 2 (the same)
// try-furniture-bodies (text dumps): tuning furniture body 3, refused 0 (with and without URL); checking 7 and 3.
// The article gate's probability on every real tuning page published (text dumps, extraction- webpages-
// and dates-dev, with / without URL: 359 + 359): none under its threshold (0.01634; by construction, the
// threshold sits under the lowest out-of-fold real article), 0 / 1 under twice it, 2 / 3 under five times;
// checking (381 + 381): 1 / 1 refused (the "Hope!" page), 1 / 1 under twice, 6 / 6 under five times.
// locate-article refuses 1 dates-dev tuning page (try-refusals' 73b830c7), none of extraction / webpages.
// So the class the brief named (an article refused as furniture: a short title, a foreign page, a short
// article taken for a banner) does not show on the tuning half: 0 refusals in 196 labelled pages, and the
// tuning pages stand further above the gate's threshold than the checking ones (as its choice makes them).
// Measured and dropped: nothing to learn a change from without designing on the checking page (a lower
// gate threshold, a margin under it, would be that). A gap between the halves to report: 5 lost (4 after
// the fix below) and 0 refused of 196 tuning pages, against 17 and 2 of 211 checking pages. The tuning
// losses are located wrong, each its own way: 25b80b3f (a paper's abstract above, the run on its 240-line reference
// list), 6f4843b4 (a blog post scoring -0.9..-0.4, the run on the comment form under it), c806dc39 (a
// school curriculum of 1,978 table lines), f956b46c HTML (a 23-block page: an "outdated browser" notice,
// 54 words at 4.8, wins the run over a short news item at -0.1..1.2), and fb251ea8 HTML: the one general
// cause, find-headline's cut (train/try-headline-cut.ts), fixed in src/clean/rules/title.ts.
// Stop 68 (tx68; load 2-5): the tuning half's hand-labelled bodies (train/labels) are gold where they exist, a
// thin-body warning flags a page whatever its recall, PATHS=text / SETS=extraction pick the inputs, and a body lost
// outside the run says why the growth stopped (edgeCause). `HALF=tune|check PATHS=text CUT=0.5`, committed weights:
//   tune  9 text pages (webpages 9, extraction 0; 1 thin warning): page-header 6 (run elsewhere 2: 5742e219,
//         980789b1; growth stopped at a stretch of furniture 3: 25b80b3f, 6f4843b4, fca12c56), page-footer 2
//         (repeated separators: 035f6342, a slideshow's "Image credit" / "Agencies" under every slide; a
//         furniture-shaped line: 9e09eed6, a listicle's "Tageskarte …: 34 € | Hier geht's zu …" info row scoring
//         2.5 counts against the run), inner cut 2 (8a627272's product captions, c806dc39 a curriculum table).
//   check 15 (webpages 14, extraction 1; 4 thin warnings): inner cut 5, refused 2, kept short 2, page-footer 3
//         (run elsewhere 1, a stretch 2), page-header 3 (run elsewhere 1, a stretch 1, none outside 1).
//   Extraction-dev: 0 tuning pages under .7 recall, 2 checking pages (both the inner cut): a gap between halves.
import { prepare, defaultRules } from "../src/clean/index.ts";
import { finish } from "../src/clean/text.ts";
import { articleGateModel, articleGateRow, gateProbability } from "../src/clean/rules/article-gate.ts";
import { logit } from "../src/model/logistic.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { scorePage, scoreSnippets } from "../eval/lib/extraction-score.ts";
import { handTruths } from "./lib/hand-bodies.ts";
import { lineKind } from "../src/clean/rules/context.ts";
import type { TextDoc } from "../src/clean/doc.ts";

const half = process.env.HALF === "check" ? "check" : "tune";
const withUrl = process.env.URL !== "0";
const CUT = Number(process.env.CUT ?? "0.2");
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const PATHS = (process.env.PATHS ?? "text,html").split(",");
const counts: Record<string, number> = {};
const causes: Record<string, number> = {};
const SETS = (process.env.SETS ?? "extraction,webpages").split(",");
const pages = [...(SETS.includes("extraction") ? loadExtraction() : []), ...(SETS.includes("webpages") ? loadWebpages() : [])].filter((p: DevPage) => p.half === half);
// tx68: the tuning half's hand-labelled webpages-dev bodies (train/labels, tx61 / tx63) as gold where they exist:
// 4-gram recall against the whole body, where a page's two or three snippets see one line each. None on checking.
const hand = half === "tune" ? handTruths(pages) : new Map<string, string>();
let thin = 0;
for (const page of pages) {
  for (const path of PATHS as ("text" | "html")[]) {
    const input = path === "html" ? page.html : page.text;
    const truth = page.truth ?? hand.get(page.id);
    const recallOf = (out: string): number => {
      if (truth !== undefined) return scorePage(out, truth).recall;
      const s = scoreSnippets(out, page.with ?? [], page.without ?? []);
      return s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    };
    // The input must hold the article: the whole text dump finds it (HTML: its dump stands in).
    if ((page.with ?? [1]).length === 0 || recallOf(page.text) < 0.5) continue;
    const { doc, articleBody } = prepare(devSource(page.id, path, input, withUrl ? page.url : null));
    let gate = "";
    let located: [number, number] = [0, 0];
    for (const rule of defaultRules) {
      if (rule.name === "article-gate") {
        const x = articleGateRow(doc);
        if (x) gate = ` gate p ${(gateProbability(articleGateModel(), x)).toFixed(3)} (threshold ${articleGateModel().threshold})`;
      }
      rule.apply(doc);
      if (rule.name === "locate-article") located = [doc.start, doc.end];
    }
    const result = finish(doc);
    const body = result.paragraphs.join("\n\n");
    const recall = recallOf(body);
    // tx68: a thin-body warning ("kept only N words of a page of M") flags the page whatever its recall.
    const isThin = result.messages.some((m) => m.text.startsWith("kept only"));
    if (isThin) thin++;
    if (!result.rejected && recall > CUT && !isThin) continue;
    const key = `${page.set} ${path}`;
    counts[key] = (counts[key] ?? 0) + 1;
    const lost: string[] = [];
    const articleLines: number[] = [];
    const by: Record<string, number> = {};
    for (let i = 0; i < doc.lines.length; i++) {
      const l = doc.lines[i]!;
      const text = collapse(l.text);
      const isArticle = truth !== undefined ? l.words >= 4 && collapse(truth).includes(text) : (page.with ?? []).some((w) => text.includes(collapse(w)));
      if (!isArticle) continue;
      articleLines.push(i);
      if (l.drop === null) continue;
      by[l.drop] = (by[l.drop] ?? 0) + 1;
      lost.push(`      [${l.drop} ${doc.scores ? doc.scores[i]!.toFixed(2) : "-"}] ${text.slice(0, 90)}`);
    }
    const first = Object.entries(by).sort((a, b) => b[1] - a[1])[0]?.[0];
    const edge = first === "page-footer" || first === "page-header" ? ` (${edgeCause(doc, located, first, articleLines)})` : "";
    const cause = result.rejected ? `refused: ${result.rejected.slice(0, 60)}` : first ? first + edge : "kept (short)";
    causes[cause] = (causes[cause] ?? 0) + 1;
    if (half !== "tune") continue;
    console.log(`${key} ${page.id.slice(0, 16)} recall ${recall.toFixed(2)} lines ${doc.lines.length} run ${doc.start}-${doc.end}${gate}${articleBody ? " (has articleBody)" : ""}: ${cause}`);
    console.log(`    kept: ${body.slice(0, 140).replace(/\n/g, " | ")}`);
    console.log(lost.slice(0, 8).join("\n"));
  }
}
console.log(`${half} half, ${withUrl ? "with" : "without"} URL, recall <= ${CUT}, refused or a thin-body warning (${thin}):`, counts, causes);

/**
 * tx68: why the run's growth did not reach the article lines outside it (the nearest one past the run's edge):
 * the stretch between holds a line of furniture shape scoring above 0 (it counts against the run whatever its
 * score, rules/locate.ts furnitureShaped), or is mostly lines the page prints 3+ times (an image credit under every
 * slide, an embed's placeholder under every section), or is a plain stretch of furniture; "run elsewhere" when
 * the nearest article line lies 30+ lines from the run.
 */
function edgeCause(doc: TextDoc, [start, end]: [number, number], side: "page-footer" | "page-header", article: number[]): string {
  const outside = side === "page-footer" ? article.filter((i) => i >= end) : article.filter((i) => i < start);
  if (outside.length === 0) return "none outside";
  const [from, to] = side === "page-footer" ? [end, Math.min(...outside)] : [Math.max(...outside) + 1, start];
  if (to - from >= 30) return "run elsewhere";
  let shaped = 0, repeated = 0, lines = 0;
  for (let i = from; i < to; i++) {
    const l = doc.lines[i]!;
    // Only the lines that cost the growth: the article's own weaker lines between two lost ones do not.
    if (l.words === 0 || (doc.scores?.[i] ?? -1) >= 0) continue;
    lines++;
    if (l.repeats >= 3) repeated++;
  }
  // The nearest article line itself may be the one of furniture shape.
  const [lo, hi] = side === "page-footer" ? [from, to] : [from - 1, to - 1];
  for (let i = lo; i <= hi; i++) if (doc.origin === "text" && lineKind(doc.lines[i]!) === "bad" && (doc.scores?.[i] ?? -1) > 0) shaped++;
  if (shaped > 0) return "growth stopped at a furniture-shaped line";
  if (lines > 0 && repeated * 2 >= lines) return "growth stopped at repeated separators";
  return "growth stopped at a stretch of furniture";
}
