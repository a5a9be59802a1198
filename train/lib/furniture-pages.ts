// Pages with no article, made from the dev sets' real ones: a page's text dump with its article lines
// taken out leaves its menus, teasers, notices, forms and comments, what a login wall, a consent banner
// or an index page gives the cleaner. The article gate learns from them (train/article-gate.ts) and
// train/try-furniture-bodies.ts counts how often they are published.
import type { DevPage } from "../../eval/lib/clean-corpus.ts";
import { scorePage, scoreSnippets, shingles, tokens } from "../../eval/lib/extraction-score.ts";

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/** Share of the line's 4-gram shingles the body holds. */
function coverOf(line: string, body: Map<string, number>): number {
  let shared = 0, total = 0;
  for (const [k, v] of shingles(line)) (total += v, (shared += Math.min(v, body.get(k) ?? 0)));
  return total ? shared / total : 0;
}

/**
 * Which of the page's lines (a text dump's lines, or an HTML page's blocks) are its article: 1 or 2, else 0.
 * extraction-dev: every line of 4 or more words whose 4-grams the true body holds more than 15% of, and
 * the shorter lines it holds whole next to them; webpages-dev: every line holding a must-have snippet and
 * every line of 8 words or more between the first and the last (its labels are a few snippets: some
 * article lines past them may stay).
 */
export function articleLines(page: DevPage, lines: readonly string[]): Uint8Array {
  const article = new Uint8Array(lines.length);
  if (page.truth !== undefined) {
    const truth = shingles(page.truth);
    const truthTokens = ` ${tokens(page.truth).join(" ").toLowerCase()} `;
    lines.forEach((l, i) => {
      if (tokens(l).length >= 4 && coverOf(l, truth) > 0.15) article[i] = 1;
    });
    lines.forEach((l, i) => {
      const ts = tokens(l);
      if (ts.length > 0 && ts.length < 4 && (article[i - 1] === 1 || article[i + 1] === 1) && truthTokens.includes(` ${ts.join(" ").toLowerCase()} `)) article[i] = 2;
    });
  } else {
    const must = (page.with ?? []).map(collapse).filter(Boolean);
    lines.forEach((l, i) => {
      if (must.some((s) => collapse(l).includes(s))) article[i] = 1;
    });
    const first = article.indexOf(1), last = article.lastIndexOf(1);
    for (let i = first + 1; i < last; i++) if (tokens(lines[i]!).length >= 8) article[i] = 1;
  }
  return article;
}

/** The page's text dump less its article lines (`articleLines`). */
export function strippedDump(page: DevPage): string {
  const lines = page.text.split("\n");
  const article = articleLines(page, lines);
  return lines.filter((_, i) => !article[i]).join("\n");
}

/** A body published for a real page that is not its article: under 20% of its 4-grams in the true body, or none of its must-have snippets. */
export function notArticle(page: DevPage, published: string): boolean {
  if (page.truth !== undefined) return scorePage(published, page.truth).precision < 0.2;
  return (page.with ?? []).length > 0 && scoreSnippets(published, page.with ?? [], []).tp === 0;
}
