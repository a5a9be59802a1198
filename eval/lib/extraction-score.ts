// The article-extraction benchmark's metric: multisets of word 4-grams, per-page precision and recall.

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Multiset of token n-grams; a text shorter than n tokens is one shorter shingle (none when empty). */
export function shingles(text: string, n = 4): Map<string, number> {
  const ts = tokens(text);
  const out = new Map<string, number>();
  if (ts.length === 0) return out;
  const size = Math.min(n, ts.length);
  for (let i = 0; i + size <= ts.length; i++) {
    const key = ts.slice(i, i + size).join("\u0001");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  precision: number;
  recall: number;
  f1: number;
  /** Predicted and true shingle multisets are identical. */
  exact: boolean;
  predicted: number;
  truth: number;
  shared: number;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/**
 * One page. An empty prediction scores precision 0 (recall 0) unless the truth is empty too; an
 * empty truth gives recall 1 when the prediction is empty as well.
 */
export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted);
  const t = shingles(truth);
  let shared = 0;
  for (const [k, v] of p) shared += Math.min(v, t.get(k) ?? 0);
  const np = total(p);
  const nt = total(t);
  const precision = np === 0 ? (nt === 0 ? 1 : 0) : shared / np;
  const recall = nt === 0 ? (np === 0 ? 1 : 0) : shared / nt;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, exact: shared === np && shared === nt, predicted: np, truth: nt, shared };
}

export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  exactRate: number;
  pages: number;
}

/** Precision and recall averaged over pages, then F1 of the two averages. */
export function scoreCorpus(pages: readonly PageScore[]): CorpusScore {
  if (pages.length === 0) return { f1: 0, precision: 0, recall: 0, exactRate: 0, pages: 0 };
  const precision = pages.reduce((s, p) => s + p.precision, 0) / pages.length;
  const recall = pages.reduce((s, p) => s + p.recall, 0) / pages.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const exactRate = pages.filter((p) => p.exact).length / pages.length;
  return { f1, precision, recall, exactRate, pages: pages.length };
}

// trafilatura's evaluation metric (webpages-dev): snippets that must / must not appear in the text.

/** White space collapsed to single spaces, as the snippets are matched. */
export const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  /** The `with` snippets not found and the `without` snippets found, for reading the worst pages. */
  missing: string[];
  unwanted: string[];
}

/** One page: white space collapsed in text and snippets, a snippet counts when it is a substring. */
export function scoreSnippets(text: string, must: readonly string[], mustNot: readonly string[]): SnippetCounts {
  const t = collapse(text);
  const out: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0, missing: [], unwanted: [] };
  for (const s of must) {
    if (t.includes(collapse(s))) out.tp++;
    else (out.fn++, out.missing.push(s));
  }
  for (const s of mustNot) {
    if (t.includes(collapse(s))) (out.fp++, out.unwanted.push(s));
    else out.tn++;
  }
  return out;
}

export interface SnippetScore {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
}

/** Counts summed over all pages, then precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn). */
export function snippetCorpus(pages: readonly SnippetCounts[]): SnippetScore {
  let tp = 0, fp = 0, fn = 0;
  for (const p of pages) (tp += p.tp, fp += p.fp, fn += p.fn);
  return {
    f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    pages: pages.length,
  };
}

/** A page's own score on the snippet metric (for ranking the worst pages). */
export function snippetPageF1(c: SnippetCounts): number {
  return c.tp === 0 ? (c.fn === 0 && c.fp === 0 ? 1 : 0) : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

// Headline agreement: token F1 of two headlines (lower case, \w+ tokens, multisets).

export function headlineF1(a: string, b: string): number {
  const ta = tokens(a.toLowerCase());
  const tb = tokens(b.toLowerCase());
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) (shared++, counts.set(t, n - 1));
  }
  if (shared === 0) return 0;
  const p = shared / ta.length;
  const r = shared / tb.length;
  return (2 * p * r) / (p + r);
}

export const AGREES = 0.6;

const MONTHS =
  "jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec|januar|january|februar|february|märz|march|april|juni|june|juli|july|august|september|oktober|october|november|dezember|december|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień";
const DATE_LINE = new RegExp(`^[\\W\\d_]*(?:(?:${MONTHS})\\.?(?![\\p{L}])[\\s\\d,./-]*|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}[\\s\\d:.,]*|\\d{1,2}:\\d{2}.*)$`, "iu");
const FURNITURE = new RegExp(
  "^(?:skip to|jump to|direkt zum|zum inhalt|zur navigation|aller au contenu|ir al contenido|saltar al|menu|menü|main menu|navigation|search|suche|home|startseite|login|log in|sign in|anmelden|register|registrieren|subscribe|abonnieren|newsletter|cookie|cookies|accept|akzeptieren|privacy|datenschutz|impressum|kontakt|contact|share|teilen|print|drucken|close|schließen|toggle|open menu|back to top|nach oben|loading|wird geladen|advertisement|anzeige|werbung|total|prep|cook|servings|yield|rating|bewertung)\\b",
  "iu",
);

/** The reader's own machine or account, as a site's notice names it (stop 74). */
const READER_MACHINE = /(?<!\p{L})(?:devices?|browsers?|player|playback|videos?|javascript|cookies?|apps?|plug-?ins?|sign(?:ing)? in|log(?:ging)? in|geräte?|endgeräte?|anmelden|einloggen)(?!\p{L})/iu;
/** Words a notice speaks to the reader with: the second person, "please", or what their machine lacks. */
const READER_NOTICE = /(?<!\p{L})(?:you|your|please|bitte|du|dein\p{L}*|unsupported|not supported|do(?:es)?(?: not|n[’']t) support|unavailable|not available|enabled?|disabled|required|nicht unterstützt|nicht verfügbar|aktivier\p{L}*|deaktiviert|benötigt|erforderlich)(?!\p{L})/iu;
/** German's formal "you", told from "sie" (she, they) and "ihre" (her, their) by its capital. */
const READER_FORMAL = /(?<!\p{L})(?:Sie|Ihre?[nmrs]?|Ihnen)(?!\p{L})/u;

/**
 * Page furniture given as a headline, judged without the page: a date or time, a line of numbers
 * (ratings, counts), navigation, a form or recipe-metadata label, a notice to the reader about their device,
 * browser, player, JavaScript, cookies, app or sign-in ("Media playback is unsupported on your device", "Please
 * enable JavaScript"). An empty headline is missing, not furniture.
 */
export function isFurnitureHeadline(title: string): boolean {
  const t = collapse(title);
  if (!t) return false;
  const toks = tokens(t);
  if (toks.length === 0) return true;
  const numeric = toks.filter((w) => /^\d+$/.test(w)).length;
  if (numeric / toks.length > 0.5 || (numeric / toks.length >= 0.5 && toks.length >= 3)) return true;
  if (DATE_LINE.test(t)) return true;
  if (toks.length <= 6 && FURNITURE.test(t)) return true;
  if (/\b(?:passwor[dt]|e-?mail|kennwort|username|benutzername)\b/i.test(t) && toks.length <= 14) return true;
  if (toks.length <= 30 && READER_MACHINE.test(t) && (READER_NOTICE.test(t) || READER_FORMAL.test(t))) return true;
  return false;
}
