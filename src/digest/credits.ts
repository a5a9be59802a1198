import type { ResolvedArticle, Story } from "../types.ts";

export interface Credit {
  name: string;
  url: string | null;
  path: string;
}

/** Who published an article: the outlet when known, else the site's host name, else its headline. */
export function creditOf(article: ResolvedArticle): Credit {
  const host = hostOf(article.meta.url);
  const name = article.meta.source ?? host ?? (article.title ? `“${article.title}”` : article.path);
  return { name, url: article.meta.url, path: article.path };
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
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
