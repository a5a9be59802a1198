// hl81: why a text dump's wrong headline pick is wrong, by the first cause that holds. The first two are the gold's
// own (the page's og:title, which the eval reads as the headline, says otherwise than the page shows); the rest are
// the dump's and the pick's. Read by train/try-headline.ts CAUSES=1 over out-of-fold picks.
import { DomUtils, parseDocument } from "htmlparser2";
import { headlineTokens, hostKey, stripSiteName } from "../../src/clean/headline.ts";
import { goldHeadline, shownHeadline } from "../../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../../eval/lib/extraction-score.ts";

export const MISS_CAUSES = [
  "suffix", "og-wording", "absent", "site-label", "not-candidate", "lost: kicker", "lost: standfirst", "lost: above", "lost: below",
] as const;
export type MissCause = (typeof MISS_CAUSES)[number];

export interface Miss {
  /** The page's HTML: its og:title (the gold), og:site_name and first <h1>. */
  html: string;
  url: string | null;
  /** The dump's lines, and the line picked (-1: none). */
  lines: readonly string[];
  pick: number;
  /** The lines of the candidates that agree with the gold. */
  agreeing: readonly number[];
}

const space = (s: string): string => s.replace(/\s+/g, " ").trim();

/** The page's og:site_name, null when it has none. */
function siteNameOf(html: string): string | null {
  const dom = parseDocument(html, { decodeEntities: true });
  const site = DomUtils.findOne((e) => e.name === "meta" && (e.attribs.property ?? e.attribs.name ?? "").toLowerCase() === "og:site_name" && !!space(e.attribs.content ?? ""), dom.children, true);
  return site ? space(site.attribs.content!) : null;
}

/**
 * The cause of a wrong pick, the first that holds:
 *   suffix         the pick agrees with the gold once its site part is off (stripSiteName with og:site_name, the
 *                  host and the page's <h1> as the other statement): the gold differs from the page by " | Site"
 *   og-wording     the page's <h1> disagrees with the gold and the pick agrees with that <h1>
 *   absent         no line of the dump agrees with the gold
 *   site-label     the gold is the site's name (the host) or a label of 1-2 words while the pick has 4+ words
 *   not-candidate  a dump line agrees, no candidate does
 *   lost: …        a candidate agrees and another won, standing 1-2 lines above the nearest agreeing one (kicker),
 *                  1-3 below it (standfirst), further above, or further below
 */
export function missCause(m: Miss): MissCause {
  const gold = goldHeadline(m.html);
  const pick = m.pick >= 0 ? m.lines[m.pick]! : "";
  const h1 = shownHeadline(m.html);
  const siteName = siteNameOf(m.html);
  const stripped = stripSiteName(gold, siteName, hostKey(m.url), h1 ? [h1] : []);
  if (stripped !== gold && headlineF1(pick, stripped) >= AGREES) return "suffix";
  if (h1 && headlineF1(h1, gold) < AGREES && headlineF1(pick, h1) >= AGREES) return "og-wording";
  if (!m.lines.some((l) => headlineF1(l, gold) >= AGREES)) return "absent";
  const words = headlineTokens(gold);
  const host = hostKey(m.url);
  const joined = words.join("");
  const siteGold = !!host && joined.length >= 4 && (joined === host || (words.length <= 3 && (joined.includes(host) || host.includes(joined))));
  if (siteGold || (words.length <= 2 && headlineTokens(pick).length >= 4)) return "site-label";
  if (m.agreeing.length === 0 || m.pick < 0) return "not-candidate";
  const nearest = m.agreeing.reduce((a, b) => (Math.abs(b - m.pick) < Math.abs(a - m.pick) ? b : a));
  const d = nearest - m.pick;
  return d > 0 && d <= 2 ? "lost: kicker" : d < 0 && d >= -3 ? "lost: standfirst" : d > 0 ? "lost: above" : "lost: below";
}
