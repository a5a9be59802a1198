// Function words of the languages news pages are commonly written in, by primary language subtag, lower case.
// `common`: the commonest (articles, prepositions, conjunctions, pronouns), which the cleaner reads as one merged
// list with English's stop words: their density tells running prose from menus and headlines whatever the
// language (the jusText idea). `more`: further pronouns, possessives and auxiliaries that a story's categories
// (src/digest/categories.ts) also refuse as names; the cleaner's list leaves them out, as its weights learned it.
import { STOP_WORDS } from "./words.ts";

const WORDS: Record<string, { common: string; more?: string }> = {
  de: {
    common:
      "der die das und ist nicht ein eine einen dem den des zu mit auf für von sich im auch es als an wie wird " +
      "werden bei nach aus noch nur sind war hat wurde oder aber so dass vor zum zur über ich du er sie wir ihr " +
      "sein seine seinen seiner ihre ihren ihrem ihrer einem einer eines kein keine durch gegen ohne um bis man " +
      "mehr sehr schon wenn weil dann doch hier da was wer wo bereits sowie diese dieser dieses diesen jedoch " +
      "mir mich dir dich uns euch ihm ihn ihnen haben habe hatte hatten kann können soll sollte muss müssen " +
      "will würde wurden worden am vom beim ins also",
    more:
      "seinem seines ihres keinen keinem keiner diesem hast unser unsere unseren unserem unserer euer eure " +
      "euren eurem eurer mein meine meinen meinem meiner dein deine deinen deinem deiner jeder jede jedes jeden " +
      "jedem alle alles allen bin bist seid waren wäre wären sei gibt gab nun jetzt immer denn zwar sondern " +
      "sowohl weder ob falls damit",
  },
  fr: {
    common:
      "le la les des du un une est et en que qui dans pour pas sur au aux ce cette il elle ne se son sa ses ont " +
      "été avec par plus mais comme ou nous vous leur je tu ils elles on y sans sous donc car quoi dont où sont " +
      "était être avoir cet ces mon ma mes ton ta tes notre nos votre vos leurs tout tous toute toutes très " +
      "aussi moins bien",
  },
  es: {
    common:
      "el la los las del que y en un una es por con para no se lo al como más pero sus su le ya o este esta fue " +
      "ha son entre cuando muy sin sobre yo tú él nosotros ellos ellas usted me te nos les mi mis tu tus " +
      "nuestro esto eso hay está están era ser estar tiene tienen también porque donde",
    more:
      "estos estas ustedes nuestra",
  },
  pt: {
    common:
      "os as da do dos das em na no ao à é foi são mas com por para pelo pela seu sua uma um não também que ele " +
      "ela",
    more:
      "eles elas",
  },
  it: {
    common:
      "il di che è e per non una sono della dei nel con si anche gli delle ha questo questa più da lo le degli " +
      "nella io lui lei noi voi loro mi ti ci vi uno del tra fra su in era hanno ma se come molto quello quella",
    more:
      "alla",
  },
  nl: {
    common:
      "de het een en van in is dat op te zijn met voor niet aan er maar om ook als dan bij nog wordt je we",
    more:
      "door werd ik jij hij zij wij jullie u",
  },
  pl: {
    common:
      "i w z na się nie do to że jest o jak po ale od za co tak przez dla jego są być tylko już czy ich go może",
  },
};

/**
 * Indonesian and Malay, and Russian: in the cleaner's merged list only. A story's categories in these languages
 * were not measured with them (eval:categories holds too few such stories), so they are not in FUNCTION_WORDS_OF.
 */
const CLEANER_ONLY =
  "yang ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh atau sebagai saat bahwa " +
  "telah mereka kami kita " +
  "и в не на что с по как это он она они к но из у за от о же для так то все бы был была было были его ее " +
  "их мы вы я уже или если только когда";

/** Each language's function words (common and more), for a text whose language is known. */
export const FUNCTION_WORDS_OF: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(WORDS).map(([lang, { common, more }]) => [lang, new Set(`${common}${more ? ` ${more}` : ""}`.split(" "))]),
);

/** English's stop words and every language's common function words, one set: for a text of any language. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...Object.values(WORDS).flatMap(({ common }) => common.split(" ")), ...CLEANER_ONLY.split(" ")]);
