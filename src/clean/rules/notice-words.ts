// The vocabulary of pages a site serves in place of an article, by kind (issue 8): app shells ("enable
// JavaScript"), browser and bot checks, consent and subscription walls, access denied, not found, region
// locks. Written from the tuning half's notices (eval/lib/notice-pages.ts) and general knowledge of
// such pages, then cut to no word that only the checking half's notices hold, so the check stays a check.
// A feature of the text article gate (the share of a kept body's words in it), never a rule on its own:
// an article may say "browser" or "page"; a notice is made of such words. Generic words only, no site.
import { LETTER_UNIT, lowerUnits, ScanHashes, SLOW, unitKind } from "./letter-units.ts";
import { REPORTING, SPEAKING, slowVoiceCounts, VOICE_HASHES, VOICE_LONGEST, voiceOf } from "./sentence-shapes.ts";

const WORDS = [
  // app shells, browser and bot checks
  "javascript", "browser", "browsers", "enable", "enabled", "reload", "loading", "upgrade", "update",
  "outdated", "supported", "settings", "automatically", "redirected", "robot", "captcha",
  "checking", "security", "seconds",
  // consent and subscription walls
  "cookies", "consent", "privacy", "accept", "reject", "preferences", "personalised",
  "personalized", "subscribe", "subscriber", "unlimited", "log", "login", "register",
  "continue", "reading", "free",
  // access denied, not found, region locks
  "access", "denied", "blocked", "forbidden", "permission", "error", "found", "exist", "exists", "moved", "unavailable",
  "available", "country", "location", "restricted", "restrictions", "server", "request", "reference", "homepage",
  "search", "page", "site", "website", "please", "sorry", "oops", "try", "again", "later",
  // German
  "aktivieren", "aktiviert", "seite", "website", "webseite", "leider", "bitte", "zugriff",
  "startseite", "gefunden", "existiert", "fehler", "suche", "akzeptieren", "einstellungen", "neu", "laden",
  // nt75: login and subscription walls (English, German), the tuning half's written notices having few
  "subscription", "subscribers", "password", "anmelden", "registrieren", "abonnieren", "abonnent", "abonnenten", "passwort",
  // nt75: the dev sets' other languages (webpages-dev: es, fr, it, pt; nl beside them), the same kinds, written once from
  // what such pages say (words an article of the language uses as a rule left out: "existe", "activa", "pays", "disponible",
  // "entrar", "favor", "sesión", "cerca", "opnieuw"…)
  // French
  "navigateur", "activer", "activez", "recharger", "rechargez", "paramètres", "accepter", "refuser", "confidentialité",
  "abonnez", "abonné", "abonnés", "connecter", "illimité", "accès", "refusé", "autorisation", "erreur",
  "introuvable", "indisponible", "serveur", "rechercher", "veuillez", "désolé", "oups", "réessayer",
  // Spanish
  "navegador", "habilitar", "habilita", "activar", "recargar", "configuración", "aceptar", "rechazar", "privacidad",
  "suscríbete", "suscriptor", "suscriptores", "ilimitado", "acceso", "denegado", "encontrada",
  "servidor", "portada", "página", "sentimos", "inténtalo", "inténtelo",
  // Italian
  "abilitare", "abilita", "attivare", "ricarica", "impostazioni", "accetta", "accettare", "rifiuta", "abbonati", "abbonato",
  "abbonamento", "accedi", "accesso", "negato", "permessi", "errore", "trovata", "pagina", "sito",
  "spiacenti", "riprova",
  // Portuguese
  "ative", "ativar", "recarregue", "configurações", "rejeitar", "privacidade", "assine", "assinante", "assinantes",
  "negado", "permissão", "erro", "desculpe", "tente",
  // Dutch
  "inschakelen", "schakel", "uitgeschakeld", "instellingen", "accepteren", "weigeren", "abonnee", "abonnees",
  "abonnement", "inloggen", "toegang", "geweigerd", "gevonden", "beschikbaar", "zoeken",
];

export const NOTICE_WORDS: ReadonlySet<string> = new Set(WORDS);

/**
 * The reader's own machine as a notice names it ("Media playback is unsupported on your device", "Your browser
 * does not support the video tag", "Sie haben JavaScript für Ihren Browser deaktiviert"): words too common in
 * articles ("app", "device", "support") to be in the gate's share above, read only with NOTICE_WORDS by
 * `speaksToReader`, in a line that addresses the reader.
 */
