// A text dump's short furniture line that spells the page's host, weighed as the site's name: the
// masthead's "PhillyVoice", the footer's "Tages-Anzeiger", rather than a product, a section or a notice
// that carries the name too ("Macwelt TV", "1000things Awards 2023", "sn.dk beskytter dine data",
// "WordPress.com" on a blog it hosts). A logistic model (train/train-outlet-lines.ts, learned on the
// tuning half against the pages' own og:site_name) weighs what the line looks like and where it stands;
// nothing in it names a site. Only asked when the host is known and no stronger line names it.
import type { Line } from "./doc.ts";
import { compactName, hostLabel, namesHost } from "../text/outlet-names.ts";
import { loadModel, probability } from "../model/logistic.ts";
import weights from "./source-lines-model.json" with { type: "json" };

export const OUTLET_LINE_FEATURES = [
  "position", "top", "afterBody", "words", "extraWords", "extraBefore", "exact", "cover", "repeats", "mentions",
  "family", "digits", "upper", "lowerStart", "punctuation", "furnitureWords", "shortNeighbours", "blankBefore", "plus",
] as const;

const MODEL = loadModel(weights, OUTLET_LINE_FEATURES);

/** Longest line weighed: a name is a few words. */
const MAX_CHARS = 60;
const MAX_WORDS = 6;
/** Lines that are mail, links or notices, never a name line: copyright lines have their own reading. */
const ARTICLE = /^(?:the|die|der|das|la|le|les|el|los|las|il|lo|de|het)\s+/i;
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
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (inBody.has(l) || l.words > MAX_WORDS || l.text.length > MAX_CHARS || l.words === 0) continue;
    // A line of furniture words only is a menu item ("Archive" on web.archive.org), whatever it spells.
    if (NOT_A_NAME_LINE.test(l.text) || isLowerAddress(l.text) || l.lexiconWords >= l.words) continue;
    if (namesHost(l.text, host)) found.push({ line: l, index: i });
  }
  if (!found.length) return [];
  const counts = new Map<string, number>();
  for (const l of lines) if (l.words <= MAX_WORDS) counts.set(l.norm, (counts.get(l.norm) ?? 0) + 1);
  return found.map(({ line, index }) => {
    const words = line.text.split(/\s+/).filter(Boolean);
    const spelling = words.map((w) => {
      const k = compactName(w);
      return k.length > 0 && (label.includes(k) || k.includes(label));
    });
    const firstSpelling = spelling.indexOf(true);
    const extra = spelling.filter((s) => !s).length;
    // Its letters, an address's ending or a leading article aside ("Tonight.de", "The Business Times").
    const key = compactName(line.text.replace(/\.\p{L}{2,}$/u, ""));
    const bare = compactName(line.text.replace(/\.\p{L}{2,}$/u, "").replace(ARTICLE, ""));
    const first = compactName(words[0] ?? "");
    const family = found.filter((f) => f.line !== line && f.line.norm !== line.norm && compactName(f.line.text.split(/\s+/)[0] ?? "") === first).length;
    const mention = line.norm;
    const mentions = lines.filter((l, j) => j !== index && !inBody.has(l) && l.norm !== mention && l.norm.includes(mention)).length;
    let short = 0;
    for (let j = index - 2; j <= index + 2; j++) if (j !== index && j >= 0 && j < lines.length && lines[j]!.words <= 3) short++;
    const t = line.text;
    const features = [
      index / lines.length,
      index < 3 ? 1 : 0,
      index > lastBody ? 1 : index < firstBody ? 0 : 0.5,
      words.length,
      extra,
      firstSpelling > 0 ? 1 : 0,
      key === label || bare === label ? 1 : 0,
      Math.min(1, label.length / Math.max(1, compactName(t).length)),
      Math.log2(counts.get(line.norm) ?? 1),
      Math.log2(1 + mentions),
      Math.log2(1 + family),
      /\d/.test(t) && !/\d/.test(label) ? 1 : 0,
      /\p{Ll}/u.test(t) ? 0 : 1,
      /^\p{Ll}/u.test(t) ? 1 : 0,
      /[.:!?]$|:\s/.test(t) ? 1 : 0,
      line.lexiconWords,
      short,
      line.blankBefore ? 1 : 0,
      // "SPIEGEL+", "El País +": the site's subscription, named after it.
      t.includes("+") ? 1 : 0,
    ];
    return { text: t, index, features };
  });
}

/** Whether the host has a label before its registered one other than "www": "blog.amp.dev", not "www.bbc.co.uk". */
function hasSubdomain(host: string): boolean {
  const labels = host.toLowerCase().split(".").filter((p) => p !== "www");
  return labels.indexOf(hostLabel(host)) > 0;
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
