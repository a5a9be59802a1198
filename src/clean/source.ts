// Who published a plain-text scrape, when the page says so itself: its copyright line, the lines in
// which the site names itself ("Follow NewsX", "NewsX reports are available in 11 languages"), or the
// wire service credited in the dateline or at the end of the text. Bylines give the author.
import type { Line } from "./doc.ts";
import { namesHost, WIRE_SERVICES } from "../text/outlet-names.ts";
import { STOP_WORDS } from "../text/words.ts";
import { outletLine } from "./source-lines.ts";

const COPYRIGHT_MARK = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*/i;
const YEARS = /^\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*/;
const RESERVED = /\s*\b(?:all rights reserved|(?:todos los )?derechos reservados|todos os direitos reservados|alle rechte vorbehalten|tous droits réservés|tutti i diritti riservati)(?![\p{L}])\.?\s*/giu;
// What may stand between the years and the name: "© 2020 - Tele Pinar", "© 2022 Copyright Schweizer Jäger", "«A1Plus.am»".
const LEAD = /^(?:[-–—|·•:,]\s*|(?:copyright|©|by)\s+|[«“"„'‘])+/iu;
const COMPANY_TAIL = /[\s,]+(?:(?:ltd|llc|inc|limited|plc|gmbh|corp|co|pty|pvt|private limited|zrt|kg|sa|spa)\b\.?|(?:s\.\s?a|s\.\s?l|s\.p\.a|b\.v|n\.v)\b\.?|(?:ag|se)$).*$/i;
// The name runs to the first comma, bar or sentence full stop ("Phys.org" keeps its dot).
const NAME = /^(?:[Bb]y\s+)?(?:[Tt]he\s+)?(\p{Lu}[\p{L}\p{N}&'’ -]*(?:\.\p{Ll}[\p{L}\p{N}&'’ -]*)*)/u;
// A holder written as its address, in any case: "welpenkaufen24.de", "rete-mirabile.net", "www.paginasiete.bo".
const DOMAIN_NAME = /^((?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+\p{Ll}{2,})(?![\p{L}\p{N}])/u;
// What follows a name on such lines: a year, " - ISSN …", " powered by …".
const AFTER_NAME = /\s+(?:\d{4}\b|[-–|]\s|powered by\b).*$/i;
// The links a footer runs into the holder when its lines are glued: "©NEOS Kontakt Datenschutz Impressum".
const FOOTER_LINK = /(?:^|\s+)(?:Impressum|Datenschutz\p{L}*|Kontakt|Imprint|Privacy|Contact|Terms|Sitemap|AGB|Cookies)(?![\p{L}]).*$/u;
// A firm named after its partners ("Bennett, Coleman & Co."): a company, never the site.
const PARTNERS_FIRM = /^\p{Lu}\p{L}+,\s+\p{Lu}\p{L}+\s+&\s+Co\b/u;
// The words a group or publishing company's name ends or starts with ("Hearst Communications", "Static Media",
// "WWB Holdings", "Dow Jones & Company", "Editora 247"): the company that owns the site, not what readers call it.
const GROUP_END = /[\s-]+(?:&\s+)?(?:communications?|media|medien|medier|holdings?|publishing|publications|network|company|corporation|group|gruppe|partners|verlag|enterprises|broadcasting|newspapers)$/i;
const GROUP_START = /^(?:editora|verlag|verlagsgruppe|grupo|gruppo|groupe)\s+/i;
// German compounds name the publisher too: "Dialogmedien", "Zeitschriftenverlag", "Landwirtschaftsverlag".
const GROUP_COMPOUND = /\p{L}{3,}(?:verlag|medien)(?![\p{L}])/iu;
// A later part of the holder's line that is a brand as the site styles it: "… - DealDoktor.de", "… | Uniqz®".
const BRAND_PART = /^(?:\p{L}[\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*\.\p{Ll}{2,}|\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,2}[®™])$/u;
// A credit to the site's theme or maker, not its name: "© 2021 | WordPress Theme von MH Themes".
const MAKER_CREDIT = /\b(?:themes?|powered|designed|design by|wordpress)\b/i;
const LINE_PARTS = /\s+[-–—|/•·]\s+/;
const LEGAL = /©|\(c\)|copyright|rights reserved|rechte vorbehalten|derechos reservados|droits réservés|diritti riservati|direitos reservados/i;
const WIRES = WIRE_SERVICES.join("|");
const DATELINE_WIRE = new RegExp(`^[\\p{Lu}][\\p{Lu}\\p{L} .,'’-]{1,60}\\((${WIRES})\\)\\s*[-–—:]`, "u");
const CLOSING_WIRE = new RegExp(`(?:^|[.!?"”’)]\\s+|[-–—]\\s*)(${WIRES}|REUTERS)\\.?$`, "u");
const BYLINE = /^[Bb]y\s+(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|van|von|da|al|bin))*(?:\s+and\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)*)?)\s*(?:[,|·•]|$)/u;
const SITE_NOTICE = /\b(?:19|20)\d\d\b|rights reserved|rechte vorbehalten|droits réservés|derechos reservados|diritti riservati|direitos reservados/i;
const GENERIC = /^(all rights reserved|the|this|image|photo|getty|copyright|\d+)$/i;

