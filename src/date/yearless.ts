// English day mentions with or without a year ("May 29", "29 May 2025", "2025-05-29"): what a page's
// clock and its other items point at, for resolving "on Thursday" when no full date is stated.

const MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "gi");
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTHS})\\.?(?:,?\\s+(\\d{4}))?\\b`, "gi");
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

export interface DayMention {
  month: number;
  day: number;
  year: number | null;
  index: number;
}

const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

function monthNumber(name: string): number {
  return MONTH_NUMBER[name.slice(0, 3).toLowerCase()] ?? 0;
}

/** Every "May 29[, 2025]", "29 May [2025]" and "2025-05-29" in the text. */
export function dayMentions(text: string): DayMention[] {
  const out: DayMention[] = [];
  for (const m of text.matchAll(MONTH_DAY_YEAR)) out.push({ month: monthNumber(m[1]!), day: Number(m[2]), year: m[3] ? Number(m[3]) : null, index: m.index! });
  for (const m of text.matchAll(DAY_MONTH_YEAR)) out.push({ month: monthNumber(m[2]!), day: Number(m[1]), year: m[3] ? Number(m[3]) : null, index: m.index! });
  for (const m of text.matchAll(ISO_DAY)) out.push({ month: Number(m[2]), day: Number(m[3]), year: Number(m[1]), index: m.index! });
  return out.filter((d) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31).sort((a, b) => a.index - b.index);
}