const MACHINE_WORDS: ReadonlySet<string> = new Set([
  "device", "devices", "player", "playback", "unsupported", "support", "supports", "app", "plugin", "flash",
  "required", "disabled", "gerät", "geräte", "endgerät", "unterstützt", "deaktiviert", "benötigt", "erforderlich",
  // nt75: French, Spanish, Italian, Portuguese, Dutch
  "appareil", "lecteur", "dispositivo", "dispositivos", "reproductor", "aplicación", "lettore", "applicazione", "aplicativo",
  "apparaat", "désactivé", "desactivado", "disattivato", "desativado", "uitgeschakeld",
]);

/**
 * The notice words that name the reader's machine or account themselves: a notice of this kind names one of them
 * or a machine word. A block page ("Sorry, you have been blocked") or a not-found page speaks to the reader about
 * the site, not their machine: the article gate judges those by its notice share, with their own first line as
 * the headline (passing it over let a block page's next line read as an article's headline: notice-20, tuning).
 */
const MACHINE_NOTICE_WORDS: ReadonlySet<string> = new Set(["javascript", "browser", "browsers", "cookies", "login", "log", "captcha", "navigateur", "navegador"]);

/**
 * Words that address the reader: the second person, and "please". German formal address only capitalised ("Sie", "Ihren").
 * nt75: French, Spanish, Italian, Portuguese, Dutch forms that address no one else ("su", "seu", "je" left out: his, her, I).
 */
const READER = new Set([
  "you", "your", "yours", "yourself", "please", "du", "dein", "deine", "deinen", "deinem", "deiner", "dich", "dir", "bitte",
  "vous", "votre", "vos", "veuillez", "tu", "ton", "tes", "tus", "usted", "tuo", "tua", "tuoi", "vostro", "vostra", "prega", "favore",
  "você", "vocês", "uw", "jouw",
]);
const FORMAL = new Set(["Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen"]);
/**
 * What a notice says the reader's machine lacks or must do: unsupported, disabled, to be enabled, required. A
 * headline about the reader's machine names it too ("Your iPhone app can now support widgets", "Why you should
 * update your browser today", "Is your device supported?") but says no lack; without one of these the line is not
 * passed over (stop 74's second reading).
 */