export interface TextSource {
  source: string | null;
  author: string | null;
}

/**
 * The page's own name for its outlet and its author. With the page's host known (`host`), a name that
 * names the host wins over one met first: only such a name is shown for a page whose address is known
 * (src/digest/outlets.ts), so a copyright holder further down that spells the address beats a first
 * self-naming line that does not.
 */
export function sourceOfText(lines: readonly Line[], body: readonly Line[], host: string | null = null): TextSource {
  const names = candidateNames(lines, body, host !== null);
  const hostName = host !== null ? (names.find((n) => namesHost(n, host)) ?? outletLine(lines, body, host)) : null;
  const found = hostName ?? names[0] ?? null;
  const source = found === null ? null : usualCase(found, lines);
  let author: string | null = null;
  for (const l of lines.slice(0, 80)) {
    const first = l.text.charCodeAt(0);
    const m = l.words <= 12 && (first === 66 || first === 98) ? BYLINE.exec(l.text) : null;
    if (m) {
      author = m[1]!.trim();
      break;
    }
  }
  return { source, author };
}

/**
 * A name the page prints in capitals ("GIZMODO", "OSTHESSEN|NEWS": a logo or a menu set in capitals by its
 * style sheet, which a text dump keeps) as the page also writes it with a capital and small letters
 * ("Gizmodo"), the spelling met most; as it is when the page never does (CNN, KTLA), or only in small
 * letters (an address's "ekd").
 * Not src/digest/outlets.ts `usualCase`, which takes the first of a list of whole names that differs only in
 * case: one core for both would change one's answer (the most frequent spelling against the first; spaces that
 * may vary and a capital first against whole names equal in lower case).
 */
