// A text dump's short furniture line that spells the page's host, weighed as the site's name: the
// masthead's "PhillyVoice", the footer's "Tages-Anzeiger", rather than a product, a section or a notice
// that carries the name too ("Macwelt TV", "1000things Awards 2023", "sn.dk beskytter dine data",
// "WordPress.com" on a blog it hosts). A logistic model (train/train-outlet-lines.ts, learned on the
// tuning half against the pages' own og:site_name) weighs what the line looks like and where it stands;
// nothing in it names a site. Only asked when the host is known and no stronger line names it.
import type { Line } from "./doc.ts";
import { compactName, hostLabel } from "../text/outlet-names.ts";
import { loadModel, probability } from "../model/logistic.ts";
import weights from "./source-lines-model.json" with { type: "json" };

export const OUTLET_LINE_FEATURES = [
  "position", "top", "afterBody", "words", "extraWords", "extraBefore", "exact", "cover", "repeats", "mentions",
  "digits", "upper", "lowerStart", "punctuation", "furnitureWords", "plus", "family", "shortNeighbours", "blankBefore",
] as const;

const MODEL = loadModel(weights, OUTLET_LINE_FEATURES);

/** Longest line weighed: a name is a few words. */
const MAX_CHARS = 60;
const MAX_WORDS = 6;
/** The longest furniture line counted as mentioning a name. */
const MENTION_WORDS = 12;
/** An article before a name: "The Business Times" is the label businesstimes exactly. */
const ARTICLE = /^(?:the|die|der|das|la|le|les|el|los|las|il|lo|de|het)\s+/i;
/** Lines that are mail, links or notices, never a name line: copyright lines have their own reading. */
const NOT_A_NAME_LINE = /@|https?:|\/\/|©|\(c\)|copyright/i;

export interface OutletLine {
  text: string;
  index: number;
  features: number[];
}

/** The candidate lines with their features, in page order: short lines outside the body that spell the host. */
export function outletLineCandidates(lines: readonly Line[], body: readonly Line[], host: string): OutletLine[] {
  const label = compactName(hostLabel(host));
  // On a subdomain ("gormulus.wordpress.com", "blog.example.org") the registered label names the platform or
  // the parent, and a line spelling it ("WordPress.com", "Bloggen auf WordPress.com") is not this site's name.
  if (!label || hasSubdomain(host)) return [];
  const inBody = new Set(body);
  const firstBody = body.length ? lines.indexOf(body[0]!) : lines.length;
  const lastBody = body.length ? lines.lastIndexOf(body[body.length - 1]!) : lines.length;
  const found: { line: Line; index: number }[] = [];
  // Menus repeat their lines: each distinct line is tested once.
  const spelling = new HostSpelling(label);
  const seen = new Map<string, boolean>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.words > MAX_WORDS || l.text.length > MAX_CHARS || l.words === 0 || inBody.has(l)) continue;
    let spells = seen.get(l.text);
    if (spells === undefined) {
      // A line of furniture words only is a menu item ("Archive" on web.archive.org), whatever it spells.
      spells = l.lexiconWords < l.words && spelling.test(l.text) && !NOT_A_NAME_LINE.test(l.text) && !isLowerAddress(l.text);
      seen.set(l.text, spells);
    }
    if (spells) found.push({ line: l, index: i });
  }
  if (!found.length) return [];
  const firstKeys = found.map((f) => compactName(f.line.text.split(/\s+/)[0] ?? ""));
  // The furniture's short lines, where a name is repeated or held ("PhillyVoice Staff" holds "PhillyVoice").
  const furniture: string[] = [];
  for (const l of lines) if (l.words <= MENTION_WORDS && !inBody.has(l)) furniture.push(l.norm);
  // What a line's words say is the same wherever it stands: read once for each distinct line.
  const read = new Map<string, number[]>();
  return found.map(({ line, index }, at) => {
    const t = line.text;
    let own = read.get(t);
    if (own === undefined) {
      own = lineFeatures(line, label, furniture);
      own.push(Math.log2(1 + found.filter((f, j) => firstKeys[j] === firstKeys[at] && f.line.norm !== line.norm).length));
      read.set(t, own);
    }
    let short = 0;
    for (let j = index - 2; j <= index + 2; j++) if (j !== index && j >= 0 && j < lines.length && lines[j]!.words <= 3) short++;
    const features = [
      index / lines.length,
      index < 3 ? 1 : 0,
      index > lastBody ? 1 : index < firstBody ? 0 : 0.5,
      ...own,
      short,
      line.blankBefore ? 1 : 0,
    ];
    return { text: t, index, features };
  });
}