const LACK =
  /(?<!\p{L})(?:unsupported|not supported|(?:does|do|is|are) not support(?:ed)?|(?:doesn|don|isn|aren)[’']t support(?:ed)?|unavailable|not available|disabled|enable|enabled|required|nicht unterstützt|deaktiviert|ausgeschaltet|aktivieren|aktiviert|einschalten|erforderlich|benötigt|désactivée?|activer|activez|pas pris en charge|requis|desactivad[oa]|habilitar|habilita|activar|activa|no es compatible|no compatible|disattivat[oa]|abilitare|abilita|attivare|attiva|non supportat[oa]|non è supportat[oa]|desativad[oa]|ative|ativar|habilite|não suportad[oa]|não é compatível|uitgeschakeld|inschakelen|schakel|niet ondersteund|vereist)(?!\p{L})/iu;

/** A notice to the reader has a sentence or two; a line longer than this is prose, whatever it says. */
const NOTICE_MAX_WORDS = 30;
const WORD = /\p{L}+/gu;
/** A line that opens with a quotation mark is someone's words ("Thank you so much for … the support you all …"), not the site's. */
const QUOTED = /^\s*["“”„«»‘’‚'‹›]/u;

/**
 * Whether the line speaks to the reader about their device, browser, player, JavaScript, cookies, app or
 * sign-in: it addresses the reader (you, your, please, Sie, Ihr, bitte), is not a quotation, names the reader's
 * machine (a machine word, or JavaScript, browser, cookies, log in), says what it lacks or must do (LACK), and holds
 * two different words or more of the notice vocabulary (NOTICE_WORDS and the machine's words). "Media playback is unsupported on your device",
 * "You need to enable JavaScript to view this site", "Bitte aktivieren Sie JavaScript"; never a headline
 * (headline-model.ts passes such a line over when picking). "How to clear your browser cache" holds one;
 * "Wählen Sie Car Player-Tipps zur Auswahl der besten Car-CD-Player" one word twice.
 */
export function speaksToReader(text: string): boolean {
  // The conditions are asked cheapest and rarest first: a line saying no lack (all but one in 400 of the bench
  // pages' lines) is passed over without its words being read (a third of the time, the same answers).
  if (!LACK.test(text) || QUOTED.test(text)) return false;
  const words = text.match(WORD);
  if (!words || words.length > NOTICE_MAX_WORDS) return false;
  let reader = false, machine = false;
  const notice = new Set<string>();
  for (const w of words) {
    const low = w.toLowerCase();
    if (READER.has(low) || FORMAL.has(w)) reader = true;
    if (MACHINE_WORDS.has(low) || MACHINE_NOTICE_WORDS.has(low)) machine = true;
    if (NOTICE_WORDS.has(low) || MACHINE_WORDS.has(low)) notice.add(low);
  }
  return reader && machine && notice.size >= 2;
}

/** The longest notice word, in UTF-16 units: a longer word is counted without being looked up. */
const LONGEST = Math.max(...WORDS.map((w) => w.length));
const LETTER = /\p{L}/u;

/** The notice words' scan hashes: only a word with a notice word's hash is looked up. */
const NOTICE_HASHES = new ScanHashes(WORDS);

/**
 * A line's words as the article gate counts them: `words` and `notice` over its lower-case form (the notice share);
 * `voiceWords`, `reporting` and `speaking` over the line as written (sentence-shapes.ts' voices, `slowVoiceCounts`'
 * reading). The two word counts differ only on a line whose lower case changes a unit's length or script.
 */
export interface WordCounts { words: number; notice: number; voiceWords: number; reporting: number; speaking: number }

function slowWordCounts(text: string): WordCounts {
  const voice = slowVoiceCounts(text);
  return { ...slowNoticeWordCount(text), voiceWords: voice.words, reporting: voice.reporting, speaking: voice.speaking };
}

/**
 * The line's words (runs of letters of its lower-case form), how many of them are notice words, and its voice
 * words (`WordCounts`). One pass over UTF-16 units, hashing each letter's lower case as it goes, with no lower-case
 * copy of the line: the gate reads every line of every text dump's body. A line holding a unit whose lower case changes its length or script
 * is read by `slowNoticeWordCount`, which the tests hold this to.
 */
export function noticeWordCount(text: string): WordCounts {
  let words = 0, notice = 0, reporting = 0, speaking = 0;
  let start = -1, hash = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 0x20;
    if (start >= 0 && c >= 0x61 && c <= 0x7a) {
      // Inside a word, a run of lower-case ASCII letters (most of most words) only extends its hash.
      do {
        hash = (Math.imul(hash, 31) + c) | 0;
        c = ++i < n ? text.charCodeAt(i) : 0x20;
      } while (c >= 0x61 && c <= 0x7a);
    }
    let letter: boolean;
    if (c < 0x80) {
      const l = c | 0x20;
      letter = l >= 0x61 && l <= 0x7a;
      if (letter) hash = start < 0 ? l : (Math.imul(hash, 31) + l) | 0;
    } else {
      const kind = unitKind(c);
      if (kind === SLOW) return slowWordCounts(text);
      letter = kind === LETTER_UNIT;
      // A non-ASCII letter is hashed by its lower case, as ScanHashes hashes the list's "accès" or "página".
      if (letter) {
        const l = lowerUnits[c]!;
        hash = start < 0 ? l : (Math.imul(hash, 31) + l) | 0;
      }
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words++;
      if (i - start <= LONGEST && NOTICE_HASHES.has(hash) && NOTICE_WORDS.has(text.slice(start, i).toLowerCase())) notice++;
      if (i - start <= VOICE_LONGEST && VOICE_HASHES.has(hash)) {
        const voice = voiceOf(text.slice(start, i));
        if (voice === REPORTING) reporting++;
        else if (voice === SPEAKING) speaking++;
      }
      start = -1;
    }
  }
  return { words, notice, voiceWords: words, reporting, speaking };
}

/** Whether the code point is a letter (\p{L}), ASCII by a range test, the rest by the pattern. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(String.fromCodePoint(c));
}

/** `noticeWordCount` by code points of the line's lower-case form: any line. */
export function slowNoticeWordCount(text: string): { words: number; notice: number } {
  const lower = text.toLowerCase();
  let words = 0, notice = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; ) {
    const c = i < lower.length ? lower.codePointAt(i)! : 0x20;
    const width = c > 0xffff ? 2 : 1;
    if (isLetter(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words++;
      if (i - start <= LONGEST && NOTICE_WORDS.has(lower.slice(start, i))) notice++;
      start = -1;
    }
    i += width;
  }
  return { words, notice };
}
