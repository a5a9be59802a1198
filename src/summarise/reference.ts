// Sentences whose meaning hangs on the one before: they open with a pronoun ("He said…", "They…"), a
// demonstrative ("This…", "These…"), a connective ("However,…"), a definite description of someone named
// earlier ("The 33-year-old actress…", "The Olympic silver medallist's time…") or said to be described before
// ("der beschriebenen Sondermaßnahmen"), or quote a speaker only by
// pronoun ("'…,' she said."). Such a sentence may enter a summary only after its antecedent; one that leans on
// it only by a connective it can do without ("But the US says…") enters alone and is shown without it.

const OPEN_QUOTE = /^["“‘'(\[]+/u;
/**
 * Connectives that point back and carry the sentence's sense ("However, …", "So he was convicted…", "Also
 * killed was…", "Then came…", German "Deshalb …", where the verb follows the connective): the sentence needs
 * the one before. "So far", "So many" and "So-called" are no connectives. German's pronominal adverbs (the
 * da(r)- words: "Dabei …", "Danach …", "Darauf …") point back by their make; "Damit" is left out, as it also
 * opens a clause of purpose ("Damit die Bürger …, muss …") that needs nothing before it. French ("Cependant",
 * "Par conséquent", "C'est pourquoi"; "Alors que" is a subordinate clause, no connective) and Spanish ("Sin
 * embargo", "Por eso", "Además"; "Así como" is no connective) the same way.
 */
const LINKING =
  /^(?:however|meanwhile|instead|nevertheless|nonetheless|moreover|furthermore|besides|similarly|likewise|otherwise|thus|therefore|hence|in addition|in contrast|by contrast|as a result|even so|at the same time|on the other hand|in turn|so(?!\s+(?:far|many|much|few|little|long|often)\b)|also(?!\s*,)|then(?!\s*,)|doch|auch|jedoch|außerdem|zudem|trotzdem|dennoch|allerdings|deshalb|deswegen|daher|stattdessen|demnach|somit|folglich|zuvor|dabei|dadurch|dafür|dagegen|dahinter|danach|daneben|daran|darauf|daraufhin|daraus|darin|darüber|darum|darunter|davon|davor|dazu|dazwischen|cependant|toutefois|pourtant|néanmoins|ainsi|donc|alors(?!\s+qu)|ensuite|puis|en outre|de plus(?!\s+en\s+plus)|par ailleurs|par conséquent|en revanche|de même|du coup|auparavant|en effet|c['’]est pourquoi|sin embargo|no obstante|además|asimismo|por eso|por ello|por (?:lo )?tanto|por consiguiente|en consecuencia|así(?!\s+como)|entonces|también|en cambio|por su parte|por otra parte|de (?:este|ese) modo|de (?:esta|esa) manera|igualmente)(?![\p{L}\p{N}-])/iu;
/**
 * Connectives that point back but leave a whole sentence when taken off: a conjunction ("But the US says…",
 * "And indeed, …", German "Aber"/"Und"/"Denn", French "Mais"/"Et", Spanish "Pero"/"Y"), or an adverb set off by a comma ("Indeed, …", "Still, …", "Also, …",
 * "Then, …", "In fact, …", "After all, …"). "Yet another" is no connective.
 */
const LOOSE = /^(?:(?:and|but|yet)(?!\s+another\b)|aber|und|denn|mais|et|pero|y|(?:indeed|also|still|then|in fact|after all|of course|too)(?=,))(?![\p{L}\p{N}-]),?\s+/iu;
const CONJUNCTION = /^(?:still|now|later)\b,?\s*/iu;
/**
 * A pronoun or demonstrative opening the sentence, English or German ("He…", "Sie hat…", "Diese Freiheiten…").
 * German's "Das" / "Die" are left out here: most often they are the article (GERMAN_DEMONSTRATIVE takes "Das" before a verb).
 */
const PRONOUN = /^(?:he|she|it|they|we|his|her|its|their|him|them|this|these|those|that|such|both|neither|another)\b|^(?:er|sie|wir|ihn|ihm|ihnen|sein|seine[mnrs]?|ihre?[mnrs]?|dies|diese[mnrs]?|solche[mnrs]?|beiden?)(?![\p{L}\p{N}-])|^(?:he|she|it|they|that)['’](?:s|re|ve|ll|d)\b|^the\s+(?:latter|former|same|two|pair|trio|couple)\b/iu;
/**
 * German's demonstrative "Das" or "Dem" standing for what was said before ("Das ist zugleich der Grund…", "Das
 * bestätigte ein Sprecher", "Dem widersprach der Minister"): before a finite verb it is no article, as an article
 * comes before a noun or its adjective ("Das neue Gesetz"). Past forms that are also adjectives ("Das erklärte
 * Ziel", "Das bestätigte Ergebnis") count only before a lower-case word, where no noun follows; "Das alles" points
 * back too. "Es" and "Die" are left out: "Es gibt…", "Es ist Zeit…" need nothing before them.
 */
const GERMAN_VERB = [
  "ist", "war", "wäre", "sei", "sind", "waren", "hat", "hatte", "hätte", "habe", "haben", "hatten", "wird", "wurde",
  "würde", "werde", "werden", "wurden", "kann", "konnte", "könnte", "können", "muss", "musste", "müsse", "müssen",
  "soll", "sollte", "solle", "sollen", "will", "wollte", "wollen", "darf", "durfte", "dürfte", "mag", "gilt", "galt",
  "gelte", "geht", "ging", "gibt", "gab", "zeigt", "sagt", "teilt", "berichtet", "bestätigt", "erklärt", "meldet",
  "schreibt", "schrieb", "heißt", "hieß", "bedeutet", "betrifft", "betraf", "sieht", "sah", "weiß", "wusste", "macht",
  "bringt", "brachte", "liegt", "lag", "kommt", "kam", "passiert", "führt", "sorgt", "ergab", "ergibt", "klingt",
  "klang", "reicht", "stimmt", "widersprach", "widerspricht", "folgte", "alles",
];
const GERMAN_PAST = ["zeigte", "sagte", "teilte", "berichtete", "bestätigte", "erklärte", "meldete", "bedeutete", "machte", "passierte", "führte", "sorgte", "reichte", "stimmte"];
const GERMAN_DEMONSTRATIVE = new RegExp(
  `^(?:Das|Dem)\\s+(?:(?:${GERMAN_VERB.join("|")})(?![\\p{L}\\p{N}-])|(?:${GERMAN_PAST.join("|")})\\s+\\p{Ll})`,
  "u",
);
/** A word whose first letter may be either case and the rest lower case: "ESA" or "SA" (names) are not "esa" or "sa". */
const anyFirst = (words: readonly string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join("|");
const AFTER_WORD = "(?![\\p{L}\\p{N}-])";
/**
 * French and Spanish pronouns and demonstratives ("Elle appelle…", "Cette décision…", "Ellos dijeron…", "Dicha
 * medida…"). French "il" counts before what follows a subject pronoun, a verb starting with a vowel or h ("Il a",
 * "Il est") or a clitic ("Il s'est", "Il ne", "Il le"): Italian's article "Il" comes before a consonant of a noun
 * ("Il governo"), never before a vowel. Impersonal "Il existe", "Il s'agit" are left out ("Il y a", "Il faut" do
 * not match). A demonstrative of a time ("Ce lundi", "Cette semaine", "Este año") points at the present, not
 * back, and "Ce que…" opens a clause ("what…"). "Son", "sa", "su" and "ella" count only before a lower-case word: before a capital they are
 * names ("Son Heung-min", "Su Bingtian", "Ella Fitzgerald").
 */
const ROMANCE_PRONOUN = new RegExp(
  [
    `^[Ii]l\\s+(?!existe|s['’]agit)(?:[aeiouhàâéèêîôû]|[snlmtcj]['’]|(?:ne|se|le|la|les|lui|leur|en|me|te|nous|vous)${AFTER_WORD})`,
    `^(?:${anyFirst(["elles", "elle", "ils", "cela", "ceci", "c'est", "c’est", "celui-ci", "celle-ci", "ceux-ci", "celles-ci", "ses", "leurs", "leur", "él", "ellos", "ellas", "esto", "eso", "dichos", "dichas", "dicho", "dicha", "ambos", "ambas", "sus"])})${AFTER_WORD}`,
    `^(?:${anyFirst(["cette", "cet", "ces", "ce", "estos", "estas", "este", "esta", "esos", "esas", "ese", "esa"])})${AFTER_WORD}(?!\\s+(?:qu[ie]?|qu['’]|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|week-end|weekend|mois|année|an|jour|semaine|nuit|après-midi|printemps|été|automne|hiver|lunes|martes|miércoles|jueves|viernes|sábado|domingo|semana|mes|año|fin|mañana|tarde|noche|jornada|verano|invierno|otoño|primavera)${AFTER_WORD})`,
    `^(?:${anyFirst(["son", "sa", "su", "ella"])})\\s+\\p{Ll}`,
  ].join("|"),
  "u",
);
/**
 * A definite description standing for something named before: an age ("The 33-year-old actress"), or one
 * lower-case noun as the subject ("The company said", "The move came", "The firm, which…"). Longer
 * descriptions ("The number of people out of work rose") usually say in full what they mean.
 */
const DEFINITE_AGE = /^[Tt]he\s+\d+-year-old\b/u;
const DEFINITE_SUBJECT = /^[Tt]he\s+(?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}[\p{Ll}-]*(?:\s*[,—–]|\s+-\s|\s+(?:is|was|are|were|has|have|had|will|would|could|can|may|might|must|should|also|said|says|added|told|insisted|warned|claimed|denied|came|went|rose|fell|took|made|saw|won|lost|began|left|got|gave|put|set|cut|hit|led|met|paid|sold|grew|became|\p{Ll}+ed)\b)/u;
const DEFINITE_POSSESSIVE = /^[Tt]he\s+((?:[\p{L}\p{N}-]+\s+){0,3}[\p{L}\p{N}-]+)['’]s\b/u;
/**
 * A description that says it was given before, anywhere in the sentence: "the aforementioned", German "der
 * beschriebenen Sondermaßnahmen", "die oben genannten", French "ladite", "précité", Spanish "la citada ley". Such a
 * sentence names its subject only by pointing back to where the article described it.
 */
const DESCRIBED_BEFORE = new RegExp(
  [
    "\\b(?:aforementioned|aforesaid|above-mentioned|abovementioned)\\b",
    "(?<!\\p{L})(?:der|die|das|den|dem|des|diese[mnrs]?)\\s+(?:(?:oben|zuvor|bereits|eingangs)\\s+)?(?:genannt|beschrieben|erwähnt|geschildert|besagt|vorgenannt|obig)(?:e|en|er|es|em)(?!\\p{L})",
    "(?<!\\p{L})(?:susmentionnée?s?|précitée?s?|ledit|ladite|lesdits|lesdites)(?!\\p{L})",
    "(?<!\\p{L})(?:el|la|los|las)\\s+(?:mencionad|citad|referid|antedich)[oa]s?(?!\\p{L})",
  ].join("|"),
  "iu",
);
/**
 * Words every match of DESCRIBED_BEFORE holds, in lower case. The pattern (case-insensitive, Unicode, with look-behinds)
 * is tried at every place of a sentence and was the summaries' costliest pattern; a lower-cased sentence without
 * any of these words cannot match it, so only the few with one are given to it. Under `iu` a letter matches
 * another when their simple case foldings agree, and of the letters these words use only "ſ" folds to one ("s")
 * while lower-casing to itself: a sentence with it goes to the pattern as it is.
 */
const DESCRIBED_BEFORE_WORDS = /afore|above|genannt|beschrieben|erwähnt|geschildert|besagt|obig|susmentionn|précit|ledit|ladite|lesdit|mencionad|citad|referid|antedich/;

/** `DESCRIBED_BEFORE.test(text)`, the pattern run only where one of its words is. */
export function describedBefore(text: string): boolean {
  return (text.includes("ſ") || DESCRIBED_BEFORE_WORDS.test(text.toLowerCase())) && DESCRIBED_BEFORE.test(text);
}

/** The whole pattern, for tests: `describedBefore` must say what it says. */
export const DESCRIBED_BEFORE_PATTERN: RegExp = DESCRIBED_BEFORE;

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
  if (PRONOUN.test(rest) || ROMANCE_PRONOUN.test(rest) || GERMAN_DEMONSTRATIVE.test(rest)) return "pronoun";
  if (DEFINITE_AGE.test(rest) || DEFINITE_SUBJECT.test(rest)) return "definite";
  const possessive = DEFINITE_POSSESSIVE.exec(rest);
  // "The White House's" names; "The Olympic silver medallist's" describes.
  if (possessive && !possessive[1]!.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return "definite";
  if (describedBefore(rest)) return "definite";
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
