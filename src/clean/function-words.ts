// Function words of the languages news pages are commonly written in: their density tells running
// prose from menus and headlines whatever the language (the jusText idea, one merged list).
import { STOP_WORDS } from "../text/words.ts";

const OTHER_LANGUAGES = [
  // German
  "der die das und ist nicht ein eine einen dem den des zu mit auf für von sich im auch es als an wie wird werden bei nach aus noch nur sind war hat wurde oder aber so dass vor zum zur über " +
    "ich du er sie wir ihr sein seine seinen seiner ihre ihren ihrem ihrer einem einer eines kein keine durch gegen ohne um bis man mehr sehr schon wenn weil dann doch hier da was wer wo " +
    "bereits sowie diese dieser dieses diesen jedoch mir mich dir dich uns euch ihm ihn ihnen haben habe hatte hatten kann können soll sollte muss müssen will würde wurden worden sein am vom beim ins",
  // French
  "le la les des du un une est et en que qui dans pour pas sur au aux ce cette il elle ne se son sa ses ont été avec par plus mais comme ou nous vous leur",
  // Spanish, Portuguese, Italian
  "el los las del que y en un una es por con para no se lo al como más pero sus su le ya o este esta fue ha son entre cuando muy sin sobre também não uma os as da do dos das em na no ao à é foi são mas com por para pelo pela seu sua ele ela il di che è e per non una sono della dei nel con si anche",
  // more French, Spanish and Italian
  "je tu nous vous ils elles on y dans par avec sans sous mais donc car quoi dont où sont était être avoir a cet ces mon ma mes ton ta tes notre nos votre vos leurs tout tous toute toutes très aussi moins bien " +
    "yo tú él nosotros ellos ellas usted me te nos les mi mis tu tus nuestro esto eso hay está están era ser estar tiene tienen también porque donde " +
    "io lui lei noi voi loro mi ti ci vi gli uno del della dei degli delle nella tra fra su da in era ha hanno ma se come più molto questo questa quello quella",
  // Polish
  "i w z na się nie do to że jest o jak a po ale od za co tak przez dla jego są być tylko już czy ich go może",
  // Dutch
  "de het een en van in is dat op te zijn met voor niet aan er maar om ook als dan bij nog wordt",
  // Indonesian and Malay
  "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh atau sebagai saat bahwa telah mereka kami kita",
  // Russian
  "и в не на что с по как это он она они к но из у за от о же для так то все бы был была было были его ее их мы вы я уже или если только когда",
].join(" ");

export const FUNCTION_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...OTHER_LANGUAGES.split(" ")]);
