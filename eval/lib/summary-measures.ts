// Measures of summaries without a reference: reading faults, distance to the input, pyramid-style coverage.
import { factPairs, type SummaryInput } from "../../src/summarise/index.ts";
import { needsAntecedent } from "../../src/summarise/reference.ts";
import { cutQuotation, QuoteReader } from "../../src/summarise/quotes.ts";
import { datelineLength, splitSentences } from "../../src/text/sentences.ts";
import { STOP_WORDS } from "../../src/text/words.ts";
import { rougeTokens } from "./rouge.ts";

/**
 * Reading faults of summaries: dangling references, dateline fragments, a quotation cut (the summary, read in
 * its order, leaves a quotation open or closes one it never opened), one fact told twice. A fact told
 * twice is a pair of the summary's sentences the learned same-fact model (src/summarise/same-fact.ts,
 * trained on hand-labelled pairs: train/train-same-fact.ts) takes for one fact, told by two outlets (no one
 * article has both: the model knows only such pairs); `oldRule` counts the pairs
 * the content-word rule below finds (it missed 92 of the 93 labelled repeats).
 */
export class Faults {
  summaries = 0;
  sentences = 0;
  dangling = 0;
  datelines = 0;
  /** Summaries that show a quotation cut. */
  cutQuotes = 0;
  /**
   * Summaries whose only cut is a mark its article has stray already, read from its start (reversed marks,
   * `their” 15 Most Wanted “list`; an inch sign, `10,25“-Touchscreen`): not counted in cutQuotes.
   */
  sourceMarks = 0;
  repeats = 0;
  /** Summaries with at least one fact told twice. */
  repeating = 0;
  oldRule = 0;

  count(summary: string[], inputs: SummaryInput[]): void {
    this.summaries++;
    this.sentences += summary.length;
    const texts = inputs.map((a) => a.text);
    if (cutQuotation(summary)) {
      if (cutQuotation(summary.filter((x) => !strayInArticle(x, texts)))) this.cutQuotes++;
      else this.sourceMarks++;
    }
    summary.forEach((s, i) => {
      if (datelineLength(s) > 0 || /^\(?(?:AP|Reuters|AFP|UPI|dpa)\)?\s*[-—–]/u.test(s)) this.datelines++;
      // Dangling: not an article's opening sentence, opens with a reference, and the sentence before it in the
      // summary is not the one before it in its article.
      // The summariser may close a quotation where it leaves it, or open one where it takes it up: the sentence
      // is the text's without those marks, and is judged as the summariser judged it (a closing mark at its
      // very end would hide who speaks).
      const opens = texts.some((t) => t.slice(datelineLength(t)).trimStart().startsWith(asInText(s)));
      if (!opens && needsAntecedent(asInText(s)) && !texts.some((t) => i > 0 && followsInText(t, asInText(summary[i - 1]!).replace(MARKS_AT_START, ""), asInText(s)))) this.dangling++;
      for (let j = 0; j < i; j++) if (sameFact(summary[j]!, s)) this.oldRule++;
    });
    const repeats = factPairs(summary, inputs).filter((p) => p.same && !p.oneArticle).length;
    this.repeats += repeats;
    if (repeats > 0) this.repeating++;
  }

