// Which outlet published an article. The evidence, strongest first: the name a Markdown article's
// front matter declares; the host table (./hosts.json); the page's og:site_name and JSON-LD publisher
// when they name the site (not "Hosted", a word that only names a subdomain); what the page text says
// (copyright holder, the site's own name line, a wire credit); the part of the page's <title> beside
// the headline, when it names the host; the hint of whoever saved the page
// (`digest fetch` writes the feed's title). Nothing else: an unknown outlet stays unknown.
import type { ResolvedArticle } from "../types.ts";
import { compactName, hostLabel, isWireService, namesHost } from "../text/outlet-names.ts";
import { archivedPage, hostOf } from "../text/paths.ts";
import { stripControlChars } from "../text/plain-text.ts";
import { STOP_WORDS } from "../text/words.ts";
import table from "./hosts.json" with { type: "json" };

export type OutletBasis = "front-matter" | "host" | "site-name" | "publisher" | "page-text" | "title" | "hint";

export interface Outlet {
  /** The outlet's name, or null when nothing names it. */
  name: string | null;
  basis: OutletBasis | null;
  /** The article's host without "www.", when its URL is known. */
  host: string | null;
}

const HOSTS: ReadonlyMap<string, string> = new Map(Object.entries(table.hosts).map(([host, entry]) => [host, entry.name]));

/** The table's name for a host or for the nearest parent domain it lists. */
export function tableName(host: string): string | null {
  const labels = host.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const name = HOSTS.get(labels.slice(i).join("."));
    if (name) return name;
  }
  return null;
}

function tidy(name: string | null | undefined): string | null {
  const t = stripControlChars(name ?? "").replace(/\s+/g, " ").trim();
  return t || null;
}

/**
 * Whether a name a page gives itself is a real outlet name. With the page's host known, the name must
 * name that host (see namesHost). Without it, a single common word ("Home", "News") is not a name.
 */
export function isRealName(name: string, host: string | null): boolean {
  if (name.length > 80 || !/\p{L}/u.test(name)) return false;
  if (host) return namesHost(name, host);
  const words = name.split(/\s+/);
  return !(words.length === 1 && STOP_WORDS.has(name.toLowerCase()));
}

/** Latin letters, which a host's address can spell. */
const LATIN = /\p{Script=Latin}/u;
/** Signs of a sentence, a title or a list rather than a name. */
const NOT_A_NAME = /[.。!！?？「」『』【】()（）|:：,，、;；"“”«»]/u;
/** A name in a script of its own: at most this many characters, and this many words. */
const OWN_SCRIPT_CHARS = 30;
const OWN_SCRIPT_WORDS = 4;

/**
 * Whether a name a page declares for its site (og:site_name, the JSON-LD publisher) is a name written in
 * its own script ("読売新聞オンライン", "24 Канал", "بوابة اخبار اليوم"): no Latin letter, so it cannot
 * spell the page's host, short, and nothing of a sentence or a title about it. The host test cannot read
 * such names; without this they were all set aside and the story showed the bare host.
 */
export function isOwnScriptName(name: string): boolean {
  if (LATIN.test(name) || NOT_A_NAME.test(name) || !/\p{L}/u.test(name)) return false;
  return Array.from(name).length <= OWN_SCRIPT_CHARS && name.split(/\s+/).length <= OWN_SCRIPT_WORDS;
}

/** A feed title as an outlet name: "BBC News - World" → "BBC News" (the part that names the host, else the first). */
export function hintName(hint: string, host: string | null): string | null {
  const parts = hint.split(/\s+[|>»:–—-]\s+|:\s+/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return null;
  return (host ? parts.find((p) => namesHost(p, host)) : undefined) ?? parts[0]!;
}

/** What sites put between their name and a tagline or a second name: " - ", " | ", " · ", " • ", … (never a hyphen inside a word). */
const NAME_SEPARATOR = /\s+[|·•»–—-]\s+|\s+::\s+/;

/**
 * A site's name as og:site_name or the publisher writes it, without its tagline: "Harbour Post - News for
 * the coast" → "Harbour Post". The first part that names the host on its own; the whole when none does.
 */
export function ownName(name: string, host: string | null): string {
  const named = withoutLegalForm(name);
  if (named !== name && isRealName(named, host)) return ownName(named, host);
  if (!host || !NAME_SEPARATOR.test(name)) return name;
  const parts = name.split(NAME_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  return parts.find((p) => isRealName(p, host)) ?? name;
}

/** A company's legal form after its name ("oe24 GmbH", "Example Media Ltd."): the register's, not what readers call the outlet. */
const LEGAL_FORM = /[\s,]+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|Corp\.?|plc|S\.\s?A\.?|S\.\s?L\.?|S\.p\.A\.?|B\.V\.?|N\.V\.?|Pty\.?\s+Ltd\.?)$/u;

function withoutLegalForm(name: string): string {
  return name.replace(LEGAL_FORM, "").trim() || name;
}

/** Signs around a name that are no part of it: "✂ Uniqz®" → "Uniqz", "-=daMax=-" → "daMax" ("!", a full stop and closing brackets stay: "e. V."). */
const DECORATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}!?.)\]]+$/gu;

