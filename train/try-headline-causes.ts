// `npx tsx train/try-headline-causes.ts`: the TUNING half's text-dump headline misses (committed models, with and
// without the URL) grouped by cause, finer than try-headline-errors.ts: gold odd (the <h1> disagrees with og:title and
// the pick agrees with the <h1>; or the gold is only the site's name or a label of 1-2 words), cut or joined (a line
// holds the gold's words with others around them, or the pick is a part of the gold), no candidate (the gold is in the
// dump but no candidate agrees), wrong line chosen (by kind of the winner: standfirst = 1-3 lines under the agreeing
// candidate; kicker = 1-2 above; label = 1-3 words; top = the page's first 3 lines; teaser = elsewhere). The checking
// half only as counts. Writes nothing. VERBOSE=1 lists each tuning miss; PLACE=1 splits the far wrong lines by where the
// agreeing candidate and the pick stand against the body's anchor.
// Stop 50 (hl50), committed models (eval:headlines' pages: text 84.6 · 83.9, no URL 76.4 · 71.4), tuning / checking:
//                                       with the URL   without
//   gold odd: og:title, pick = <h1>        13 / 7       11 / 10
//   gold odd: site name or label            8 / 13       7 / 15
//   absent (no line agrees)                 3 / 3        5 / 4
//   cut/joined: gold inside a longer line   2 / 0        2 / 0   (both gold odd on a look)
//   no article                              1 / 3        1 / 3
//   no candidate agrees                     4 / 7        4 / 7
//   wrong: standfirst/subtitle under it     1 / 3       13 / 7   (without the URL 11 / 7 of them end without a stop)
//   wrong: kicker above it                  2 / 0        5 / 8
//   wrong: label (1-3 words)                1 / 0        1 / 2
//   wrong: top of page (tagline)            0 / 0        1 / 0
//   wrong: teaser/other line above/below    4 / 8       10 / 22
// With the URL half the misses are the gold's (a text dump cannot know an og:title the page does not show): leaving
// those pages out, the text dumps agree on 92.3% (215/233) of the tuning and 90.5% (229/253) of the checking pages.
// The trials this grouping led to (a stopless deck, the anchor line's shape): train/try-headline.ts, stop 50.
// Stop 52 (hl52): run again on the same committed models, every count above unchanged (eval:headlines text 84.6 · 83.9,
// no URL 76.4 · 71.4, HTML 97.6 · 96.3, furniture 0). The tuning misses read by eye (VERBOSE=1, try-headline-show.ts):
// of the 7 tuning pages with an agreeing line that is no candidate (3 of them counted above as gold odd), 4 have it
// outside the window (far above the anchor or below it: bodies located on a menu, a teaser list or another story, the
// block side) and 3 behind a hard rule ("17:04 …" in a news ticker, the "WoB 14.-20. Januar" date line, a 2-word site
// label); the wrong lines without the URL are decks without a stop under a shorter
// headline, kickers, quotes set above the headline and teaser-list lines, several on pages whose headline is printed
// again after the body (share row, footer): stop 52's trials (try-headline.ts) of those signals gain nothing.
import { DomUtils, parseDocument } from "htmlparser2";
import { headlineChoices } from "../src/clean/headline-model.ts";
import { bodyAnchor } from "../src/clean/headline-features.ts";
import { headlineTokens, hostKey } from "../src/clean/headline.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, type DevPage, distinctPages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";

const space = (s: string): string => s.replace(/\s+/g, " ").trim();

function h1Of(html: string): string {
  const dom = parseDocument(html, { decodeEntities: true });
  const h1 = DomUtils.findOne((e) => e.name === "h1" && !!space(DomUtils.textContent(e)), dom.children, true);
  return h1 ? space(DomUtils.textContent(h1)) : "";
}

