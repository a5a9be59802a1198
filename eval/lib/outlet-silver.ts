// Silver outlet names for the text dumps' name lines: the page's own og:site_name or JSON-LD publisher, read
// from its saved HTML, when it names the page's host (a name that does not is an owner, a tagline or an address).
import type { ArticleMeta } from "../../src/types.ts";
import { ownName } from "../../src/digest/outlets.ts";
import { compactName, hostLabel, namesHost } from "../../src/text/outlet-names.ts";

export function silverName(meta: ArticleMeta, host: string): string | null {
  for (const n of [meta.siteName, meta.publisher]) {
    const name = n ? ownName(n.trim(), host) : null;
    if (name && namesHost(name, host)) return name;
  }
  return null;
}

/**
 * The letters and digits of a name, without "the" before it or an address's ending after it ("Forsal.pl",
 * "EXPRESS.CO.UK"; not "Kinzig.Termine", a product), and a "+" kept: "SPIEGEL+" is a subscription, not the site.
 */
function key(name: string): string {
  const bare = name.trim().replace(/^(?:https?:\/\/)?(?:www\.)?/i, "").replace(/^the\s+/i, "").replace(/(?:\.(?:\p{Ll}{2,}|\p{Lu}{2,3}))+\/?$/u, "");
  return compactName(bare) + (bare.includes("+") ? "+" : "");
}

/** Whether `name` reads as the silver name: the same letters, or its first words when they hold the host's label. */
export function silverMatches(name: string, silver: string, host: string): boolean {
  const a = key(name);
  const b = key(silver);
  if (!a) return false;
  return a === b || (b.startsWith(a) && !a.endsWith("+") && a.includes(compactName(hostLabel(host))));
}
