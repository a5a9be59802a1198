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

/** The longest notice word, in UTF-16 units: a longer word is counted without being looked up. */
const LONGEST = Math.max(...WORDS.map((w) => w.length));
const LETTER = /\p{L}/u;

/** Whether the code point is a letter (\p{L}), ASCII by a range test, the rest by the pattern. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(String.fromCodePoint(c));
}

/**
 * The line's words (runs of letters of its lower-case form) and how many of them are notice words. A scan
 * of code points rather than a pattern's matches: the gate reads every line of every text dump's body.
 */
export function noticeWordCount(text: string): { words: number; notice: number } {
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
