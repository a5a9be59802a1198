// The vocabulary of pages a site serves in place of an article, by kind (issue 8): app shells ("enable
// JavaScript"), browser and bot checks, consent and subscription walls, access denied, not found, region
// locks. Written from the tuning half's notices (eval/lib/notice-pages.ts) and general knowledge of
// such pages, then cut to no word that only the checking half's notices hold, so the check stays a check.
// A feature of the text article gate (the share of a kept body's words in it), never a rule on its own: an article may say "browser" or "page"; a notice is made of such words. Generic words only, no site.
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
];

export const NOTICE_WORDS: ReadonlySet<string> = new Set(WORDS);

/**
 * A notice speaks to the reader (gt66): "you" and "your" (a "you're" is read as "you" and "re"), German's
 * familiar forms (the polite "Sie" and "Ihr" also mean "they" and "her").
 */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set(["you", "your", "yours", "yourself", "yourselves", "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "euch", "euer", "eure"]);

/**
 * ...and tells the reader what to do, a line opening on a verb of a page's controls ("Enable JavaScript",
 * "Accept all", "Try again later", "Bitte aktivieren Sie"). Written from the tuning notices and general knowledge,
 * then cut to no word that only the checking half's notices hold.
 */
export const IMPERATIVE_WORDS: ReadonlySet<string> = new Set([
  "enable", "accept", "agree", "reject", "continue", "verify", "confirm", "click", "sign", "log", "register", "create",
  "subscribe", "update", "upgrade", "download", "reload", "refresh", "try", "go", "return", "contact", "please",
  "turn", "switch", "learn", "manage", "choose", "check", "complete", "keep", "search", "bitte", "aktivieren",
]);

/** The longest word of the lists, in UTF-16 units: a longer word is counted without being looked up. */
const LONGEST = Math.max(...[...WORDS, ...ADDRESS_WORDS, ...IMPERATIVE_WORDS].map((w) => w.length));
const LETTER = /\p{L}/u;

/** Whether the code point is a letter (\p{L}), ASCII by a range test, the rest by the pattern. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(String.fromCodePoint(c));
}

export interface NoticeWordCount {
  /** Runs of letters of the line's lower-case form. */
  words: number;
  /** Of them, notice words, and words that address the reader. */
  notice: number;
  address: number;
  /** Whether the first word tells the reader what to do (IMPERATIVE_WORDS). */
  imperative: boolean;
}

/**
 * The line's words and how many of them are notice words or address the reader. A scan of code points
 * rather than a pattern's matches: the gate reads every line of every text dump's body.
 */
export function noticeWordCount(text: string): NoticeWordCount {
  const lower = text.toLowerCase();
  let words = 0, notice = 0, address = 0;
  let imperative = false;
  let start = -1;
  for (let i = 0; i <= lower.length; ) {
    const c = i < lower.length ? lower.codePointAt(i)! : 0x20;
    const width = c > 0xffff ? 2 : 1;
    if (isLetter(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words++;
      if (i - start <= LONGEST) {
        const word = lower.slice(start, i);
        if (NOTICE_WORDS.has(word)) notice++;
        if (ADDRESS_WORDS.has(word)) address++;
        if (words === 1 && IMPERATIVE_WORDS.has(word)) imperative = true;
      }
      start = -1;
    }
    i += width;
  }
  return { words, notice, address, imperative };
}
