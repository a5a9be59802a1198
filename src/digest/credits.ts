import type { ResolvedArticle, Story } from "../types.ts";

export interface Credit {
  name: string;
  url: string | null;
  path: string;
  /** True when `name` is an outlet (its stated source or its site's host), not a stand-in headline or path. */
  known: boolean;
}

/** Who published an article: the outlet when known, else the site's host name, else its headline. */
export function creditOf(article: ResolvedArticle): Credit {
  const host = hostOf(article.meta.url);
  const outlet = article.meta.source?.trim() || host;
  const name = outlet ?? (article.title ? `“${article.title}”` : article.path);
  return { name, url: article.meta.url, path: article.path, known: outlet !== null };
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** One credit per outlet, in the order of the story's members. */
export function storyCredits(story: Story): Credit[] {
  const seen = new Set<string>();
  const out: Credit[] = [];
  for (const m of story.members) {
    const c = creditOf(m);
    const key = c.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** Up to this many credits are listed in full; beyond it the first few are shown and the rest grouped. */
export const MAX_LISTED_CREDITS = 5;
export const SHOWN_WHEN_GROUPED = 3;

export interface CreditGroups<T> {
  shown: T[];
  /** Credits behind an "and N other outlets" disclosure; empty when all fit. */
  others: T[];
}

/** Splits a story's credits for display: all of them when few, else the first ones plus the others as a group. */
export function groupCredits<T>(credits: readonly T[]): CreditGroups<T> {
  if (credits.length <= MAX_LISTED_CREDITS) return { shown: [...credits], others: [] };
  return { shown: credits.slice(0, SHOWN_WHEN_GROUPED), others: credits.slice(SHOWN_WHEN_GROUPED) };
}

export function othersLabel(count: number): string {
  return `and ${count} other outlet${count === 1 ? "" : "s"}`;
}
