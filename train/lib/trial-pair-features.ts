// Pair features that src does not compute, for a full train:merge trial (`EXTRA=f+g npm run train:merge`,
// train-merge.ts): each reads one set's candidates (ScoredPairs) and gives a pair's value from its two
// articles' indices. Trials only: a feature that is kept moves into src/cluster/similarity.ts.
import { PAIR_FEATURES, type ScoredPairs } from "../../src/cluster/index.ts";
import { readMentions } from "../../src/cluster/mentions.ts";
import { covered, size, type Profile, type SparseVector } from "../../src/cluster/profile.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import { stem } from "../../src/text/tfidf.ts";
import { evidenceFeatures } from "./evidence-features.ts";
import { daysApart, statedDays, type Span } from "./stated-days.ts";
import { bodyPlaceNames, leadPlaceWords, placesMissingFrom, textWords } from "./places.ts";

const PAIR_WIDTH = PAIR_FEATURES.length;
/** mg64: a lead name given by at most this share of the report's candidates is specific to its event, not its topic. */
const SPECIFIC_SHARE = Number(process.env.SPECIFIC_SHARE ?? 0.5);
const shrink10 = (m: number) => Math.sqrt(m / (m + 10));

export type TrialFeature = (a: number, b: number) => number;

/** +1 when two sets share an item, -1 when both hold some and share none, 0 when one is empty. */
const agreeSets = <T>(a: Set<T>, b: Set<T>) => (a.size === 0 || b.size === 0 ? 0 : [...a].some((x) => b.has(x)) ? 1 : -1);
const agreeBits = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a & b ? 1 : -1);

/**
 * id62: an article's identifiers: runs of letters and digits (joined by - . /) that hold both, such as bulletin,
 * patch and case numbers, versions, flight and model names ("ms08-078", "cve-2013-3893", "ie8", "a380"), lower
 * case; not a number with its unit or ending ("36m", "3pm", "1990s", "2nd") nor a number joined to a word
 * ("32-bit", "12-year-old"). `codes`: those with at least three digits (bulletin and case numbers, not "ie8").
 */
const ID_RUN = /[\p{L}\p{N}]+(?:[-./][\p{L}\p{N}]+)*/gu;
const NUMBER_WITH_UNIT = /^\d+(?:[.,]\d+)?(?:st|nd|rd|th|s|am|pm|m|bn|b|k|km|kg|mph|ft|ml|mm|cm|g|p|x|gb|mb|tb|mw|kw|ghz|mhz|lbs?|oz|yrs?|hrs?|mins?|secs?)$/i;
const NUMBER_AND_WORD = /^\d+(?:[.,]\d+)?(?:-\p{L}+)+$/u;
export function identifiers(title: string, paragraphs: readonly string[]): { ids: Set<string>; codes: Set<string> } {
  const ids = new Set<string>();
  const codes = new Set<string>();
  for (const text of [title, ...paragraphs]) for (const m of text.matchAll(ID_RUN)) {
    const t = m[0].replace(/[-./]+$/, "");
    if (!/\p{L}/u.test(t) || !/\d/.test(t) || NUMBER_WITH_UNIT.test(t) || NUMBER_AND_WORD.test(t)) continue;
    const id = t.toLowerCase();
    ids.add(id);
    if ((t.match(/\d/g) ?? []).length >= 3) codes.add(id);
  }
  return { ids, codes };
}
/** How many items two sets share. */
const sharedCount = <T>(a: Set<T>, b: Set<T>) => {
  let k = 0;
  for (const x of a) if (b.has(x)) k++;
  return k;
};

/**
 * mg45: the names an article gives in a form the other does not: an acronym of capital letters ("ONS",
 * "IMF") whose expansion the other spells out ("Office for National Statistics": the initials of a run of
 * capitalised words, small linking words skipped), and a name the other gives only with a short ending
 * added or dropped ("Russia" / "Russian", "Japan" / "Japanese": one a prefix of the other, 4+ letters, 1-3
 * more). Outlets name one event's actors in their own forms; a word cosine sees two different words.
 */
interface NameForms {
  acronyms: Set<string>;
  expansions: Set<string>;
  names: Set<string>;
}
const LINKS = new Set(["of", "for", "and", "the", "de", "on", "in"]);
function nameForms(title: string, paragraphs: readonly string[]): NameForms {
  const text = [title, ...paragraphs].join("\n");
  const acronyms = new Set([...text.matchAll(/\b[A-Z]{2,6}\b/g)].map((m) => m[0].toLowerCase()));
  const expansions = new Set<string>();
  for (const line of text.split(/[.!?\n]/)) {
    let initials = "";
    for (const w of line.split(/[^\p{L}]+/u).filter(Boolean)) {
      if (/^\p{Lu}\p{Ll}/u.test(w)) initials += w[0]!.toLowerCase();
      else if (LINKS.has(w) && initials) continue;
      else {
        if (initials.length >= 2) expansions.add(initials);
        initials = "";
      }
    }
    if (initials.length >= 2) expansions.add(initials);
  }
  return { acronyms, expansions, names: new Set(readMentions(title, paragraphs).names) };
}
/** How many of a's acronyms b spells out (and b lacks), and of a's names b gives only in a form with another ending. */
function formsMatched(a: NameForms, b: NameForms): number {
  let n = 0;
  for (const x of a.acronyms) if (!b.acronyms.has(x) && b.expansions.has(x)) n++;
  for (const x of a.names) {
    if (x.length < 4 || b.names.has(x)) continue;
    for (const y of b.names) if (y !== x && !a.names.has(y) && (y.startsWith(x) || x.startsWith(y)) && Math.min(x.length, y.length) >= 4 && Math.abs(x.length - y.length) <= 3) {
      n++;
      break;
    }
  }
  return n;
}


/**
 * lk73: whether a report's lead (headline and first two sentences) points back to an earlier event of its thread:
 * "last week's", "earlier this month", "two weeks ago", "previous" (not "previously unknown"), "again", "another",
 * "reverse"/"reversal", "overturn", "rescind", "repeal" and the like. A report of a thread's next event retells the
 * first in its lead; the first event's reports have nothing to point back to.
 */
