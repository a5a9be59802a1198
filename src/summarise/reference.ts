// Sentences whose meaning hangs on the one before: they open with a pronoun ("He said…", "They…"), a
// demonstrative ("This…", "These…"), a connective ("However,…"), a definite description of someone named
// earlier ("The 33-year-old actress…", "The Olympic silver medallist's time…"), or quote a speaker only by
// pronoun ("'…,' she said."). Such a sentence may enter a summary only after its antecedent.

const OPEN_QUOTE = /^["“‘'(\[]+/u;
/** Connectives that always point back ("However, …"); "But"/"And" only matter for what follows them. */
const LINKING = /^(?:however|meanwhile|instead|nevertheless|nonetheless|moreover|furthermore|besides|similarly|likewise|otherwise|thus|therefore|in addition|in contrast|by contrast|as a result|even so|at the same time)\b/iu;
const CONJUNCTION = /^(?:but|and|yet|so|still|also|now|then|later)\b,?\s*/iu;
const PRONOUN = /^(?:he|she|it|they|we|his|her|its|their|him|them|this|these|those|that|such|both|neither|another)\b|^(?:he|she|it|they|that)['’](?:s|re|ve|ll|d)\b|^the\s+(?:latter|former|same|two|pair|trio|couple)\b/iu;
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

export type ReferenceKind = "pronoun" | "definite";

/**
 * How the sentence hangs on the one before: "pronoun" (a pronoun, a connective, a quotation whose speaker
 * is a pronoun), "definite" (a definite description: "The 33-year-old actress", "The company said"), or
 * null. An article's first sentence that opens with a definite description introduces it ("The
 * government will…"); one that opens with a pronoun has lost what it points to.
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