export function usualCase(name: string, lines: readonly Line[]): string {
  if (!/\p{Lu}.*\p{Lu}/su.test(name) || /\p{Ll}/u.test(name)) return name;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name).replace(/\s+/g, "\\s+")}(?![\\p{L}\\p{N}])`, "giu");
  const seen = new Map<string, number>();
  for (const line of lines) {
    for (const m of line.text.matchAll(pattern)) {
      const form = m[0];
      if (/^\P{L}*\p{Lu}/u.test(form) && /\p{Ll}/u.test(form)) seen.set(form, (seen.get(form) ?? 0) + 1);
    }
  }
  let best = name;
  let most = 0;
  for (const [form, n] of seen) if (n > most) [best, most] = [form, n];
  return best;
}

/** The first of the page's own names (self-naming line, masthead, copyright holders, wire) that names `host`: what cleaning took before weighing short lines. */
export function hostNameOfText(lines: readonly Line[], body: readonly Line[], host: string): string | null {
  return candidateNames(lines, body, true).find((n) => namesHost(n, host)) ?? null;
}

/**
 * The names a page gives its outlet, strongest first: the name a site calls itself by (a copyright line
 * often names the parent company), its masthead address, its copyright holders from the foot up, then a
 * wire credit. Without a host to choose by, only the first is needed.
 */
function candidateNames(lines: readonly Line[], body: readonly Line[], all: boolean): string[] {
  const out: string[] = [];
  const furniture = outside(lines, body);
  const add = (name: string | null): boolean => {
    if (name && !out.includes(name)) out.push(name);
    return !all && out.length > 0;
  };
  if (add(selfName(lines, body, furniture)) || add(mastheadAddress(lines, body))) return out;
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.text;
    if (t.length > 160 || !mayOpenCopyright(t.charCodeAt(0))) continue;
    if (add(copyrightHolder(t, furniture))) return out;
  }
  const first = body[0]?.text ?? "";
  const last = body[body.length - 1]?.text ?? "";
  const wire = DATELINE_WIRE.exec(first)?.[1] ?? CLOSING_WIRE.exec(last)?.[1] ?? null;
  add(wire ? tidy(wire.toUpperCase() === "REUTERS" ? "Reuters" : wire) : null);
  return out;
}

// A masthead that is the site's address, alone or before its tagline: "Cleanthinking.de", "correctiv.org",
// "ingenieur.de - Jobbörse und Nachrichtenportal für Ingenieure".
// Its last label is a domain's, in lower case or short capitals ("MK.RU"), so "A.Word.A.Day" is no address.
const MASTHEAD_ADDRESS = /^(?:www\.)?((?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+(?:\p{Ll}{2,}|\p{Lu}{2,3}))(?:\s+[-–|]\s+.*)?$/u;
/** How many of the page's first lines may be its masthead: further down, addresses are links to other sites. */
const MASTHEAD_LINES = 2;

/** The site's address when the page opens with it (its logo's text), outside the article. */
function mastheadAddress(lines: readonly Line[], body: readonly Line[]): string | null {
  for (const line of lines.slice(0, MASTHEAD_LINES)) {
    if (body.includes(line)) return null;
    const m = MASTHEAD_ADDRESS.exec(line.text);
    if (m) return m[1]!;
  }
  return null;
}

/** COPYRIGHT_MARK opens with "c" or "C" (copyright), "©" or "(" ("(c)"): no other first character can match. */
function mayOpenCopyright(c: number): boolean {
  return c === 99 || c === 67 || c === 0xa9 || c === 40;
}

/**
 * "© 2019 The Foo Times Ltd. All Rights Reserved." → "Foo Times". A group or publishing company
 * ("© 2019 Hearst Communications, Inc.") is the site only when the page's furniture also names it
 * without that word ("Boston Globe" for "Boston Globe Media Partners") or by its initials ("CNN").
 */
function copyrightHolder(line: string, furniture: readonly Line[]): string | null {
  const mark = COPYRIGHT_MARK.exec(line);
  // A site's notice states a year or reserves rights; "© Shutterstock" under a photo does neither.
  if (!mark || !SITE_NOTICE.test(line)) return null;
  const rest = line.slice(mark[0].length).replace(YEARS, "").replace(RESERVED, " ").trim().replace(YEARS, "").replace(LEAD, "");
  if (PARTNERS_FIRM.test(rest)) return null;
  const domain = DOMAIN_NAME.exec(rest);
  // The company's legal form goes first: "TVN S.A." would otherwise leave "TVN S".
  const m = domain ?? NAME.exec(rest.replace(COMPANY_TAIL, ""));
  if (!m) return null;
  const named = m[1]!.replace(AFTER_NAME, "").replace(FOOTER_LINK, "");
  const name = tidy(named.replace(COMPANY_TAIL, ""));
  if (name.length < 2 || GENERIC.test(name) || MAKER_CREDIT.test(name)) return null;
  const brand = line.split(LINE_PARTS).slice(1).map((p) => p.trim()).find((p) => BRAND_PART.test(p));
  if (brand && !domain) return tidy(brand.replace(/[®™]$/, ""));
  const company = ownerName(name);
  if (company === name && !GROUP_COMPOUND.test(name)) return name;
  const initials = acronym(name);
  if (company.length >= 2 && namedAlone(company, furniture)) return company;
  if (initials && namedAlone(initials, furniture)) return initials;
  return null;
}

/**
 * Whether a furniture line other than a legal notice names `name` as a whole name: not as the start of
 * a longer one ("Vincentz Network GmbH", "Nexstar Digital", "National World Gaming" are other names).
 */
function namedAlone(name: string, furniture: readonly Line[]): boolean {
  const alone = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}]|\\s*[&\\p{Lu}\\p{N}])`, "u");
  return furniture.some((l) => l.text.includes(name) && !LEGAL.test(l.text) && alone.test(l.text));
}

