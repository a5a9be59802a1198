// Sentence splitting that survives abbreviations, initials, decimals, ellipses and quotations.

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms mx dr prof st sr jr gen col lt sgt capt cmdr adm maj rep sen gov pres supt insp det rev fr hon " +
    "messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "no nos vol vols fig figs p pp ed eds approx dept est inc corp ltd co bros vs v etc al e.g i.e cf ca c mt ft ave blvd rd"
  ).split(" "),
);
// Words that end a sentence only rarely even before a capital letter ("Mr. Smith", "Jan. 5").
const NEVER_FINAL = new Set("mr mrs ms mx dr prof st gen col lt sgt capt cmdr adm maj rep sen gov rev fr hon messrs mme mlle no vol fig pp vs v e.g i.e cf".split(" "));
const SENTENCE_STARTERS = new Set(
  "the a an he she it they we i you but and in on at this that there these those his her its their our yet so as after before when while if however meanwhile".split(" "),
);

// A dateline before the first sentence of a report: "WASHINGTON (AP) —", "(Reuters) -", "BELGRADE, Serbia:",
// "Mannheim, Germany (Sports Network) -". A place in capitals (with an optional ", Region") and/or an agency in
// parentheses, then a dash or colon, then the sentence's first capital.
const CAPS_WORD = "[\\p{Lu}][\\p{Lu}.'’-]+";
const NAME_WORD = "[\\p{Lu}][\\p{L}.'’-]*";
const REGION = `(?:,\\s*${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})?`;
const CREDIT = "\\([^()\\n]{1,40}\\)";
const DATELINE = new RegExp(
  `^(?:${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3}${REGION}(?:\\s*${CREDIT})?|${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}${REGION}\\s*${CREDIT}|${CREDIT})\\s*(?:—|–|--|-|:)\\s+(?=["“‘']?[\\p{Lu}\\p{N}])`,
  "u",
);

/** Length of the dateline that opens `text` ("WASHINGTON (AP) — "), spaces included, or 0 when there is none. */
export function datelineLength(text: string): number {
  return DATELINE.exec(text)?.[0].length ?? 0;
}

/**
 * Splits `text` into sentences; each returned sentence is an exact substring of the input, trimmed.
 * A dateline opening the text is returned as a segment of its own, so the first sentence starts after it
 * (`dateline`: its length, when the caller has it already).
 */
export function splitSentences(text: string, dateline = datelineLength(text)): string[] {
  const out: string[] = [];
  if (dateline > 0) {
    out.push(text.slice(0, dateline).trim());
    text = text.slice(dateline);
  }
  const boundary = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index! + m[1]!.length + m[2]!.length;
    if (!isBoundary(text, m.index!, m[1]!, text.slice(end + m[3]!.length))) continue;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end + m[3]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function isBoundary(text: string, at: number, punct: string, next: string): boolean {
  if (punct !== ".") return true;
  const before = /([\p{L}\p{N}.]+)$/u.exec(text.slice(Math.max(0, at - 20), at))?.[1] ?? "";
  const word = before.toLowerCase();
  const nextWord = (/^["'“‘(\[]?([\p{L}\p{N}]+)/u.exec(next)?.[1] ?? "").toLowerCase();
  if (/^\d+$/.test(before) && /^\d/.test(next)) return false; // 3. 5 is rare; "No. 5" handled below
  if (NEVER_FINAL.has(word)) return false;
  // Initials: "J. K. Rowling", "George W. Bush".
  if (/^\p{Lu}$/u.test(before)) return SENTENCE_STARTERS.has(nextWord) && !/^\p{Lu}\.$/u.test(next.slice(0, 2));
  // Dotted abbreviations: "U.S.", "a.m." end a sentence only before a typical sentence opener.
  if (/^(\p{L}\.)+\p{L}$/u.test(before)) return SENTENCE_STARTERS.has(nextWord);
  if (ABBREVIATIONS.has(word)) return SENTENCE_STARTERS.has(nextWord);
  return true;
}