const BACK_REFERENCE = new RegExp(
  [
    String.raw`\b(?:last|past|previous)\s+(?:week|month|year|weekend|summer|autumn|winter|spring|season|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b`,
    String.raw`\bearlier\s+(?:this|in\s+the)\s+(?:week|month|year)\b`,
    String.raw`\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|after|earlier|before)\b`,
    String.raw`\b(?:previous(?:ly)?(?!\s+(?:unknown|unreported|undisclosed|unseen|unpublished))|again|another|renewed|follow-?up|once\s+more)\b`,
    String.raw`\b(?:revers(?:e|es|ed|ing|al)|overturn(?:s|ed|ing)?|undo(?:es|ing)?|undid|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?|scrap(?:s|ped|ping)?)\b`,
  ].join("|"),
  "i",
);
export function pointsBack(title: string, paragraphs: readonly string[]): boolean {
  const lead = [title, ...paragraphs.flatMap((x) => splitSentences(x)).slice(0, 2)].join(" \n ");
  return BACK_REFERENCE.test(lead);
}
/**
 * mg74: whether a report's lead (headline and first sentence) names an earlier event of its thread as the OBJECT of its
 * verb, not by a time phrase: (a) a verb of reversal in a verb form followed directly by its object ("overturns Bush
 * rule", "reversed the ruling", "rolls back", "strikes down") or a reversal noun with "of" ("reversal of", "repeal of");
 * (b) a word of succession right after a verb (a lower-case word that is not a preposition; a determiner may stand
 * between) and before a lower-case noun that is not a unit of time or of a contest ("releases second patch", "issues
 * another warning", not "for a second day", "the second half"). A same-event report written a day later says "last
 * week" or "a day earlier" (lk73's `pointsBack`), not this.
 */
