// A feed's date (RSS: RFC 822; Atom, JSON Feed, Dublin Core: RFC 3339) as ISO 8601, keeping the offset the
// feed gave. A time without a zone is read as UTC; a bare day stays a bare day. Never `new Date(string)`.
import { DateTime } from "luxon";

const READ = { zone: "utc", setZone: true } as const;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function feedDate(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return DateTime.fromISO(text, READ).isValid ? text : null;
  for (const parsed of [DateTime.fromISO(text, READ), DateTime.fromRFC2822(rfc822(text), READ), DateTime.fromSQL(text, READ)]) {
    if (parsed.isValid) return parsed.toISO({ suppressMilliseconds: true });
  }
  return null;
}

/** Real RSS dates bend RFC 822: a wrong or long weekday, full month names, "UTC", "+03:00". */
function rfc822(text: string): string {
  return text
    .replace(/^[A-Za-z]+,? (?=\d)/, "")
    .replace(/\b([A-Za-z]{3,9})\b/, (word) => {
      const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
      return i >= 0 && /^[a-z]+$/i.test(word) ? MONTHS[i]!.charAt(0).toUpperCase() + MONTHS[i]!.slice(1) : word;
    })
    .replace(/ UTC$/i, " GMT")
    .replace(/ ([+-]\d\d):(\d\d)$/, " $1$2");
}

/** Whether stamp `a` (as feedDate gives) is a later instant than `b`; a bare day is its midnight UTC. */
export function laterThan(a: string, b: string): boolean {
  const x = DateTime.fromISO(a, READ);
  const y = DateTime.fromISO(b, READ);
  return x.isValid && y.isValid && x.toMillis() > y.toMillis();
}