  line(): string {
    const pct = (x: number) => `${((100 * x) / Math.max(1, this.sentences)).toFixed(1)}%`;
    return `${this.sentences} sentences: dangling references ${this.dangling} (${pct(this.dangling)}), dateline fragments ${this.datelines}, cut quotations in ${this.cutQuotes} of ${this.summaries} summaries${this.sourceMarks ? ` (${this.sourceMarks} more: the article's own stray mark)` : ""}, facts told twice ${this.repeats} (old rule ${this.oldRule}) in ${this.repeating} of ${this.summaries} summaries`;
  }
}

/** What QuoteReader.read reports for a closing mark no quotation opened (src/summarise/quotes.ts STRAY). */
const STRAY = 8;

/**
 * Whether `sentence` is one of an article's that closes a quotation its article never opened, each article read in
 * order from its start (paragraphs, then sentences, as the summariser splits them): a mark the source has stray.
 */
function strayInArticle(sentence: string, texts: string[]): boolean {
  const shown = asInText(sentence).replace(MARKS_AT_START, "");
  for (const text of texts) {
    if (!text.includes(shown)) continue;
    const reader = new QuoteReader();
    for (const p of text.split(/\n+/)) {
      for (const s of splitSentences(p.slice(datelineLength(p)))) {
        const stray = (reader.read(s) & STRAY) !== 0;
        if (stray && s.includes(shown)) return true;
      }
    }
  }
  return false;
}

/** The sentence less the quotation marks that end it (those the summariser may add to close a quotation it leaves). */
const asInText = (s: string) => s.replace(/[\s"'“”„‘’‚«»‹›「」『』]+$/u, "");
const MARKS_AT_START = /^[\s"'“”„‘’‚«»‹›「」『』]+/u;

/**
 * `b` comes right after `a` in `text` (only white space and quotation marks between). `a` may be shown without the connective
 * it opens with in the text ("But the US says…" shown as "The US says…"), so its first letter may be the
 * text's lower-case one.
 */
function followsInText(text: string, a: string, b: string): boolean {
  for (const shown of new Set([a, a.charAt(0).toLowerCase() + a.slice(1)])) {
    const at = text.indexOf(shown);
    if (at >= 0 && text.slice(at + shown.length).replace(MARKS_AT_START, "").startsWith(b.replace(MARKS_AT_START, ""))) return true;
  }
  return false;
}

const contentStems = (s: string) => new Set(rougeTokens(s).filter((t) => !STOP_WORDS.has(t) && t.length > 2));
/** Two sentences that share most of the content words of the shorter one state one fact. */
export function sameFact(a: string, b: string): boolean {
  const [x, y] = [contentStems(a), contentStems(b)];
  const small = x.size <= y.size ? x : y;
  const large = small === x ? y : x;
  if (small.size < 4) return false;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size >= 0.6;
}

export class Scores {
  n = 0;
  js = 0;
  pyramid = 0;
  words = 0;
  faults = new Faults();

  add(summary: string[], inputs: SummaryInput[]): void {
    this.n++;
    const docs = inputs.map((a) => rougeTokens(`${a.title ?? ""} ${a.text}`).filter((t) => !STOP_WORDS.has(t)));
    const sum = rougeTokens(summary.join(" ")).filter((t) => !STOP_WORDS.has(t));
    this.js += jensenShannon(sum, docs.flat());
    this.pyramid += pyramid(sum, docs);
    this.words += summary.join(" ").split(/\s+/).length;
    this.faults.count(summary, inputs);
  }

  line(): string {
    return `JS divergence ${(this.js / this.n).toFixed(4)}  pyramid ${(this.pyramid / this.n).toFixed(3)}  words ${(this.words / this.n).toFixed(0)}; ${this.faults.line()}`;
  }
}

/** Smoothed Jensen-Shannon divergence (base 2) between two bags of words. */
export function jensenShannon(a: string[], b: string[]): number {
  const vocab = new Set([...a, ...b]);
  const counts = (xs: string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const [ca, cb] = [counts(a), counts(b)];
  const delta = 0.0005;
  const pa = (w: string) => ((ca.get(w) ?? 0) + delta) / (a.length + delta * vocab.size);
  const pb = (w: string) => ((cb.get(w) ?? 0) + delta) / (b.length + delta * vocab.size);
  let js = 0;
  for (const w of vocab) {
    const [p, q] = [pa(w), pb(w)];
    const m = (p + q) / 2;
    js += 0.5 * p * Math.log2(p / m) + 0.5 * q * Math.log2(q / m);
  }
  return js;
}

/** Content-word pairs of the summary weighted by how many articles hold them (2 or more), over the best possible for as many pairs. */
export function pyramid(summary: string[], docs: string[][]): number {
  const pairs = (xs: string[]) => new Set(xs.slice(1).map((x, i) => `${xs[i]} ${x}`));
  const weight = new Map<string, number>();
  for (const d of docs) for (const p of pairs(d)) weight.set(p, (weight.get(p) ?? 0) + 1);
  const mine = [...pairs(summary)];
  const got = mine.reduce((s, p) => s + ((weight.get(p) ?? 0) >= 2 ? weight.get(p)! : 0), 0);
  const best = [...weight.values()].filter((w) => w >= 2).sort((a, b) => b - a).slice(0, mine.length).reduce((s, w) => s + w, 0);
  return best > 0 ? got / best : 0;
}


/**
 * Facts most outlets report first, and how many of them a summary tells: each article's two opening
 * sentences; a fact is an opening with the openings of other articles the same-fact model takes for the same
 * fact (or the same text), centred greedily on the opening most articles tell, while it reaches at least
 * `share` of the articles (and 3). It is told when the model takes a summary sentence for one of its openings. A proxy for the DUC-style
 * multi-document task (no reference summaries here); the model is the one selection uses, so it reads
 * generously what selection chose.
 */
/** The model's log-odds at which SharedFacts links two sentences: p 0.5, stricter than its F1 threshold (0.30), whose looser links tie every opening of an event into one fact. */
const STRICT = 0;

export class SharedFacts {
  stories = 0;
  facts = 0;
  told = 0;

  constructor(private readonly share = 0.2) {}

  add(summary: string[], inputs: SummaryInput[]): void {
    const leads: Array<{ text: string; article: number }> = [];
    inputs.forEach((a, article) => {
      const opening = a.text.split(/\n+/).map((p) => p.trim()).filter(Boolean).flatMap((p) => splitSentences(p.slice(datelineLength(p)))).slice(0, 2);
      for (const text of opening) leads.push({ text, article });
    });
    const texts = [...leads.map((l) => l.text), ...summary];
    const same = new Map<string, boolean>();
    for (const p of factPairs(texts, inputs)) same.set(`${p.a} ${p.b}`, p.logit >= STRICT || texts[p.a] === texts[p.b]);
    const alike = (a: number, b: number) => a !== b && same.get(a < b ? `${a} ${b}` : `${b} ${a}`) === true;
    // Each fact centred on the opening that the most other articles' openings tell (no chains of look-alikes):
    // the centre and the openings it is alike with form the fact; the next centre is looked for among the rest.
    const need = Math.max(3, this.share * inputs.length);
    const left = new Set(leads.map((_, i) => i));
    this.stories++;
    for (;;) {
      let centre = -1;
      let members: number[] = [];
      for (const c of left) {
        const with_ = [...left].filter((i) => i === c || (leads[i]!.article !== leads[c]!.article && alike(i, c)));
        if (new Set(with_.map((i) => leads[i]!.article)).size > new Set(members.map((i) => leads[i]!.article)).size) [centre, members] = [c, with_];
      }
      if (centre < 0 || new Set(members.map((i) => leads[i]!.article)).size < need) break;
      for (const i of members) left.delete(i);
      this.facts++;
      if (summary.some((_, s) => members.some((i) => alike(i, leads.length + s)))) this.told++;
    }
  }

  line(): string {
    return `shared facts (openings of >= ${Math.round(100 * this.share)}% of outlets and 3): ${this.facts} in ${this.stories} stories, told ${this.told} (${((100 * this.told) / Math.max(1, this.facts)).toFixed(1)}%)`;
  }
}