/**
 * The name a page's `<title>` gives its site beside the headline (cleaning keeps those parts in
 * meta.titleSite): a part that names the page's host, so never a section or a tagline ("Politik |
 * Frankfurter Rundschau" on fr.de → "Frankfurter Rundschau"); of two that do, the one nearest the host
 * (fewest letters), as a headline that mentions the site is longer than the site's name. Null without a host.
 */
export function titleName(titleSite: string | null | undefined, host: string | null): string | null {
  if (!titleSite || !host) return null;
  const parts = titleSite
    .split(NAME_SEPARATOR)
    .map((p) => p.replace(DECORATION, "").trim())
    .filter((p) => p && isRealName(p, host))
    .map((p) => addressWithin(p, host) ?? p);
  let best: string | null = null;
  for (const p of parts) if (best === null || compactName(p).length < compactName(best).length) best = p;
  return best;
}

/** A word written as a web address: "przepisy.pl", "Boston.com", "www.taz.de". */
const ADDRESS_WORD = /^(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+\p{L}{2,}$/u;

/**
 * The site's address when a `<title>` part holds it among other words, a call to visit or a slogan rather
 * than a name ("Zobacz na przepisy.pl", "see it on przepisy.pl"): the address alone, first or last word.
 */
function addressWithin(part: string, host: string): string | null {
  const words = part.split(/\s+/);
  if (words.length < 2) return null;
  const ends = [words[words.length - 1]!, words[0]!].map((w) => w.replace(DECORATION, ""));
  return ends.find((w) => ADDRESS_WORD.test(w) && namesHost(w, host)) ?? null;
}

/**
 * Whether a name is written as a web address: "https://www.fr.de", "www.20minutes.fr", "tdg.ch/", or a
 * host in lower case ("rtl.de"). A site's own styling of its address ("Boston.com", "MTB-News.de",
 * "SW1.News") is a name: it is how the site writes itself, not how a browser does.
 */
export function isAddress(name: string): boolean {
  const t = name.trim();
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(t) || /^www\d*\./i.test(t)) return true;
  const host = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?::\d+)?(\/\S*)?$/u.exec(t);
  return host !== null && (host[1] !== undefined || t === t.toLowerCase());
}

/** "@politifact": a site's account name on a social network, which some pages give as their og:site_name. */
function isHandle(name: string): boolean {
  return /^@[\p{L}\p{N}_.]+$/u.test(name.trim());
}

/** An address as the host it names, the way a page shows a host: "https://www.fr.de" → "fr.de", "tdg.ch/" → "tdg.ch". */
function addressHost(name: string): string {
  const t = name.trim();
  return hostOf(/^[a-z][a-z\d+.-]*:\/\//i.test(t) ? t : `http://${t}`) ?? t;
}

/** The outlet an article names, as the site and feeds credit it (`digest clean`'s "source" too). */
export function outletOf(article: Pick<ResolvedArticle, "meta" | "format">): Outlet {
  const meta = article.meta;
  const host = hostOf(archivedPage(meta.url));
  const found = (name: string | null, basis: OutletBasis): Outlet => ({ name, basis: name ? basis : null, host });
  const declared = tidy(meta.source);
  // A writer's `source: https://www.bbc.co.uk/` is shown as the host it names, as a page's would be.
  if (article.format === "markdown" && declared) return found(isAddress(declared) ? addressHost(declared) : declared, "front-matter");
  const listed = host ? tableName(host) : null;
  if (listed) return found(listed, "host");
  const siteName = tidy(meta.siteName);
  const publisher = tidy(meta.publisher);
  // meta.source holds the site name or publisher when the page had one; otherwise what its text says.
  const fromText = declared && declared !== siteName && declared !== publisher ? declared : null;
  const hint = tidy(meta.outletHint);
  const named: [string | null, OutletBasis][] = [
    [siteName && isRealName(siteName, host) ? ownName(siteName, host) : null, "site-name"],
    [publisher && isRealName(publisher, host) ? ownName(publisher, host) : null, "publisher"],
    [siteName && isOwnScriptName(siteName) ? siteName : null, "site-name"],
    [publisher && isOwnScriptName(publisher) ? publisher : null, "publisher"],
    [fromText && (isWireService(fromText) || isRealName(fromText, host)) ? fromText : null, "page-text"],
    [titleName(tidy(meta.titleSite), host), "title"],
    [hint ? hintName(hint, host) : null, "hint"],
  ];
  // A name written as an address ("https://www.fr.de", "tdg.ch/") or as a social-media handle
  // ("@politifact") gives way to a name the page also gives ("Frankfurter Rundschau", "PolitiFact");
  // alone, an address is shown as the host it names and a handle without its "@".
  const [name, basis] = named.find(([n]) => n !== null && !isAddress(n) && !isHandle(n)) ?? named.find(([n]) => n !== null) ?? [null, "host"];
  const shown = name === null ? null : isAddress(name) ? addressHost(name) : isHandle(name) ? name.trim().slice(1) : name;
  return found(shown === null ? null : usualCase(shown, named.map(([n]) => n)), basis);
}

/**
 * A name in capitals ("PCMAG", a logo's style in og:site_name) as the page's other names spell it with small
 * letters too ("PCMag", its publisher): the same name, in the case it is written in running text.
 * Not src/clean/source.ts `usualCase`, which weighs the spellings in a page's text (the most frequent, matched
 * case-blind by a pattern that lets the spaces vary, opening with a capital): this takes the first of a few whole
 * names equal in lower case, and one core for both would change one's answer where a list repeats a spelling.
 */
function usualCase(name: string, others: readonly (string | null)[]): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}.*\p{Lu}/su.test(name)) return name;
  const key = name.toLocaleLowerCase();
  return others.find((o) => o !== null && o !== name && /\p{Ll}/u.test(o) && o.toLocaleLowerCase() === key) ?? name;
}