/** The name without the words a group or publisher company adds: "Boston Globe Media Partners" → "Boston Globe". */
function ownerName(name: string): string {
  let out = name.replace(GROUP_START, "").replace(/(?:^|\s+)\p{L}{3,}(?:verlag|medien)$/iu, "");
  for (let next = out.replace(GROUP_END, ""); next !== out; next = out.replace(GROUP_END, "")) out = next;
  return out.trim();
}

/** "Cable News Network" → "CNN": the initials of a name of three or more capitalised words, else null. */
function acronym(name: string): string | null {
  const words = name.split(/\s+/);
  return words.length >= 3 && words.every((w) => /^\p{Lu}/u.test(w)) ? words.map((w) => w[0]).join("") : null;
}

function tidy(name: string): string {
  return name.replace(/[\s.,|-]+$/, "").trim();
}

// A site's name as it writes it: Title Case words ("Washington Examiner"), one CamelCase or capitals
// word ("NewsX", "WIRED"), or its domain ("Sputniknews.com").
const SITE = String.raw`(\p{Lu}[\p{L}\p{N}&'’-]*(?:\.\p{Ll}{2,})?(?:\s+(?:of|the|and|&|\p{Lu}[\p{L}\p{N}&'’-]*)){0,3})`;
// The furniture lines in which a site speaks of itself: its menus, sign-ups and notices. The first
// kind also names sections and authors ("About Python", "More from Pop Culture"); the second rarely.
const WEAK_OPENING_LINE = new RegExp(`^(?:About|Advertise (?:on|with)|More (?:from|on)|Follow|Subscribe to|Welcome to|Download the|Get the) ${SITE}(?:['’]s)?(?: (?:app|newsletters?|online))?[.!:]?$`, "u");
const WEAK_ENDING_LINE = new RegExp(`^${SITE} (?:homepage|home page|main menu|newsletters?)$`, "u");
// The name may stand in quotes ("\"Daily Express\" is a registered trademark"); a site is "ein Angebot" or "eine
// Marke" of its publisher, or "part of" its group ("PEOPLE is part of the … publishing family").
const QUOTED_SITE = `["“„«]?${SITE}["”»]?`;
const STRONG_SELF_LINES = [
  new RegExp(`(?:^|[.!?|]\\s+)${QUOTED_SITE} (?:reports|articles|stories|news|content) (?:are|is) available\\b`, "u"),
  new RegExp(`(?:^|[.!?|]\\s+)${QUOTED_SITE} (?:is a registered trademark|is supported by its (?:audience|readers)|has affiliate partnerships|may earn (?:a )?commission)\\b`, "u"),
  new RegExp(`(?:^|[.!?|]\\s+)${QUOTED_SITE} (?:ist (?:eine Marke|ein Angebot) (?:der|des|von)|is (?:a (?:brand|publication|service) of|part of the [\\p{L}\\p{N} &.-]{2,40} (?:publishing family|network|group))\\b)`, "u"),
];
/** The weak lines' fixed openings and endings: cheap gates before the patterns. */
const WEAK_OPENING = /^(?:About|Advertise|More|Follow|Subscribe|Welcome|Download|Get) /;
const WEAK_ENDINGS = [" homepage", " home page", " main menu", " newsletter", " newsletters"];
/** The weak endings' last letters (e, u, r, s): a cheaper gate before the five comparisons. */
const endsLikeWeak = (t: string): boolean => {
  const c = t.charCodeAt(t.length - 1);
  return c === 101 || c === 117 || c === 114 || c === 115;
};
/** The strong lines' fixed words. */
const STRONG_WORDS = / (?:available|registered trademark|supported by its |affiliate partnerships|may earn |ist eine Marke |ist ein Angebot |is a brand |is a publication |is a service |is part of the )/;
// Words that fill the name's place in those lines without being a name ("About Us", "Get the App").
const NOT_A_NAME = new Set(["app", "apps", "newsletter", "newsletters", "site", "website", "page", "account", "latest", "more", "today", "here", "free", "premium", "home", "search", "menu"]);
/** Evidence a self-naming line gives; a name needs this much, from its lines and its other mentions. */
const SELF_NAME_MIN = 2;

