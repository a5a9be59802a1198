// Sentences whose meaning hangs on the one before: they open with a pronoun ("He said…", "They…"), a
// demonstrative ("This…", "These…"), a connective ("However,…"), a definite description of someone named
// earlier ("The 33-year-old actress…", "The Olympic silver medallist's time…"), or quote a speaker only by
// pronoun ("'…,' she said."). Such a sentence may enter a summary only after its antecedent; one that leans on
// it only by a connective it can do without ("But the US says…") enters alone and is shown without it.

const OPEN_QUOTE = /^["“‘'(\[]+/u;
/**
 * Connectives that point back and carry the sentence's sense ("However, …", "So he was convicted…", "Also
 * killed was…", "Then came…", German "Deshalb …", where the verb follows the connective): the sentence needs
 * the one before. "So far", "So many" and "So-called" are no connectives. German's pronominal adverbs (the
 * da(r)- words: "Dabei …", "Danach …", "Darauf …") point back by their make; "Damit" is left out, as it also
 * opens a clause of purpose ("Damit die Bürger …, muss …") that needs nothing before it.
 */
const LINKING =
  /^(?:however|meanwhile|instead|nevertheless|nonetheless|moreover|furthermore|besides|similarly|likewise|otherwise|thus|therefore|hence|in addition|in contrast|by contrast|as a result|even so|at the same time|on the other hand|in turn|so(?!\s+(?:far|many|much|few|little|long|often)\b)|also(?!\s*,)|then(?!\s*,)|doch|auch|jedoch|außerdem|zudem|trotzdem|dennoch|allerdings|deshalb|deswegen|daher|stattdessen|demnach|somit|folglich|zuvor|dabei|dadurch|dafür|dagegen|dahinter|danach|daneben|daran|darauf|daraufhin|daraus|darin|darüber|darum|darunter|davon|davor|dazu|dazwischen)(?![\p{L}\p{N}-])/iu;
/**
 * Connectives that point back but leave a whole sentence when taken off: a conjunction ("But the US says…",
 * "And indeed, …", German "Aber"/"Und"/"Denn"), or an adverb set off by a comma ("Indeed, …", "Still, …", "Also, …",
 * "Then, …", "In fact, …", "After all, …"). "Yet another" is no connective.
 */
const LOOSE = /^(?:(?:and|but|yet)(?!\s+another\b)|aber|und|denn|(?:indeed|also|still|then|in fact|after all|of course|too)(?=,))(?![\p{L}\p{N}-]),?\s+/iu;
const CONJUNCTION = /^(?:still|now|later)\b,?\s*/iu;
/** A pronoun or demonstrative opening the sentence, English or German ("He…", "Sie hat…", "Diese Freiheiten…"). German's "Das" / "Die" are left out: most often they are the article. */
const PRONOUN = /^(?:he|she|it|they|we|his|her|its|their|him|them|this|these|those|that|such|both|neither|another)\b|^(?:er|sie|wir|ihn|ihm|ihnen|sein|seine[mnrs]?|ihre?[mnrs]?|dies|diese[mnrs]?|solche[mnrs]?|beiden?)(?![\p{L}\p{N}-])|^(?:he|she|it|they|that)['’](?:s|re|ve|ll|d)\b|^the\s+(?:latter|former|same|two|pair|trio|couple)\b/iu;
/**
 * A definite description standing for something named before: an age ("The 33-year-old actress"), or one
 * lower-case noun as the subject ("The company said", "The move came", "The firm, which…"). Longer
 * descriptions ("The number of people out of work rose") usually say in full what they mean.
 */
const DEFINITE_AGE = /^[Tt]he\s+\d+-year-old\b/u;
const DEFINITE_SUBJECT = /^[Tt]he\s+(?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}[\p{Ll}-]*(?:\s*[,—–]|\s+-\s|\s+(?:is|was|are|were|has|have|had|will|would|could|can|may|might|must|should|also|said|says|added|told|insisted|warned|claimed|denied|came|went|rose|fell|took|made|saw|won|lost|began|left|got|gave|put|set|cut|hit|led|met|paid|sold|grew|became|\p{Ll}+ed)\b)/u;
const DEFINITE_POSSESSIVE = /^[Tt]he\s+((?:[\p{L}\p{N}-]+\s+){0,3}[\p{L}\p{N}-]+)['’]s\b/u;
/** A speaker named only by pronoun or description: "he said", "the company said". */
const PRONOUN_SPEAKER = /(?:^|[\s,])(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+\p{Ll}[\p{L}-]*)\s+(?:said|says|added|adds|told|tells|explained|noted|insisted|argued|warned|stressed|admitted|claimed|continued|went on)\b/u;

export type ReferenceKind = "pronoun" | "definite" | "connective";

/**
 * How the sentence hangs on the one before: "pronoun" (a pronoun, a connective, a quotation whose speaker
 * is a pronoun), "definite" (a definite description: "The 33-year-old actress", "The company said"),
 * "connective" (only a connective `looseOpener` takes off: "But the US says…"), or null. An article's first
 * sentence that opens with a definite description introduces it ("The government will…"); one that opens
 * with a pronoun has lost what it points to.
 */
export function referenceKind(sentence: string): ReferenceKind | null {
  if (OPEN_QUOTE.test(sentence)) {
    // A quotation is understood when it says, by name, who speaks.
    const close = Math.max(sentence.lastIndexOf("”"), sentence.lastIndexOf('"'));
    const after = close > 0 ? sentence.slice(close + 1).replace(/^[\s,.;:-]+/u, "") : "";
    if (!after) return "pronoun";
    return PRONOUN_SPEAKER.test(` ${after}`) && !/^\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(after) ? "pronoun" : null;
  }
  if (LINKING.test(sentence)) return "pronoun";
  const loose = looseOpener(sentence);
  if (loose > 0) return referenceKind(sentence.slice(loose)) ?? "connective";
  const rest = sentence.replace(CONJUNCTION, "");
  if (PRONOUN.test(rest)) return "pronoun";
  if (DEFINITE_AGE.test(rest) || DEFINITE_SUBJECT.test(rest)) return "definite";
  const possessive = DEFINITE_POSSESSIVE.exec(rest);
  // "The White House's" names; "The Olympic silver medallist's" describes.
  if (possessive && !possessive[1]!.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return "definite";
  // "…, he said" with no one named before it.
  const speaker = PRONOUN_SPEAKER.exec(sentence);
  if (speaker && !/\s\p{Lu}\p{Ll}/u.test(sentence.slice(1, speaker.index))) return "pronoun";
  return null;
}

/** Whether the sentence needs the sentence before it to be understood. */
export function needsAntecedent(sentence: string): boolean {
  return referenceKind(sentence) !== null;
}

/**
 * The length of the connectives opening the sentence that leave a whole sentence when taken off ("But ",
 * "And indeed, "), or 0. What is left may still hang on the sentence before ("But he denied it.").
 */
export function looseOpener(sentence: string): number {
  let at = 0;
  for (let m = LOOSE.exec(sentence); m !== null; m = LOOSE.exec(sentence.slice(at))) {
    at += m[0].length;
    // Only a sentence goes on after it: a word, a number or a quotation, not a dash or the sentence's end.
    if (!/^["“‘'(]?[\p{L}\p{N}]/u.test(sentence.slice(at))) return 0;
  }
  return at;
}

/** The sentence without the connectives `looseOpener` takes off, its first letter (past an opening quotation mark) a capital. */
export function withoutOpener(sentence: string): string {
  const at = looseOpener(sentence);
  if (at === 0) return sentence;
  const rest = sentence.slice(at);
  const quote = /^["“‘'(]?/u.exec(rest)![0].length;
  const letter = String.fromCodePoint(rest.codePointAt(quote)!);
  return rest.slice(0, quote) + letter.toUpperCase() + rest.slice(quote + letter.length);
}
