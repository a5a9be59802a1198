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

const WORD = /[\p{L}]+/gu;

/** The line's words and how many of them are notice words. */
export function noticeWordCount(text: string): { words: number; notice: number } {
  let words = 0, notice = 0;
  for (const m of text.toLowerCase().matchAll(WORD)) {
    words++;
    if (NOTICE_WORDS.has(m[0])) notice++;
  }
  return { words, notice };
}
