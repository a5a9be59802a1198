// A headline line that is the page's breadcrumb trail ending in the headline: "Startseite » Aktuelles »
// Jetzt noch Plätze …", "> Blog > Aus den Ländern > Digitalpolitische Jahrestagung …". Text dumps print
// the trail on the headline's line; the reader wants the last step, the article's own headline.

/** An arrow between two steps, spaced on both sides (never "»quoted«" guillemets or "a>b"). */
const STEP = /\s+[>»›]\s+/;
/** The trail opens with an arrow ("> Blog > …"): the step before it was an icon (home) the dump lost. */
const OPENING = /^[>»›]\s+/;
/** A step before the last is a section's name: a few words, never a sentence. */
const MAX_STEP_WORDS = 5;

/** The headline at the end of a breadcrumb trail, or the line itself when it is not one. */
export function lastCrumb(line: string): string {
  const opened = OPENING.test(line);
  const steps = line.replace(OPENING, "").split(STEP);
  // Two arrows, or one after an opening arrow: one arrow alone may be the headline's own ("Why A > B").
  if (steps.length < (opened ? 2 : 3)) return line;
  const last = steps[steps.length - 1]!.trim();
  if (!/\p{L}/u.test(last)) return line;
  for (let i = 0; i < steps.length - 1; i++) {
    const words = steps[i]!.trim().split(/\s+/).filter(Boolean).length;
    if (words === 0 || words > MAX_STEP_WORDS) return line;
  }
  return last;
}
