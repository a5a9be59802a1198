// Where a root-relative link ("/2025/05/29/#s-…") points. On the site it is kept under the site's path
// prefix (the path of baseUrl, "/" by default); in feeds it becomes absolute, since a feed reader has no
// page to resolve it against.
import type { MarkdownIt } from "markdown-it";
import type { Env } from "markdown-it";

/** Set in the Markdown env by the feed writer: the absolute base every root-relative link is resolved to. */
export const ABSOLUTE_BASE = "digestAbsoluteBase";

/** The path prefix a site built for `baseUrl` lives under, always ending in "/". */
export function pathPrefix(baseUrl: string): string {
  const path = new URL(baseUrl).pathname;
  return path.endsWith("/") ? path : `${path}/`;
}

/** The base for root-relative links in this render: absolute for feeds, the site's path prefix for pages. */
export function linkBase(env: Env | undefined): string {
  const absolute = env?.[ABSOLUTE_BASE];
  if (typeof absolute === "string") return absolute;
  const site = env?.site;
  if (site && typeof site === "object" && "baseUrl" in site && typeof site.baseUrl === "string") return pathPrefix(site.baseUrl);
  return "/";
}

export function resolveHref(href: string, base: string): string {
  return /^\/(?!\/)/.test(href) ? base + href.slice(1) : href;
}

export function linkPrefixes(md: MarkdownIt): void {
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet("href");
    if (typeof href === "string") token.attrSet("href", resolveHref(href, linkBase(env)));
    return self.renderToken(tokens, idx, options);
  };
}
