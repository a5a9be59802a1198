// Words of other languages that tell a name from a capitalised word that is not one: function words
// (pronouns, articles, auxiliaries: German "Sie", "Wird", Spanish "Los", written with a capital at a
// line's start, in a heading or, in German, for politeness), the words that join a name's parts
// ("Banco de la Nación", "Ministerio de Transporte"), and German determiners (a capitalised German word is a
// noun; one that follows a determiner in most of its uses is a common noun, not a name). English is
// ./words.ts STOP_WORDS. Kept apart from the cleaner's merged list (src/clean/function-words.ts), whose
// code a change here would make new.

const lists = (byLanguage: Record<string, string>): ReadonlyMap<string, ReadonlySet<string>> =>
  new Map(Object.entries(byLanguage).map(([lang, words]) => [lang, new Set(words.split(" "))]));

/** Each language's function words, lower case, by primary language subtag. */
export const FUNCTION_WORDS_OF = lists({
  de:
    "der die das und ist nicht ein eine einen dem den des zu mit auf für von sich im auch es als an wie wird werden bei nach aus noch nur sind war hat wurde oder aber so dass vor zum zur über " +
    "ich du er sie wir ihr sein seine seinen seiner seinem seines ihre ihren ihrem ihrer ihres einem einer eines kein keine keinen keinem keiner durch gegen ohne um bis man mehr sehr schon wenn weil dann doch hier da was wer wo " +
    "bereits sowie diese dieser dieses diesen diesem jedoch mir mich dir dich uns euch ihm ihn ihnen haben habe hast hatte hatten kann können soll sollte muss müssen will würde wurden worden am vom beim ins " +
    "unser unsere unseren unserem unserer euer eure euren eurem eurer mein meine meinen meinem meiner dein deine deinen deinem deiner jeder jede jedes jeden jedem alle alles allen " +
    "bin bist seid waren wäre wären sei gibt gab nun jetzt immer auch denn also zwar sondern sowohl weder noch ob falls damit",
  fr:
    "le la les des du un une est et en que qui dans pour pas sur au aux ce cette il elle ne se son sa ses ont été avec par plus mais comme ou nous vous leur " +
    "je tu ils elles on y sans sous donc car quoi dont où sont était être avoir cet ces mon ma mes ton ta tes notre nos votre vos leurs tout tous toute toutes très aussi moins bien",
  es:
    "el la los las del que y en un una es por con para no se lo al como más pero sus su le ya o este esta estos estas fue ha son entre cuando muy sin sobre " +
    "yo tú él nosotros ellos ellas usted ustedes me te nos les mi mis tu tus nuestro nuestra esto eso hay está están era ser estar tiene tienen también porque donde",
  pt: "os as da do dos das em na no ao à é foi são mas com por para pelo pela seu sua uma um não também que ele ela eles elas",
  it:
    "il di che è e per non una sono della dei nel con si anche gli alla delle ha questo questa più da lo le degli nella " +
    "io lui lei noi voi loro mi ti ci vi uno del tra fra su in era hanno ma se come molto quello quella",
  nl: "de het een en van in is dat op te zijn met voor niet aan er maar om ook als dan bij nog wordt door werd ik je jij hij zij wij we jullie u",
  pl: "i w z na się nie do to że jest o jak po ale od za co tak przez dla jego są być tylko już czy ich go może",
});

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