/** The features of the line's own text, in OUTLET_LINE_FEATURES order from "words" to "furnitureWords" and "plus" ("family" is pushed after). */
function lineFeatures(line: Line, label: string, furniture: readonly string[]): number[] {
  const t = line.text;
  const words = t.split(/\s+/).filter(Boolean);
  const spelling = words.map((w) => {
    const k = compactName(w);
    return k.length > 0 && (label.includes(k) || k.includes(label));
  });
  // Its letters, an address's ending or a leading article aside ("Tonight.de", "The Business Times").
  const key = compactName(t.replace(/\.\p{L}{2,}$/u, ""));
  const bare = compactName(t.replace(/\.\p{L}{2,}$/u, "").replace(ARTICLE, ""));
  // The same line again, and longer furniture lines that hold it.
  const norm = line.norm;
  let repeats = 0;
  let mentions = 0;
  for (const f of furniture) {
    if (f === norm) repeats++;
    else if (f.includes(norm)) mentions++;
  }
  return [
    words.length,
    spelling.filter((s) => !s).length,
    spelling.indexOf(true) > 0 ? 1 : 0,
    key === label || bare === label ? 1 : 0,
    Math.min(1, label.length / Math.max(1, compactName(t).length)),
    Math.log2(repeats),
    Math.log2(1 + mentions),
    /\d/.test(t) && !/\d/.test(label) ? 1 : 0,
    /\p{Ll}/u.test(t) ? 0 : 1,
    /^\p{Ll}/u.test(t) ? 1 : 0,
    /[.:!?]$|:\s/.test(t) ? 1 : 0,
    line.lexiconWords,
    // "SPIEGEL+", "El País +": the site's subscription, named after it.
    t.includes("+") ? 1 : 0,
  ];
}

/** Whether the host has a label before its registered one other than "www": "blog.amp.dev", not "www.bbc.co.uk". */
function hasSubdomain(host: string): boolean {
  const labels = host.toLowerCase().split(".").filter((p) => p !== "www");
  return labels.indexOf(hostLabel(host)) > 0;
}

/**
 * Whether a line spells the page's host as a name does: its letters hold the registered label whole with only
 * signs between them ("Tages-Anzeiger", "St.GEORG"), or the label holds them ("Guardian" of theguardian) —
 * `namesHost`'s first two readings, so every line taken also names the host there. Read on the line folded as
 * `compactName` reads it (`foldLine`), umlauts both ways as `namesHost` reads them (ö → o, ö → oe); a label
 * outside ASCII or a line that does not fold is read through `compactName` itself. A line that spells the label
 * only by its words' beginnings ("Seneste nyt" for sn.dk) is not weighed: it is almost never the name.
 */
class HostSpelling {
  private readonly whole: RegExp | null;
  private readonly ascii: boolean;
  constructor(private readonly label: string) {
    this.ascii = /^[a-z0-9]+$/.test(label);
    this.whole = this.ascii && label.length >= 3 ? new RegExp(label.split("").join(`${SIGN}*`)) : null;
  }

  test(text: string): boolean {
    const read = this.ascii ? foldLine(text, false) : null;
    if (read === null) return this.holds(compactName(text));
    if (this.whole?.test(read) || this.holds(read.replace(SIGNS, ""))) return true;
    const written = TRANSLITERATED.test(text) ? foldLine(text, true) : null;
    return written !== null && (this.whole?.test(written) === true || this.holds(written.replace(SIGNS, "")));
  }

  /** The line's letters and digits hold the label, or are held by it and long enough to be its name. */
  private holds(whole: string): boolean {
    const label = this.label;
    if (label.length >= 3 && whole.includes(label)) return true;
    return whole.length >= Math.max(4, label.length * 0.6) && label.includes(whole);
  }
}

/** In a folded line: "#" a letter or digit outside ASCII, a space any sign. */
const SIGN = "[^a-z0-9#]";
const SIGNS = /[^a-z0-9#]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const TRANSLITERATED = /[äöüßæøœ]/iu;
const WRITTEN_OUT: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", æ: "ae", ø: "oe", œ: "oe" };
/** Each character's reading by `compactName`, as met: ASCII letters and digits ("é" → "e", "ﬁ" → "fi"), " " for a sign, "" for a mark, "#" for another letter, "?" for a reading of several other letters (then the full test). */
const READINGS = new Map<number, string>();

/** The line as `compactName` reads it, signs kept as spaces; umlauts written out when `writtenOut`; null past the basic plane. */
function foldLine(text: string, writtenOut: boolean): string | null {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      out += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
      continue;
    }
    // Past the basic plane, and combining marks (an umlaut written "o" + "̈" is "oe" written out): the full test.
    if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0x300 && c <= 0x36f)) return null;
    const ch = text[i]!;
    if (writtenOut) {
      const w = WRITTEN_OUT[ch.toLowerCase()];
      if (w) {
        out += w;
        continue;
      }
    }
    let read = READINGS.get(c);
    if (read === undefined) {
      const r = compactName(ch);
      read = r === "" ? (/\p{M}/u.test(ch) ? "" : " ") : /^[a-z0-9]+$/.test(r) ? r : r.length === 1 ? "#" : "?";
      READINGS.set(c, read);
    }
    if (read === "?") return null;
    out += read;
  }
  return out;
}

/** A host in lower case ("stol.it"): shown as the host whatever the model says, so not weighed. */
function isLowerAddress(text: string): boolean {
  return /^(?:www\.)?(?:[\p{Ll}\p{N}-]+\.)+\p{Ll}{2,}$/u.test(text);
}

/** The line the model takes for the site's name, or null when none reaches its threshold. */
export function outletLine(lines: readonly Line[], body: readonly Line[], host: string): string | null {
  let best: OutletLine | null = null;
  let bestP = MODEL.threshold;
  for (const c of outletLineCandidates(lines, body, host)) {
    const p = probability(MODEL, c.features);
    if (p >= bestP && (best === null || p > bestP)) {
      best = c;
      bestP = p;
    }
  }
  return best?.text.replace(/[\s,:|-]+$/, "").trim() ?? null;
}