/** Share of `part`'s tokens `whole` holds (multiset). */
function cover(part: string, whole: string): number {
  const p = headlineTokens(part), w = headlineTokens(whole);
  if (p.length === 0) return 0;
  const rest = w.slice();
  let k = 0;
  for (const t of p) {
    const i = rest.indexOf(t);
    if (i >= 0) (k++, rest.splice(i, 1));
  }
  return k / p.length;
}

function cause(page: DevPage, url: string | null, gold: string): string {
  const doc = headlineDoc(page, url);
  const got = doc.title >= 0 ? doc.lines[doc.title]!.text : "";
  if (headlineF1(got, gold) >= AGREES) return "ok";
  if (doc.noArticle) return "no article";
  const h1 = h1Of(page.html);
  if (h1 && headlineF1(h1, gold) < AGREES && got && headlineF1(got, h1) >= AGREES) return "gold odd: og:title, pick = <h1>";
  const g = headlineTokens(gold);
  const host = hostKey(page.url);
  const joined = g.join("");
  if ((host && joined.length >= 4 && (joined === host || (g.length <= 3 && (joined.includes(host) || host.includes(joined))))) || g.length <= 2) return "gold odd: site name or label";
  const right = doc.lines.flatMap((l, i) => (headlineF1(l.text, gold) >= AGREES ? [i] : []));
  if (right.length === 0) {
    if (doc.lines.some((l) => cover(gold, l.text) >= 0.8)) return "cut/joined: gold inside a longer line";
    if (got && cover(got, gold) >= 0.8) return "cut/joined: pick is part of the gold";
    return "absent (no line agrees)";
  }
  const cands = headlineChoices(doc);
  const reach = right.filter((i) => cands.some((c) => c.index === i));
  if (reach.length === 0) return "no candidate agrees";
  const near = reach.reduce((a, b) => (Math.abs(b - doc.title) < Math.abs(a - doc.title) ? b : a));
  const d = doc.title - near;
  const w = doc.lines[doc.title]!.words;
  if (d >= 1 && d <= 3) return `wrong: standfirst/subtitle under it${/[.!?"“”»]$/.test(got.trim()) ? " (sentence)" : " (no stop)"}`;
  if (d <= -1 && d >= -2) return "wrong: kicker above it";
  if (process.env.PLACE && (d > 3 || d < -2)) {
    const a = bodyAnchor(doc);
    const g0 = reach.reduce((x, y) => (Math.abs(y - a) < Math.abs(x - a) ? y : x));
    const da = a - g0;
    return `wrong (far): gold ${da > 20 ? ">20 above" : da > 0 ? "1-20 above" : da === 0 ? "at" : "below"} the anchor, pick ${doc.title < a ? "above" : doc.title === a ? "at" : "below"} it`;
  }
  if (w <= 3) return "wrong: label (1-3 words)";
  if (doc.title <= 2) return "wrong: top of page (tagline)";
  return `wrong: teaser/other line ${d > 0 ? "below" : "above"}`;
}

const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
for (const withUrl of [true, false]) {
  const counts = { tune: new Map<string, number>(), check: new Map<string, number>() };
  const listed: string[] = [];
  for (const page of pages) {
    const gold = goldHeadline(page.html);
    if (!gold) continue;
    const h = page.half as "tune" | "check";
    const c = cause(page, withUrl ? page.url : null, gold);
    counts[h].set(c, (counts[h].get(c) ?? 0) + 1);
    if (h === "tune" && c !== "ok") listed.push(`  [${c}] ${page.id.slice(0, 16)} ${JSON.stringify(gold.slice(0, 70))}`);
  }
  console.log(`\ntext dumps ${withUrl ? "with" : "without"} the URL (tune / check):`);
  const keys = [...new Set([...counts.tune.keys(), ...counts.check.keys()])].sort();
  for (const k of keys) console.log(`  ${k.padEnd(44)} ${String(counts.tune.get(k) ?? 0).padStart(4)} ${String(counts.check.get(k) ?? 0).padStart(4)}`);
  if (process.env.VERBOSE) console.log(listed.sort().join("\n"));
}