/** The label of a source nothing names. */
export const UNKNOWN_OUTLET = "Unknown outlet";

/** What a page shows for an article's outlet: its name, else its host, else "Unknown outlet". */
export function outletLabel(outlet: Outlet): string {
  return outlet.name ?? outlet.host ?? UNKNOWN_OUTLET;
}

/**
 * An article headline without a site-name part: "Sweden drops … | Al Bawaba" → "Sweden drops …".
 * A first or last part split off by " | ", " - ", " – ", " — " or " :: " goes when it is one of the
 * names the article's outlet goes by, or names its host.
 */
export function stripSiteName(title: string, names: readonly (string | null)[], host: string | null): string {
  const parts = title.split(/(\s+(?:[|–—-]|::)\s+)/);
  // No separator (most titles): nothing to strip, and the names need not be compared.
  if (parts.length < 3) return title.trim();
  const keys = new Set(names.filter((n): n is string => !!n).map(compactName).filter(Boolean));
  const label = host ? compactName(hostLabel(host)) : "";
  const isSite = (part: string) => {
    const key = compactName(part);
    if (!key) return false;
    if (keys.has(key)) return true;
    return host !== null && part.split(/\s+/).length <= 5 && (key === label || namesHost(part, host));
  };
  // parts alternates text and separator: [text, sep, text, sep, text].
  while (parts.length >= 3 && isSite(parts[parts.length - 1]!)) parts.splice(-2, 2);
  while (parts.length >= 3 && isSite(parts[0]!)) parts.splice(0, 2);
  const out = parts.join("").trim();
  return out || title.trim();
}

/**
 * One outlet's name as one build's pages write it: names that differ only in case, spaces, punctuation, a
 * leading "The" or an address's ending ("Lebensmittel Praxis" from a text dump, "Lebensmittelpraxis.de" from
 * the saved page; "VICE" and "Vice"; "The Intercept" and "Intercept") are one outlet. Each name that is not
 * its outlet's chosen spelling maps to it: a name not written as an address, then not in capitals or lower case
 * only, then the longer (the fuller form: "The Intercept", not the "Intercept" more dumps give), then the one more
 * sources give, then the first in code-point order (any input order gives the same map).
 */
export function oneSpellingEach(names: Iterable<string>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const byKey = new Map<string, string[]>();
  for (const name of counts.keys()) {
    const key = spellingKey(name);
    if (!key) continue;
    const group = byKey.get(key);
    if (group) group.push(name);
    else byKey.set(key, [name]);
  }
  const out = new Map<string, string>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const rank = (n: string) => [Number(/\.\p{L}{2,}$/u.test(n) && !/\s/.test(n)), Number(!/\p{Ll}/u.test(n) || !/\p{Lu}/u.test(n)), -n.length, -counts.get(n)!];
    const chosen = group.sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return a < b ? -1 : a > b ? 1 : 0;
    })[0]!;
    for (const name of group) if (name !== chosen) out.set(name, chosen);
  }
  return out;
}

/** A name lower-cased without a leading "the", an address's ending, spaces and punctuation ("" for a name of neither letters nor digits). */
function spellingKey(name: string): string {
  let key = name.trim().toLocaleLowerCase();
  key = key.replace(/^the\s+/u, "");
  if (!/\s/.test(key)) key = key.replace(/\.\p{L}{2,}$/u, "");
  return key.replace(/[^\p{L}\p{N}]+/gu, "");
}
