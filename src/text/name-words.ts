// Words of other languages that tell a name from a capitalised word that is not one, besides their function
// words (./function-words.ts FUNCTION_WORDS_OF: German "Sie", "Wird", Spanish "Los"): the words that join a
// name's parts ("Banco de la Nación", "Ministerio de Transporte"), and German determiners (a capitalised German
// word is a noun; one that follows a determiner in most of its uses is a common noun, not a name).

const lists = (byLanguage: Record<string, string>): ReadonlyMap<string, ReadonlySet<string>> =>
  new Map(Object.entries(byLanguage).map(([lang, words]) => [lang, new Set(words.split(" "))]));

/**
 * Lower-case words that join a name's parts in each language ("Plaza de la Villa", "Banco do Brasil").
 * None for German: every German noun is capitalised, so "des", "von" and "zur" join common nouns to
 * names far more often than a name's parts ("Bilder des Diktators von Nordkorea", "Exekutivdirektor des WFP").
 */
export const NAME_JOINERS_OF = lists({
  fr: "de du des d la le l",
  es: "de del la las los",
  pt: "de do da dos das",
  it: "di del della dei degli",
  nl: "van de der den",
});

/** Definite articles, which begin names when capitalised mid-sentence ("El País", "La Moneda", "Die Zeit", "Le Monde"). */
export const NAME_ARTICLES_OF = lists({
  de: "der die das",
  fr: "le la les",
  es: "el la los las",
  pt: "o a os as",
  it: "il lo la gli le",
  nl: "de het",
});

/** German determiners: a capitalised word after one of them (perhaps past a lower-case adjective) is a noun used as a common noun. */
export const GERMAN_DETERMINERS: ReadonlySet<string> = new Set(
  (
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner " +
    "dieser diese dieses diesen diesem jeder jede jedes jeden jedem jener jene jenes welche welcher welches " +
    "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren unserem unserer mein meine meinen meinem meiner " +
    "dein deine deinen deinem deiner euer eure euren eurem eurer im am zum zur vom beim ins ans"
  ).split(" "),
);

/**
 * German numerals and quantifiers: a capitalised word after a number or one of these ("in 20 Minuten", "zwei
 * Wochen", "viele Menschen", "500 Millionen") is a noun counted, a common noun, not a name.
 */
export const GERMAN_QUANTITIES: ReadonlySet<string> = new Set(
  (
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig fünfzig hundert tausend " +
    "einige einigen mehrere mehreren viele vielen wenige wenigen zahlreiche zahlreichen beide beiden alle allen " +
    "weitere weiteren andere anderen manche manchen sämtliche"
  ).split(" "),
);