/**
 * The name the page's furniture (the lines outside the article) calls the site by. Each candidate from
 * a self-naming line scores 2 for a strong line, and 1 for every furniture line that mentions it: a
 * site repeats its own name in its chrome, while a section or an author named once does not qualify.
 */
export function selfName(lines: readonly Line[], body: readonly Line[], furniture: readonly Line[] = outside(lines, body)): string | null {
  const strong = new Set<string>();
  const weak = new Set<string>();
  const note = (m: RegExpExecArray | null, found: Set<string>) => {
    if (!m) return;
    const name = tidy(m[1] ?? "").replace(/['’]s$/, "");
    if (name && !isFiller(name)) found.add(name);
  };
  for (const line of furniture) {
    const t = line.text;
    // The strong lines' fixed words, looked for first: the patterns are not anchored, so costly to run on every line.
    if (STRONG_WORDS.test(t)) for (const pattern of STRONG_SELF_LINES) note(pattern.exec(t), strong);
    if (WEAK_OPENING.test(t)) note(WEAK_OPENING_LINE.exec(t), weak);
    if (endsLikeWeak(t) && WEAK_ENDINGS.some((w) => t.endsWith(w))) note(WEAK_ENDING_LINE.exec(t), weak);
  }
  const qualified: { name: string; score: number }[] = [];
  for (const name of new Set([...strong, ...weak])) {
    if (!/\s/.test(name) && isCommonWord(name, lines)) continue;
    const mention = wholeWord(name);
    // A mention holds the name's characters: `includes` first, the whole-word pattern only on those lines.
    const score = (strong.has(name) ? 2 : 0) + furniture.filter((l) => l.text.includes(name) && mention.test(l.text)).length;
    if (score >= SELF_NAME_MIN) qualified.push({ name, score });
  }
  const best = qualified.sort((a, b) => b.score - a.score)[0];
  if (!best) return null;
  // "Jeongdong Theater" rather than the "Theater" it contains.
  return qualified.filter((q) => q.name.includes(best.name)).sort((a, b) => b.name.length - a.name.length)[0]!.name;
}

/**
 * The lines of 40 words or fewer not in `body`. The body is a run of the page's lines in page order:
 * read side by side with them, without a Set of every body line (a Set only when it is not in order).
 */
function outside(lines: readonly Line[], body: readonly Line[]): Line[] {
  const out: Line[] = [];
  let j = 0;
  for (const l of lines) {
    if (j < body.length && body[j] === l) j++;
    else if (l.words <= 40) out.push(l);
  }
  if (j === body.length) return out;
  const inBody = new Set(body);
  return lines.filter((l) => !inBody.has(l) && l.words <= 40);
}

/** A one-word name the page also writes in lower case as an ordinary word ("Classifieds", "Relevance"). */
function isCommonWord(name: string, lines: readonly Line[]): boolean {
  const lower = name.toLowerCase();
  if (lower === name) return true;
  const word = wholeWord(lower);
  return lines.some((l) => l.text.includes(lower) && word.test(l.text));
}

/** `text` as a whole word: not inside a longer run of letters and digits. */
function wholeWord(text: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, "u");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function isFiller(name: string): boolean {
  const first = name.split(/\s+/)[0]!.toLowerCase();
  return (STOP_WORDS.has(first) && first !== "the") || NOT_A_NAME.has(name.toLowerCase()) || name.length < 2;
}
