// The densest run of prose in a scrape: where the article body is.
import type { Line } from "../doc.ts";

/** Gain of keeping a line in the body: prose earns its word count, page furniture costs. */
function gain(line: Line): number {
  if (line.drop !== null) return 0;
  if (line.glued) return -5;
  if (line.prose) return line.words;
  // A date between paragraphs marks a list of other stories ("date, teaser, date, teaser"): costly.
  if (line.dated) return -30;
  if (line.chrome) return -5;
  if (line.headline) return 0;
  return -2;
}

/** The run of lines with the largest total gain (maximum subarray), trimmed to positive ends. */
export function densestRun(lines: Line[], limit: number): [number, number] | null {
  let best = 0, bestStart = -1, bestEnd = -1, sum = 0, start = 0;
  for (let i = 0; i < limit; i++) {
    const g = gain(lines[i]!);
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += g;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  if (bestStart < 0) return null;
  while (bestStart < bestEnd && gain(lines[bestStart]!) <= 0) bestStart++;
  return [bestStart, bestEnd + 1];
}
