// `npx tsx train/try-headline-errors.ts`: why the shipped text-dump headline misses, by class, on both
// halves (with and without the URL), and the ceiling the dump itself sets. Writes nothing. Lists the
// tuning half's misses (SHOW=1); the checking half only as counts (it is not looked at to tune).
// A miss falls in the first class that holds:
//   no article        the body was not found: no headline is given
//   absent            no line of the dump agrees with the gold headline (ceiling)
//   split             only two adjacent lines together agree (ceiling for a one-line pick)
//   og-not-visible    the gold is og:title, the page has an <h1> that does not agree with it, and the
//                     pick agrees with that <h1> (the visible headline was found; the label differs)
//   site-label        the gold is the site's name (it matches the host) or a label of 1-2 words (a
//                     section or page-type name: "Pressemitteilungen") while the pick has 4+ words
//   not-candidate     a line agrees but none is a candidate: outside the window around the body's
//                     anchor (`window`) or turned away by the hard rules / its drop (`filtered`)
//   kicker-won        the pick stands 1-2 lines above the nearest agreeing candidate
//   standfirst-won    the pick stands 1-3 lines below it
//   second            another line won, the agreeing candidate ranked second
//   far-won           another line won, the agreeing candidate ranked third or lower (a teaser, a
//                     menu, another story; often the body was located wrong)
// Under each half's classes: how many of the misses pick the page's visible <h1> (another text than the og:title
// gold: the headline a reader of the page sees), by class (stop 58).
import { DomUtils, parseDocument } from "htmlparser2";
import { bodyAnchor, cannotBeHeadline } from "../src/clean/headline-features.ts";
import { headlineChoices, headlineScores } from "../src/clean/headline-model.ts";
import { hostKey, headlineTokens } from "../src/clean/headline.ts";
import { goldHeadline, shownHeadline, loadDates, loadExtraction, loadWebpages, type DevPage, distinctPages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";

type Class = "ok" | "no article" | "absent" | "split" | "og-not-visible" | "site-label" | "not-candidate window" | "not-candidate filtered" | "kicker-won" | "standfirst-won" | "second" | "far-won";

const space = (s: string): string => s.replace(/\s+/g, " ").trim();

function hasOg(html: string): { og: boolean; h1: string } {
  const dom = parseDocument(html, { decodeEntities: true });
  const og = DomUtils.findOne((e) => e.name === "meta" && (e.attribs.property ?? e.attribs.name ?? "").toLowerCase() === "og:title" && !!space(e.attribs.content ?? ""), dom.children, true);
  const h1 = DomUtils.findOne((e) => e.name === "h1" && !!space(DomUtils.textContent(e)), dom.children, true);
  return { og: !!og, h1: h1 ? space(DomUtils.textContent(h1)) : "" };
}

interface Verdict {
  cls: Class;
  got: string;
  gotLine: number;
  right: number[];
  anchor: number;
  /** The dump holds the gold in one line / in a candidate. */
  inDump: boolean;
  inCandidates: boolean;
}

function classify(page: DevPage, url: string | null, gold: string): Verdict {
  const doc = headlineDoc(page, url);
  const right = doc.lines.flatMap((l, i) => (headlineF1(l.text, gold) >= AGREES ? [i] : []));
  const got = doc.title >= 0 ? doc.lines[doc.title]!.text : "";
  const base = { got, gotLine: doc.title, right, anchor: doc.noArticle ? -1 : bodyAnchor(doc), inDump: right.length > 0, inCandidates: false };
  if (headlineF1(got, gold) >= AGREES) return { cls: "ok", ...base, inCandidates: true };
  if (doc.noArticle) return { cls: "no article", ...base };
  const candidates = doc.noArticle ? [] : headlineChoices(doc);
  const reachable = right.filter((i) => candidates.some((c) => c.index === i));
  base.inCandidates = reachable.length > 0;
  if (right.length === 0) {
    const split = doc.lines.some((l, i) => i + 1 < doc.lines.length && headlineF1(`${l.text} ${doc.lines[i + 1]!.text}`, gold) >= AGREES);
    return { cls: split ? "split" : "absent", ...base };
  }
  const { og, h1 } = hasOg(page.html);
  if (og && h1 && headlineF1(h1, gold) < AGREES && headlineF1(got, h1) >= AGREES) return { cls: "og-not-visible", ...base };
  const g = headlineTokens(gold);
  const host = hostKey(page.url);
  const joined = g.join("");
  const siteGold = !!host && joined.length >= 4 && (joined === host || (g.length <= 3 && (joined.includes(host) || host.includes(joined))));
  if (siteGold || (g.length <= 2 && headlineTokens(got).length >= 4)) return { cls: "site-label", ...base };
  if (reachable.length === 0) {
    const filtered = right.some((i) => cannotBeHeadline(doc.lines[i]!) || (doc.lines[i]!.drop !== null && !["page-header", "locate-article", "page-footer", "photo-caption"].includes(doc.lines[i]!.drop!)));
    const anchor = base.anchor;
    const inWindow = right.some((i) => i >= Math.min(anchor, doc.start) - 100 && i < anchor + 20);
    return { cls: filtered && inWindow ? "not-candidate filtered" : "not-candidate window", ...base };
  }
  const nearest = reachable.reduce((a, b) => (Math.abs(b - doc.title) < Math.abs(a - doc.title) ? b : a));
  const d = nearest - doc.title;
  if (d > 0 && d <= 2) return { cls: "kicker-won", ...base };
  if (d < 0 && d >= -3) return { cls: "standfirst-won", ...base };
  const scores = headlineScores(doc, candidates);
  const order = scores.map((s, k) => [s, k] as const).sort((a, b) => b[0] - a[0]).map(([, k]) => candidates[k]!.index);
  const rank = Math.min(...reachable.map((i) => order.indexOf(i)));
  return { cls: rank === 1 ? "second" : "far-won", ...base };
}

const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
const CLASSES: Class[] = ["no article", "absent", "split", "og-not-visible", "site-label", "not-candidate window", "not-candidate filtered", "kicker-won", "standfirst-won", "second", "far-won"];
for (const withUrl of [true, false]) {
  const counts = { tune: new Map<Class, number>(), check: new Map<Class, number>() };
  const totals = { tune: 0, check: 0 }, inDump = { tune: 0, check: 0 }, inCand = { tune: 0, check: 0 }, ok = { tune: 0, check: 0 };
  const shown: string[] = [];
  const shownH1 = { tune: new Map<Class, number>(), check: new Map<Class, number>() };
  for (const page of pages) {
    const gold = goldHeadline(page.html);
    if (!gold) continue;
    const h = page.half as "tune" | "check";
    const v = classify(page, withUrl ? page.url : null, gold);
    totals[h]++;
    if (v.inDump) inDump[h]++;
    if (v.inCandidates) inCand[h]++;
    if (v.cls === "ok") {
      ok[h]++;
      continue;
    }
    counts[h].set(v.cls, (counts[h].get(v.cls) ?? 0) + 1);
    // Stop 58: the misses whose pick is the page's visible <h1> (another text than the og:title gold), by class.
    const h1 = shownHeadline(page.html);
    if (h1 && headlineF1(v.got, h1) >= AGREES) shownH1[h].set(v.cls, (shownH1[h].get(v.cls) ?? 0) + 1);
    if (h === "tune") shown.push(`  [${v.cls}] ${page.set} ${page.id} ${page.url ?? ""}\n      got ${JSON.stringify(v.got.slice(0, 80))} (line ${v.gotLine}), gold ${JSON.stringify(gold.slice(0, 80))}${v.right.length ? ` (line ${v.right.slice(0, 3).join(", ")})` : ""}; body at ${v.anchor}`);
  }
  const pct = (k: number, n: number): string => `${((100 * k) / n).toFixed(1)}% (${k}/${n})`;
  console.log(`\ntext dumps ${withUrl ? "with" : "without"} the URL:`);
  for (const h of ["tune", "check"] as const) {
    console.log(`  ${h}: agree ${pct(ok[h], totals[h])}; gold in one line of the dump (ceiling) ${pct(inDump[h], totals[h])}; in a candidate or picked ${pct(inCand[h], totals[h])}`);
    console.log(`    misses: ${CLASSES.map((c) => `${c} ${counts[h].get(c) ?? 0}`).join("; ")}`);
    const h1Misses = [...shownH1[h].values()].reduce((a, b) => a + b, 0);
    console.log(`    of them the pick is the page's visible <h1>: ${h1Misses} (${CLASSES.flatMap((c) => (shownH1[h].get(c) ? [`${c} ${shownH1[h].get(c)}`] : [])).join("; ")})`);
  }
  if (process.env.SHOW) console.log(shown.join("\n"));
}