const NOT_OBJECT = String.raw`(?:to|on|in|at|for|with|from|by|after|before|as|and|or|but|of|over|into|itself|himself|herself|themselves|course|direction|out|up|off|again)\b`;
const REVERSAL_VERB = String.raw`(?:overturn(?:s|ed|ing)?|revers(?:es|ed|ing)|reverse|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?|revok(?:e|es|ed|ing)|undo(?:es|ing)?|undid|undone|scrap(?:s|ped|ping)?|quash(?:es|ed|ing)?|annul(?:s|led|ling)?|retract(?:s|ed|ing)?)`;
const REVERSAL = new RegExp(
  [
    String.raw`\b${REVERSAL_VERB}\s+(?!${NOT_OBJECT})["'‘“]?[\p{L}\d]`,
    String.raw`\b(?:roll(?:s|ed|ing)?\s+back|strik(?:e|es|ing)\s+down|struck\s+down)\s+(?!${NOT_OBJECT})["'‘“]?[\p{L}\d]`,
    String.raw`\b(?:reversal|repeal|overturning|rescinding|revocation|annulment)\s+of\b`,
  ].join("|"),
  "iu",
);
const PREPOSITIONS = new Set(["to", "on", "in", "at", "for", "with", "from", "by", "after", "before", "as", "of", "over", "into", "during", "until", "since", "than", "and", "or", "but", "the", "a", "an", "is", "was", "be", "been", "its", "his", "her", "their", "this", "that", "for"]);
const TIME_AND_CONTEST_UNITS = new Set(["day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "time", "times", "half", "quarter", "round", "leg", "set", "sets", "innings", "period", "term", "place", "minute", "hour", "season", "stage", "game", "match", "test", "straight", "consecutive", "successive", "largest", "biggest", "highest", "most", "best", "worst", "oldest"]);
const SUCCESSION = /(?<![\p{L}\d'’-])(\p{Ll}[\p{Ll}-]*)(?![\p{L}'’])\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:second|third|fourth|another|follow-up|replacement)\s+(\p{Ll}[\p{Ll}-]*)/gu;
export function pointsBackByObject(title: string, paragraphs: readonly string[]): boolean {
  for (const line of [title, ...paragraphs.flatMap((x) => splitSentences(x)).slice(0, 1)]) {
    if (REVERSAL.test(line)) return true;
    for (const m of line.matchAll(SUCCESSION)) if (!PREPOSITIONS.has(m[1]!) && !TIME_AND_CONTEST_UNITS.has(m[2]!)) return true;
  }
  return false;
}
/**
 * mg71: the people a report names in full ("Tony Blair", "Desmond Tutu": a run of 2-3 capitalised words, a title
 * or a sentence's opening word left off, the last word the surname) and those it names only by one word ("Mr
 * Blair", "Tutu said") and never in full. A report that names someone only by surname whom the other report
 * names in full was written after it, in the same story (the reader met the person there); two stories of one
 * thread each name their people in full.
 */
export interface Introduced {
  full: Set<string>;
  short: Set<string>;
}
const NOT_NAMES = new Set(["the", "a", "an", "but", "and", "in", "on", "at", "it", "this", "that", "these", "those", "he", "she", "they", "we", "his", "her", "their", "its", "however", "meanwhile", "after", "before", "when", "while", "for", "with", "as", "by", "from", "if", "of", "to", "there", "so", "yet", "also", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "prime", "minister", "chancellor", "secretary", "archbishop", "director", "chief", "judge", "senator", "governor", "prof", "professor", "st", "saint"]);
const MONTHS_AND_DAYS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
export function introduced(title: string, paragraphs: readonly string[]): Introduced {
  const full = new Set<string>();
  const once = new Set<string>();
  for (const sentence of [title, ...paragraphs.flatMap((x) => splitSentences(x))]) {
    for (const m of sentence.matchAll(/\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)*/gu)) {
      const words = m[0].toLowerCase().split(/\s+/).map((w) => w.replace(/'s$/, ""));
      while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
      if (words.length === 0 || words.some((w) => MONTHS_AND_DAYS.has(w) || w.length < 3)) continue;
      if (words.length >= 2 && words.length <= 3) full.add(words[words.length - 1]!);
      else if (words.length === 1) once.add(words[0]!);
    }
  }
  return { full, short: new Set([...once].filter((w) => !full.has(w))) };
}
/**
 * mg73: the roles a report gives a named person ("singer George Michael", "Archbishop Desmond Tutu", "Economy minister
 * German Gref": a word right before a capitalised name of two or more words, or a leading word of a capitalised run of
 * three or more) and the lower-case words it puts after "the" (one or two, after at most two capitalised ones:
 * "the South African archbishop", "the prime minister").
 * A report that refers to someone by the role alone ("the singer", "the archbishop") whom the other introduces with
 * that role and a name was written after it in the same story; two reports of one thread each introduce their people.
 */
export interface Roles {
  named: Set<string>;
  referred: Set<string>;
}
export function roles(title: string, paragraphs: readonly string[]): Roles {
  const named = new Set<string>();
  const referred = new Set<string>();
  for (const sentence of [title, ...paragraphs.flatMap((x) => splitSentences(x))]) {
    for (const m of sentence.matchAll(/(?:(\p{Ll}{4,})\s+)?(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)+)/gu)) {
      const words = m[2]!.toLowerCase().split(/\s+/).map((w) => w.replace(/'s$/, ""));
      if (m[1]) named.add(m[1]);
      for (const w of words.slice(0, -2)) if (w.length >= 4 && !MONTHS_AND_DAYS.has(w)) named.add(w);
    }
    for (const m of sentence.matchAll(/\b[Tt]he(?:\s+\p{Lu}[\p{L}-]*){0,2}((?:\s+\p{Ll}[\p{Ll}-]*){1,2})/gu)) for (const w of m[1]!.trim().split(/\s+/)) if (w.length >= 4) referred.add(w);
  }
  return { named, referred: new Set([...referred].filter((w) => !named.has(w))) };
}
/** How many roles b refers to by "the <role>" alone that a gives with a person's name. */
export const roleReferredTo = (a: Roles, b: Roles) => {
  let n = 0;
  for (const w of b.referred) if (a.named.has(w)) n++;
  return n;
};
/**
 * mg74: how many people b names only by surname whom a names in full, counting only a surname b puts where a person
 * stands: after a title ("Mr Blair", "Gov. Palin", "coach Dungy") or before a verb of saying ("Tutu said"). `introduced`
 * also counts organisations, teams and places written once in full ("Microsoft Corp", "Indianapolis Colts").
 */
const PERSON_TITLE = String.raw`(?:mr|mrs|ms|miss|dr|sir|lord|lady|gov|sen|rep|president|minister|chancellor|secretary|judge|coach|captain|prof|professor)`;
const SAYING = String.raw`(?:said|says|told|added|argued|insisted|warned|explained|wrote|admitted|claimed|denied)`;
export const personIntroducedTo = (a: Introduced, b: Introduced, bText: string) => {
  let n = 0;
  for (const w of b.short) {
    if (!a.full.has(w)) continue;
    const q = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(String.raw`\b${PERSON_TITLE}\.?\s+${q}\b|\b${q}\s+${SAYING}\b`, "u").test(bText)) n++;
  }
  return n;
};
/**
 * mg75: the surnames a text writes as a person's full name, read from the text itself (no list of names): a full form
 * "Sarah Palin" / "Barack Hussein Obama" in the body (2-3 capitalised words after `introduced`'s leading function words and
 * titles are dropped, not the sentence's first words, so "Once Microsoft" is not one) whose first word is a first name
 * by its use: the text never writes it in lower case, never alone or inside another name, never after "the", never
 * after a preposition of place ("in", "at", "near", "outside", "off", "across", "into", "throughout"); and whose last
 * word is never after "the" ("the Colts") nor after such a preposition ("in Banda Aceh"). Teams, firms and places
 * written once in full ("Indianapolis Colts", "Banda Aceh") are what `introduced` also counts and this does not.
 */
export function people(title: string, paragraphs: readonly string[]): Set<string> {
  const sentences = paragraphs.flatMap((x) => splitSentences(x));
  const lower = new Set<string>();
  const the = new Set<string>();
  const place = new Set<string>();
  const wordsOf = (run: string) => run.toLowerCase().split(/\s+/).map((w) => w.replace(/'s$/, ""));
  for (const sentence of [title, ...sentences]) {
    for (const m of sentence.matchAll(/(?<![\p{L}\p{N}'-])\p{Ll}[\p{Ll}'-]*/gu)) lower.add(m[0]);
    for (const m of sentence.matchAll(/\b[Tt]he\s+((?:\p{Lu}[\p{Ll}'-]+\s+){0,2}\p{Lu}[\p{Ll}'-]+)/gu)) for (const w of wordsOf(m[1]!)) the.add(w);
    for (const m of sentence.matchAll(/\b(?:in|at|near|outside|off|across|into|throughout)\s+((?:\p{Lu}[\p{Ll}'-]+\s+){0,2}\p{Lu}[\p{Ll}'-]+)(?!'s)/gu)) for (const w of wordsOf(m[1]!)) place.add(w);
  }
  const surnamesAfter = new Map<string, Set<string>>();
  const otherUse = new Set<string>();
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(/\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)*/gu)) {
      const words = wordsOf(m[0]);
      let dropped = 0;
      while (words.length > 0 && NOT_NAMES.has(words[0]!)) (words.shift(), dropped++);
      if (words.length >= 2 && words.length <= 3 && !words.some((w) => MONTHS_AND_DAYS.has(w) || w.length < 3)) {
        if (m.index !== 0 || dropped > 0) (surnamesAfter.get(words[0]!) ?? surnamesAfter.set(words[0]!, new Set()).get(words[0]!)!).add(words[words.length - 1]!);
        for (const w of words.slice(1)) otherUse.add(w);
      } else for (const w of words) otherUse.add(w);
    }
  }
  const out = new Set<string>();
  const named = (w: string) => !the.has(w) && !place.has(w);
  for (const [first, surnames] of surnamesAfter) {
    if (lower.has(first) || otherUse.has(first) || !named(first)) continue;
    for (const w of surnames) if (named(w)) out.add(w);
  }
  return out;
}
/**
 * mg76 (mg75's untried refinement): `people`, keeping only surnames the same text also writes alone ("Sarah Palin ...
 * Palin said"): a person named in full is then referred to by surname, where "Alaska Gov", "Mat Maid Dairy" or
 * "Microsoft Corp" written once in full leave "gov", "dairy", "corp" never standing alone.
 */
export function peopleAlone(title: string, paragraphs: readonly string[]): Set<string> {
  const alone = new Set<string>();
  for (const sentence of [title, ...paragraphs.flatMap((x) => splitSentences(x))]) {
    for (const m of sentence.matchAll(/\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)*/gu)) {
      const words = m[0].toLowerCase().split(/\s+/).map((w) => w.replace(/'s$/, ""));
      while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
      if (words.length === 1) alone.add(words[0]!);
    }
  }
  return new Set([...people(title, paragraphs)].filter((w) => alone.has(w)));
}
/** How many people b names only by surname whom a names in full as a person (aPeople: people(a)). */
export const peopleIntroducedTo = (a: Introduced, aPeople: ReadonlySet<string>, b: Introduced) => {
  let n = 0;
  for (const w of b.short) if (a.full.has(w) && aPeople.has(w)) n++;
  return n;
};
/** How many people b names only by surname whom a names in full. */
export const introducedTo = (a: Introduced, b: Introduced) => {
  let n = 0;
  for (const w of b.short) if (a.full.has(w)) n++;
  return n;
};


/**
 * mg54: what an article says about when its event happened, for telling two events of one
 * running thread apart (two days of one trial, two months' figures): the months and weekdays its whole
 * text names, the month its lead names first, and the numbers it states.
 */
interface ThreadTimes {
  months: number;
  weekdays: number;
  leadMonth: number;
  numbers: Set<string>;
}
const MONTH_WORDS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAY_WORDS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
function threadTimes(title: string, paragraphs: readonly string[]): ThreadTimes {
  const text = paragraphs.join("\n");
  const sentences = paragraphs.flatMap((p) => splitSentences(p));
  const lead = [title, ...sentences.slice(0, 2)].join(" ");
  const capitalised = (t: string) => [...t.matchAll(/\b[A-Z][a-z]+\b/g)].map((m) => m[0].toLowerCase());
  let months = 0;
  let weekdays = 0;
  for (const w of capitalised(text)) {
    const m = MONTH_WORDS.indexOf(w);
    if (m >= 0 && w !== "may") months |= 1 << m;
    const d = DAY_WORDS.indexOf(w);
    if (d >= 0) weekdays |= 1 << d;
  }
  const leadMonth = capitalised(lead).map((w) => MONTH_WORDS.indexOf(w)).find((m) => m >= 0 && MONTH_WORDS[m] !== "may") ?? -1;
  const numbers = new Set([...text.matchAll(/\d[\d,.]*\d|\d/g)].map((m) => m[0].replace(/,/g, "")).filter((x) => !/^(19|20)\d\d$/.test(x)));
  return { months, weekdays, leadMonth: leadMonth + 1, numbers };
}
/**
 * mg60: where a report says its event happened: the capitalised names (1-3 words) right after "in", "at", "near",
 * "outside" or "from" in its headline and first two sentences, months and weekdays left out ("in Baghdad",
 * "at Wembley"). Two look-alike events of one kind often differ in place; one event's outlets name one place.
 */
const NOT_PLACES = new Set([...MONTH_WORDS, ...DAY_WORDS, "the", "a", "an"]);
function leadPlaces(title: string, paragraphs: readonly string[]): Set<string> {
  const text = [title, ...paragraphs.flatMap((x) => splitSentences(x)).slice(0, 2)].join("\n");
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:in|at|near|outside|from)\s+((?:\p{Lu}[\p{L}'-]+)(?:\s+\p{Lu}[\p{L}'-]+){0,2})/gu)) {
    const words = m[1]!.toLowerCase().split(/\s+/).filter((w) => !NOT_PLACES.has(w));
    for (const w of words) if (w.length >= 3) out.add(w);
  }
  return out;
}

const bitCount = (x: number) => {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
};

/**
 * Each article's vector with every id's weight scaled by 1 - the share of its neighbours (`near`: candidates or
 * linked articles) that hold the id: what every neighbour holds (the topic) counts for nothing, what few hold (the
 * event) for more.
 */
export function neighbourScaled(profiles: readonly Profile[], near: readonly (readonly number[])[], pick: (p: Profile) => SparseVector): Array<Map<number, number>> {
  return profiles.map((p, i) => {
    const own = pick(p);
    const count = new Map<number, number>();
    for (let k = own.from; k < own.to; k++) count.set(own.ids[k]!, 0);
    for (const j of near[i]!) {
      const v = pick(profiles[j]!);
      for (let k = v.from; k < v.to; k++) {
        const c = count.get(v.ids[k]!);
        if (c !== undefined) count.set(v.ids[k]!, c + 1);
      }
    }
    const d = Math.max(1, near[i]!.length);
    const m = new Map<number, number>();
    for (let k = own.from; k < own.to; k++) m.set(own.ids[k]!, own.weights[k]! * (1 - count.get(own.ids[k]!)! / d));
    return m;
  });
}

/** mg80: a report's distinct proper-name tokens (readMentions' names, lower case), sorted. */
export function nameSet(title: string, paragraphs: readonly string[]): string[] {
  return [...new Set(readMentions(title, paragraphs).names)].sort();
}
/** mg80: nameSet, once per article object (train:merge's small windows ask the same articles many times). */
const nameSets = new WeakMap<object, string[]>();
const nameSetOf = (a: { title: string; paragraphs: readonly string[] }) => {
  let ns = nameSets.get(a);
  if (!ns) nameSets.set(a, (ns = nameSet(a.title, a.paragraphs)));
  return ns;
};
/** mg80: for every pair of two distinct names some report states, how many of the reports state both ("a b", a < b). */
export function namePairCounts(nameSets: ReadonlyArray<readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  for (const ns of nameSets) for (let i = 0; i < ns.length; i++) for (let j = i + 1; j < ns.length; j++) {
    const key = `${ns[i]} ${ns[j]}`;
    df.set(key, (df.get(key) ?? 0) + 1);
  }
  return df;
}
/** mg80: how many name pairs two reports (sorted name sets) both state that at most `most` reports state (2: no third one). */
export function rareSharedNamePairs(a: readonly string[], b: readonly string[], df: ReadonlyMap<string, number>, most: number): number {
  const other = new Set(b);
  const both = a.filter((x) => other.has(x));
  let n = 0;
  for (let i = 0; i < both.length; i++) for (let j = i + 1; j < both.length; j++) if ((df.get(`${both[i]} ${both[j]}`) ?? 0) <= most) n++;
  return n;
}

export function trialPairFeatures(s: ScoredPairs): Record<string, TrialFeature> {
  const n = s.order.length;
  const near: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < s.pairs.length; k++) {
    near[s.pairs.a[k]!]!.push(s.pairs.b[k]!);
    near[s.pairs.b[k]!]!.push(s.pairs.a[k]!);
  }
  const index = new Map<number, number>();
  for (let k = 0; k < s.pairs.length; k++) index.set(s.pairs.a[k]! * n + s.pairs.b[k]!, k);
  const pairIndex = (a: number, b: number) => index.get(a * n + b)!;
  const local = (pick: (p: Profile) => SparseVector): TrialFeature => {
    let scaled: Array<Map<number, number>> | null = null;
    return (a, b) => {
      scaled ??= neighbourScaled(s.profiles, near, pick);
      const [u, w] = [scaled[a]!, scaled[b]!];
      let dot = 0;
      for (const [id, x] of u) dot += x * (w.get(id) ?? 0);
      return dot;
    };
  };
  // The days, years, months and other numbers the headline and the first two sentences state.
  let lead: Array<{ days: Set<string>; years: Set<number>; months: number; numbers: Set<string> }> | null = null;
  const leadTimes = () =>
    (lead ??= s.order.map((a) => {
      const m = readMentions(a.title, a.paragraphs.flatMap((x) => splitSentences(x)).slice(0, 2));
      return { days: new Set(m.days), years: new Set(m.years), months: m.months, numbers: new Set(m.numbers.filter((x) => !/^(19|20)\d\d$/.test(x))) };
    }));
  let forms: NameForms[] | null = null;
  let intro: Introduced[] | null = null;
  const introOf = () => (intro ??= s.order.map((a) => introduced(a.title, a.paragraphs)));
  let back: boolean[] | null = null;
  const backOf = () => (back ??= s.order.map((a) => pointsBack(a.title, a.paragraphs)));
  let byObject: boolean[] | null = null;
  const byObjectOf = () => (byObject ??= s.order.map((a) => pointsBackByObject(a.title, a.paragraphs)));
  let lowered: string[] | null = null;
  const loweredOf = () => (lowered ??= s.order.map((a) => [a.title, ...a.paragraphs].join("\n").toLowerCase()));
  let peopleSets: Array<Set<string>> | null = null;
  const peopleOf = () => (peopleSets ??= s.order.map((a) => people(a.title, a.paragraphs)));
  const introducedPeople = (a: number, b: number) =>
    Math.log1p(peopleIntroducedTo(introOf()[a]!, peopleOf()[a]!, introOf()[b]!) + peopleIntroducedTo(introOf()[b]!, peopleOf()[b]!, introOf()[a]!));
  let aloneSets: Array<Set<string>> | null = null;
  const aloneOf = () => (aloneSets ??= s.order.map((a) => peopleAlone(a.title, a.paragraphs)));
  const introducedPeopleAlone = (a: number, b: number) =>
    Math.log1p(peopleIntroducedTo(introOf()[a]!, aloneOf()[a]!, introOf()[b]!) + peopleIntroducedTo(introOf()[b]!, aloneOf()[b]!, introOf()[a]!));
  let bodyPlaces: Array<{ places: string[][]; words: Set<string> }> | null = null;
  const bodyPlacesOf = () => (bodyPlaces ??= s.order.map((x) => ({ places: bodyPlaceNames(x.title, x.paragraphs), words: textWords(x.title, x.paragraphs) })));
  let roleSets: Roles[] | null = null;
  const rolesOf = () => (roleSets ??= s.order.map((a) => roles(a.title, a.paragraphs)));
  const formsOf = () => (forms ??= s.order.map((a) => nameForms(a.title, a.paragraphs)));
  // mg45: where a pair's word cosine stands among each end's candidates (their raw cosines, not a model's).
  let best: Array<[number, number]> | null = null;
  const wordsAt = (k: number) => s.features[k * PAIR_WIDTH]!;
  /** Each article's two highest word cosines with its candidates. */
  const topTwo = () => {
    if (best) return best;
    best = Array.from({ length: n }, () => [0, 0] as [number, number]);
    for (let k = 0; k < s.pairs.length; k++) for (const i of [s.pairs.a[k]!, s.pairs.b[k]!]) {
      const t = best[i]!;
      const w = wordsAt(k);
      if (w > t[0]) [t[0], t[1]] = [w, t[0]];
      else if (w > t[1]) t[1] = w;
    }
    return best;
  };
  /** How far the pair's cosine lies below the best other candidate of an end (0 when it is the best): the larger of the two ends'. */
  const behind = (i: number, w: number) => {
    const t = topTwo()[i]!;
    return Math.max(0, (w >= t[0] ? t[1] : t[0]) - w) * (w >= t[0] ? 0 : 1);
  };
  // mg53: each word id's document frequency over the set's articles (every dev set's articles lie in one window).
  let wordDf: Map<number, number> | null = null;
  const dfOfWords = () => {
    if (wordDf) return wordDf;
    wordDf = new Map();
    for (const p of s.profiles) for (let k = p.words.from; k < p.words.to; k++) wordDf.set(p.words.ids[k]!, (wordDf.get(p.words.ids[k]!) ?? 0) + 1);
    return wordDf;
  };
  /** log(1 + the words both give that at most `most` articles of the set give). */
  const rareShared = (most: number): TrialFeature => (a, b) => {
    const df = dfOfWords();
    const [x, y] = [s.profiles[a]!.words, s.profiles[b]!.words];
    let [i, j, n] = [x.from, y.from, 0];
    while (i < x.to && j < y.to) {
      if (x.ids[i] === y.ids[j]) {
        if (df.get(x.ids[i]!)! <= most) n++;
        i++;
        j++;
      } else if (x.ids[i]! < y.ids[j]!) i++;
      else j++;
    }
    return Math.log1p(n);
  };
  let thread: ThreadTimes[] | null = null;
  const threadOf = () => (thread ??= s.order.map((a) => threadTimes(a.title, a.paragraphs)));
  let actions: Array<{ lead: Set<string>; all: Set<string> }> | null = null;
  const actionsOf = () =>
    (actions ??= s.order.map((a) => {
      const m = readMentions(a.title, a.paragraphs);
      const names = new Set(m.names);
      const end = m.sentenceStarts[2] ?? m.words.length;
      return { lead: new Set(m.words.slice(0, end).filter((w) => !names.has(w)).map((w) => stem(w))), all: new Set(m.words.map((w) => stem(w))) };
    }));
  // mg80: the event's participants stated together (nameSet, rareSharedNamePairs above). A pair's count is read from
  // the names' postings (the reports stating each name), as namePairCounts would give it, only for the pairs asked.
  let namePostings: { names: string[][]; postings: Map<string, number[]> } | null = null;
  const namePostingsOf = () => {
    if (namePostings) return namePostings;
    const names = s.order.map((x) => nameSetOf(x));
    const postings = new Map<string, number[]>();
    names.forEach((ns, k) => { for (const x of ns) (postings.get(x) ?? postings.set(x, []).get(x)!).push(k); });
    return (namePostings = { names, postings });
  };
  const pairCount: ReadonlyMap<string, number> = {
    get: (key: string) => {
      const [x, y] = key.split(" ");
      const [p, q] = [namePostingsOf().postings.get(x!)!, namePostingsOf().postings.get(y!)!];
      let [i, j, n] = [0, 0, 0];
      while (i < p.length && j < q.length) {
        if (p[i] === q[j]) { n++; i++; j++; }
        else if (p[i]! < q[j]!) i++;
        else j++;
      }
      return n;
    },
  } as ReadonlyMap<string, number>;
  const rareNamePairCount = (a: number, b: number, most: number) => rareSharedNamePairs(namePostingsOf().names[a]!, namePostingsOf().names[b]!, pairCount, most);
  let latest: number[] | null = null;
  const latestYearOf = () => (latest ??= s.order.map((a) => Math.max(0, ...readMentions(a.title, a.paragraphs).years)));
  /** The committed pair feature `name`'s value for the pair (a column of s.features). */
  const column = (name: (typeof PAIR_FEATURES)[number]) => {
    const j = PAIR_FEATURES.indexOf(name);
    return (a: number, b: number) => s.features[pairIndex(a, b) * PAIR_WIDTH + j]!;
  };
  /** 1 when the committed agreement feature `name` says the two state some and share none (-1), else 0: its conflict apart from its agreement. */
  const conflictOf = (name: (typeof PAIR_FEATURES)[number]): TrialFeature => {
    const at = column(name);
    return (a, b) => (at(a, b) < 0 ? 1 : 0);
  };
  let idsOfArticles: Array<{ ids: Set<string>; codes: Set<string> }> | null = null;
  const idsOf = () => (idsOfArticles ??= s.order.map((a) => identifiers(a.title, a.paragraphs)));
  // id62: each article's action words: the stems of its headline's and first sentence's words that are no name,
  // weighed by their IDF over the set's articles (what every report of the topic gives counts for little).
  let actionVectors: Array<Map<string, number>> | null = null;
  const actionsLeadOf = () => {
    if (actionVectors) return actionVectors;
    const stems = s.order.map((a) => {
      const m = readMentions(a.title, a.paragraphs.flatMap((x) => splitSentences(x)).slice(0, 1));
      const names = new Set(m.names);
      return new Set(m.words.filter((w) => !names.has(w)).map((w) => stem(w)));
    });
    const df = new Map<string, number>();
    for (const t of stems) for (const w of t) df.set(w, (df.get(w) ?? 0) + 1);
    actionVectors = stems.map((t) => {
      const v = new Map<string, number>();
      let norm = 0;
      for (const w of t) {
        const x = Math.log(n / df.get(w)!);
        v.set(w, x);
        norm += x * x;
      }
      if (norm > 0) for (const [w, x] of v) v.set(w, x / Math.sqrt(norm));
      return v;
    });
    return actionVectors;
  };
  let places: Array<Set<string>> | null = null;
  const placesOf = () => (places ??= s.order.map((a) => leadPlaces(a.title, a.paragraphs)));
  // mg64: each report's lead places (places.ts) and its text's words; and its lead names that few of its candidates give.
  let where: Array<{ places: Set<string>; words: Set<string> }> | null = null;
  const whereOf = () => (where ??= s.order.map((x) => ({ places: leadPlaceWords(x.title, x.paragraphs), words: textWords(x.title, x.paragraphs) })));
  let specific: Array<{ lead: Set<string>; names: Set<string> }> | null = null;
  const specificOf = () => {
    if (specific) return specific;
    const read = s.order.map((x) => {
      const m = readMentions(x.title, x.paragraphs);
      return { lead: new Set(m.names.slice(0, m.leadNames)), names: new Set(m.names) };
    });
    specific = read.map((r, i) => {
      const held = near[i]!.length;
      const lead = new Set([...r.lead].filter((x) => held > 0 && near[i]!.filter((j) => read[j]!.names.has(x)).length <= SPECIFIC_SHARE * held));
      return { lead, names: r.names };
    });
    return specific;
  };
  /** 1 when both sides hold some of `items` and neither's are in the other's `within`, else 0. */
  const missingBoth = (x: Set<string>, y: Set<string>, xWithin: Set<string>, yWithin: Set<string>) =>
    x.size > 0 && y.size > 0 && ![...x].some((w) => yWithin.has(w)) && ![...y].some((w) => xWithin.has(w)) ? 1 : 0;
  let stated: Span[][] | null = null;
  const apart = (a: number, b: number) => {
    stated ??= s.order.map((x) => statedDays(x.title, x.paragraphs, x.evidence.date ?? x.evidence.pageDate));
    return daysApart(stated[a]!, stated[b]!);
  };
  return {
    /** mg64: both leads name places (places.ts) and neither report's text gives any word of the other's. */
    placesMissing: (a, b) => missingBoth(whereOf()[a]!.places, whereOf()[b]!.places, whereOf()[a]!.words, whereOf()[b]!.words),
    /** mg64: both leads name someone at most SPECIFIC_SHARE of their candidates name, and neither's text names any of the other's. */
    specificMissing: (a, b) => missingBoth(specificOf()[a]!.lead, specificOf()[b]!.lead, specificOf()[a]!.names, specificOf()[b]!.names),
    /** mx63: the leads' stated times resolved to calendar days (stated-days.ts): 1 when a time of each is within a day of one of the other's. */
    whenAgree: (a, b) => {
      const d = apart(a, b);
      return d !== null && d <= 1 ? 1 : 0;
    },
    /** mx63: log(1 + the fewest days between the two leads' stated times) when that is more than a day, else 0. */
    whenApart: (a, b) => {
      const d = apart(a, b);
      return d !== null && d > 1 ? Math.log1p(d) : 0;
    },
    /** id62: log(1 + identifiers both give) (identifiers above), and 1 when both give some and share none. */
    idShared: (a, b) => Math.log1p(sharedCount(idsOf()[a]!.ids, idsOf()[b]!.ids)),
    idConflict: (a, b) => (agreeSets(idsOf()[a]!.ids, idsOf()[b]!.ids) < 0 ? 1 : 0),
    /** id62: the same for codes (identifiers with at least three digits: bulletin, case and flight numbers). */
    codeShared: (a, b) => Math.log1p(sharedCount(idsOf()[a]!.codes, idsOf()[b]!.codes)),
    codeConflict: (a, b) => (agreeSets(idsOf()[a]!.codes, idsOf()[b]!.codes) < 0 ? 1 : 0),
    /** id62: the cosine of the two articles' action words (actionsLeadOf). */
    actionLead: (a, b) => {
      const [x, y] = [actionsLeadOf()[a]!, actionsLeadOf()[b]!];
      let dot = 0;
      for (const [w, v] of x) dot += v * (y.get(w) ?? 0);
      return dot;
    },
    /** mg60: the leads' places (leadPlaces): +1 one shared, -1 both name some and share none, 0 one names none; and its halves apart. */
    places: (a, b) => agreeSets(placesOf()[a]!, placesOf()[b]!),
    placesAgree: (a, b) => (agreeSets(placesOf()[a]!, placesOf()[b]!) > 0 ? 1 : 0),
    placesConflict: (a, b) => (agreeSets(placesOf()[a]!, placesOf()[b]!) < 0 ? 1 : 0),
    /** mx58: the conflict half of the days, months, weekdays and years agreements, a column of its own (a linear -1/0/+1 weighs a conflict as much as an agreement). */
    daysConflict: conflictOf("days"),
    monthsConflict: conflictOf("months"),
    weekdaysConflict: conflictOf("weekdays"),
    yearsConflict: conflictOf("years"),
    /** mx58: products of committed columns (try-pair-derived.ts's a*b): a conflict or agreement weighed by how alike the two texts are otherwise. */
    wordsXquantityConflict: (a, b) => column("words")(a, b) * column("quantityConflict")(a, b),
    wordsXweekdays: (a, b) => column("words")(a, b) * column("weekdays")(a, b),
    leadXweekdays: (a, b) => column("lead")(a, b) * column("weekdays")(a, b),
    wordsXyears: (a, b) => column("words")(a, b) * column("years")(a, b),
    /** mx58: days or months of the two texts conflict (both state some, share none). */
    dateConflict: (a, b) => (column("days")(a, b) < 0 || column("months")(a, b) < 0 ? 1 : 0),
    /** mx58: days and months of the two texts agree or are silent, and at least one agrees. */
    dateAgree: (a, b) => {
      const [d, m] = [column("days")(a, b), column("months")(a, b)];
      return d >= 0 && m >= 0 && d + m > 0 ? 1 : 0;
    },
    /** mg54: 1 - the months' Jaccard when both texts name months, else 0. */
    monthsApart: (a, b) => {
      const [x, y] = [threadOf()[a]!.months, threadOf()[b]!.months];
      return x && y ? 1 - bitCount(x & y) / bitCount(x | y) : 0;
    },
    /** mg54: how many of the two leads' first-named months the other's text never names (each side naming months), 0-2. */
    leadMonthMissing: (a, b) => {
      const [x, y] = [threadOf()[a]!, threadOf()[b]!];
      let n = 0;
      if (x.leadMonth && y.months && !(y.months & (1 << (x.leadMonth - 1)))) n++;
      if (y.leadMonth && x.months && !(x.months & (1 << (y.leadMonth - 1)))) n++;
      return n;
    },
    /** mg54: -1 when the latest years the two texts name differ (the later event's year), +1 the same, 0 either names none. */
    latestYear: (a, b) => {
      const [x, y] = [latestYearOf()[a]!, latestYearOf()[b]!];
      return x === 0 || y === 0 ? 0 : x === y ? 1 : -1;
    },
    /** mg54: the weighed share of each headline's words the other's text gives anywhere: the smaller (Min) or the larger (Max) of the two (0 for a side without a headline). */
    titleInTextMin: (a, b) => {
      const [x, y] = [s.profiles[a]!, s.profiles[b]!];
      return Math.min(size(x.title) ? covered(x.title, y.words) : 0, size(y.title) ? covered(y.title, x.words) : 0);
    },
    titleInTextMax: (a, b) => {
      const [x, y] = [s.profiles[a]!, s.profiles[b]!];
      return Math.max(size(x.title) ? covered(x.title, y.words) : 0, size(y.title) ? covered(y.title, x.words) : 0);
    },
    /**
     * mg54: the share of each side's action words (the headline's and first sentence's content words that are
     * no name) the other's text gives anywhere, the smaller of the two: two reports of one event tell the same
     * action ("named captain"), two events of one thread the same people doing something else.
     */
    actionCovMin: (a, b) => {
      const [x, y] = [actionsOf()[a]!, actionsOf()[b]!];
      const share = (u: { lead: Set<string> }, v: { all: Set<string> }) => (u.lead.size ? [...u.lead].filter((w) => v.all.has(w)).length / u.lead.size : 1);
      return Math.min(share(x, y), share(y, x));
    },
    /** mg54: weekdays named anywhere: +1 one shared, -1 both name some and share none, 0 one names none. */
    weekdaysAll: (a, b) => agreeBits(threadOf()[a]!.weekdays, threadOf()[b]!.weekdays),
    /** mg54: the share of the smaller side's numbers (not years) the other never states, both stating at least two. */
    numbersApart: (a, b) => {
      const [x, y] = [threadOf()[a]!.numbers, threadOf()[b]!.numbers];
      if (x.size < 2 || y.size < 2) return 0;
      const [small, large] = x.size <= y.size ? [x, y] : [y, x];
      let miss = 0;
      for (const v of small) if (!large.has(v)) miss++;
      return miss / small.size;
    },
    /** mg53 (try-pair-model.ts's rare2 and rare3): words only the two, or at most three, articles of the window give. */
    rare2: rareShared(2),
    rare3: rareShared(3),
    /** mg45: 0 when the pair is each end's closest candidate by word cosine, else how far below its closest the pair lies (the larger of the two ends). */
    wordsBehind: (a, b) => {
      const w = wordsAt(pairIndex(a, b));
      return Math.max(behind(a, w), behind(b, w));
    },
    /** mg45: the pair's cosine less the best other candidate's, the smaller of the two ends' (negative: an end has a closer candidate). */
    wordsMargin: (a, b) => {
      const w = wordsAt(pairIndex(a, b));
      const other = (i: number) => {
        const t = topTwo()[i]!;
        return w >= t[0] ? t[1] : t[0];
      };
      return Math.min(w - other(a), w - other(b));
    },
    /** mg71: log(1 + the people either report names only by surname whom the other names in full). */
    introduced: (a, b) => Math.log1p(introducedTo(introOf()[a]!, introOf()[b]!) + introducedTo(introOf()[b]!, introOf()[a]!)),
    /**
     * mg72: `introduced`, 0 when the two texts' stated days, months or years conflict (the committed columns at -1): two
     * look-alike events that share a person are told with different dates; a later report of one story states the same
     * time or none.
     */
    introducedSameTime: (a, b) =>
      column("days")(a, b) < 0 || column("months")(a, b) < 0 || column("years")(a, b) < 0
        ? 0
        : Math.log1p(introducedTo(introOf()[a]!, introOf()[b]!) + introducedTo(introOf()[b]!, introOf()[a]!)),
    /** lk73: log(2) when exactly one of the two leads points back to an earlier event (pointsBack), else 0: a thread's next event beside its first. */
    retells: (a, b) => (backOf()[a]! !== backOf()[b]! ? Math.LN2 : 0),
    /** mg74: `introduced`, 0 when either lead names an earlier event as its verb's object (pointsBackByObject). */
    introducedUnpointed: (a, b) =>
      byObjectOf()[a]! || byObjectOf()[b]! ? 0 : Math.log1p(introducedTo(introOf()[a]!, introOf()[b]!) + introducedTo(introOf()[b]!, introOf()[a]!)),
    /** mg74: `introducedUnpointed` counting only surnames the later report puts where a person stands (personIntroducedTo). */
    introducedPersonUnpointed: (a, b) =>
      byObjectOf()[a]! || byObjectOf()[b]!
        ? 0
        : Math.log1p(personIntroducedTo(introOf()[a]!, introOf()[b]!, loweredOf()[b]!) + personIntroducedTo(introOf()[b]!, introOf()[a]!, loweredOf()[a]!)),
    /** mg75: `introduced` counting only surnames the earlier report writes as a person's full name (people). */
    introducedPeople,
    /** mg75: `introducedPeople`, 0 when either lead names an earlier event as its verb's object (mg74's gate). */
    introducedPeopleUnpointed: (a, b) => (byObjectOf()[a]! || byObjectOf()[b]! ? 0 : introducedPeople(a, b)),
    /** mg76: `introducedPeopleUnpointed` counting only surnames the full-name text also writes alone (peopleAlone). */
    introducedPeopleAloneUnpointed: (a, b) => (byObjectOf()[a]! || byObjectOf()[b]! ? 0 : introducedPeopleAlone(a, b)),
    /**
     * mg76: log(1 + the smaller of the two sides' counts of places (bodyPlaceNames, anywhere in the text) with no word
     * in the other's text): two look-alike events of one kind told in different towns ("in Wasilla" / "in Palmer").
     */
    placesApart: (a, b) => {
      const [x, y] = [bodyPlacesOf()[a]!, bodyPlacesOf()[b]!];
      return Math.log1p(Math.min(placesMissingFrom(x.places, y.words), placesMissingFrom(y.places, x.words)));
    },
    /** mg76: `placesApart` times the pair's lead cosine: places missing both ways weigh only when the two leads tell alike. */
    placesApartXlead: (a, b) => {
      const [x, y] = [bodyPlacesOf()[a]!, bodyPlacesOf()[b]!];
      return column("lead")(a, b) * Math.log1p(Math.min(placesMissingFrom(x.places, y.words), placesMissingFrom(y.places, x.words)));
    },
    /** mg74: log(2) when exactly one of the two leads names an earlier event as its verb's object, else 0. */
    pointedBack: (a, b) => (byObjectOf()[a]! !== byObjectOf()[b]! ? Math.LN2 : 0),
    /** mg73: log(1 + the roles either report refers to by "the <role>" alone that the other gives with a name). */
    roleReferred: (a, b) => Math.log1p(roleReferredTo(rolesOf()[a]!, rolesOf()[b]!) + roleReferredTo(rolesOf()[b]!, rolesOf()[a]!)),
    /**
     * mg73: `introduced`, 0 when the two leads' stated days, years or months conflict (`leadDate` at -1): mg72's guard read
     * only where a report says when its event happened, not in a later half's background years and months.
     */
    introducedLeadTime: (a, b) => {
      const t = leadTimes();
      const [x, y] = [t[a]!, t[b]!];
      if ([agreeSets(x.days, y.days), agreeSets(x.years, y.years), agreeBits(x.months, y.months)].includes(-1)) return 0;
      return Math.log1p(introducedTo(introOf()[a]!, introOf()[b]!) + introducedTo(introOf()[b]!, introOf()[a]!));
    },
    /** mg80: log(1 + the name pairs both reports state and no third report of the set does). */
    rareNamePairs: (a, b) => Math.log1p(rareNamePairCount(a, b, 2)),
    /** mg80: the same, at most three reports of the set stating the pair. */
    rareNamePairs3: (a, b) => Math.log1p(rareNamePairCount(a, b, 3)),
    /** mg45: log(1 + the names either gives that the other gives only in another form: acronym and expansion, another ending). */
    nameForms: (a, b) => Math.log1p(formsMatched(formsOf()[a]!, formsOf()[b]!) + formsMatched(formsOf()[b]!, formsOf()[a]!)),
    // mg42: text evidence of one event (quotes, rare capitalised pairs, amounts, speakers) or of two (evidence-features.ts).
    ...evidenceFeatures(s.order),
    /** Word / name / lead cosine products with the scaled weights (not renormalised). */
    localWords: local((p) => p.words),
    localNames: local((p) => p.names),
    localLead: local((p) => p.lead),
    /** log(1 + the shorter article's distinct words): how much evidence the pair can have. */
    minWords: (a, b) => Math.log1p(Math.min(size(s.profiles[a]!.words), size(s.profiles[b]!.words))),
    /** The word / lead cosine shrunk for short articles (as similarity.ts shrinks the numbers' cosine, with a prior of 10 entries). */
    wordsShrunk: (a, b) => s.features[pairIndex(a, b) * PAIR_WIDTH]! * shrink10(size(s.profiles[a]!.words)) * shrink10(size(s.profiles[b]!.words)),
    leadShrunk: (a, b) => s.features[pairIndex(a, b) * PAIR_WIDTH + 1]! * shrink10(size(s.profiles[a]!.lead)) * shrink10(size(s.profiles[b]!.lead)),
    /**
     * The weighed share of each report's blocking keys (its most distinctive terms, profile.ts) that the
     * other report's words give anywhere, the smaller of the two (keysCovMin) or the larger (keysCovMax):
     * two outlets' reports of one event each give the other's rare terms, if not in the same sentences.
     */
    keysCovMin: (a, b) => Math.min(covered(s.profiles[a]!.keys, s.profiles[b]!.words), covered(s.profiles[b]!.keys, s.profiles[a]!.words)),
    keysCovMax: (a, b) => Math.max(covered(s.profiles[a]!.keys, s.profiles[b]!.words), covered(s.profiles[b]!.keys, s.profiles[a]!.words)),
    /** Whether the leads' numbers other than years agree (+1 one shared, -1 both state some and share none, 0 one states none). */
    leadNumbers: (a, b) => {
      const t = leadTimes();
      return agreeSets(t[a]!.numbers, t[b]!.numbers);
    },
    /** -1 when the leads state days, years or months and one of them conflicts, +1 when one agrees, else 0. */
    leadDate: (a, b) => {
      const t = leadTimes();
      const [x, y] = [t[a]!, t[b]!];
      const v = [agreeSets(x.days, y.days), agreeSets(x.years, y.years), agreeBits(x.months, y.months)];
      return v.includes(-1) ? -1 : v.includes(1) ? 1 : 0;
    },
  };
}

/** A set's candidates with the trial features a pair model reads after PAIR_FEATURES (train/lib/trial-pair-features.ts); the candidates as they are for a committed model. */
export function withTrialColumns(scored: ScoredPairs, features: readonly string[]): ScoredPairs {
  const W0 = PAIR_FEATURES.length;
  if (features.length === W0) return scored;
  const trial = trialPairFeatures(scored);
  const fns = features.slice(W0).map((e) => {
    const f = trial[e];
    if (!f) throw new Error(`no trial feature ${e} (train/lib/trial-pair-features.ts has ${Object.keys(trial).join(", ")})`);
    return f;
  });
  const width = features.length;
  const out = new Float64Array(scored.pairs.length * width);
  for (let k = 0; k < scored.pairs.length; k++) {
    out.set(scored.features.subarray(k * W0, (k + 1) * W0), k * width);
    fns.forEach((f, j) => (out[k * width + W0 + j] = f(scored.pairs.a[k]!, scored.pairs.b[k]!)));
  }
  return { ...scored, features: out, width };
}
