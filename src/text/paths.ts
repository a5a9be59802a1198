// Where things live on the site, and URLs in general: the one place the site, the feeds and the
// Markdown digests take their paths from.

/** A day's page: "2025-05-29" → "/2025/05/29/". */
export function dayPath(date: string): string {
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/`;
}

/** A month's page: "2025-05" or "2025-05-29" → "/2025/05/". */
export function monthPath(date: string): string {
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/`;
}

/** A story's permalink. It holds the id only, never the date, which can move when an earlier article joins. */
export function storyPath(id: string): string {
  return `/stories/${id}/`;
}

/** The path prefix a site built for `baseUrl` lives under, always ending in "/". */
export function pathPrefix(baseUrl: string): string {
  const path = new URL(baseUrl).pathname;
  return path.endsWith("/") ? path : `${path}/`;
}

/** A root-relative path ("/2025/05/29/") under `base` (a path prefix or an absolute URL ending in "/"); anything else unchanged. */
export function resolveHref(href: string, base: string): string {
  return /^\/(?!\/)/.test(href) ? base + href.slice(1) : href;
}

/** A root-relative site path as an absolute URL under the site's base URL. */
export function absoluteUrl(path: string, baseUrl: string): string {
  return new URL(path.replace(/^\//, ""), baseUrl).href;
}

/** Query parameters that only tell the linking site who sent the reader (campaign tags, click ids). */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid)$/i;

/**
 * An article's address as a source link shows it: an http(s) URL without the tracking parameters a feed
 * or a share button adds (`?utm_source=rss`), or null when it is not an http(s) URL. Other parameters,
 * their order and the fragment stay as given.
 */
export function sourceUrl(url: string | null | undefined): string | null {
  const web = webUrl(url);
  if (web === null || !web.includes("?")) return web;
  const hash = web.indexOf("#");
  const beforeHash = hash < 0 ? web : web.slice(0, hash);
  const q = beforeHash.indexOf("?");
  const kept = beforeHash
    .slice(q + 1)
    .split("&")
    .filter((pair) => pair !== "" && !TRACKING_PARAM.test(decodeURIComponentSafe(pair.split("=")[0]!)));
  return `${beforeHash.slice(0, q)}${kept.length ? `?${kept.join("&")}` : ""}${hash < 0 ? "" : web.slice(hash)}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An http(s) URL as given, or null for anything else (javascript:, relative, unparsable). */
export function webUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return null;
  try {
    new URL(url);
    return url;
  } catch {
    return null;
  }
}

/** The host name of a URL without "www.", or null. */
export function hostOf(url: string | null | undefined): string | null {
  const web = webUrl(url);
  if (!web) return null;
  try {
    return new URL(web).hostname.toLowerCase().replace(/^www\d*\./, "") || null;
  } catch {
    return null;
  }
}

/**
 * The page an archived copy keeps ("https://web.archive.org/web/20200808063632/https://www.przepisy.pl/…" →
 * "https://www.przepisy.pl/…"): its outlet, host and slug are the site archived, not the archive's.
 * Other URLs as given.
 */
export function archivedPage(url: string | null): string | null {
  return (url && /^[a-z]+:\/\/web\.archive\.org\/web\/[^/]+\/(https?:\/\/.+)$/i.exec(url)?.[1]) || url;
}
