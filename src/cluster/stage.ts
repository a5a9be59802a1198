// The stage of the event an article leads with, as far as its tense tells: a preview ("elections will be
// held on two-party basis", "is set to", "plans to") or a report of what happened. Two look-alike events
// of one topic are often one planned and one held, and their coverage shares who, where and the topic's
// words; the stage is what differs (train/try-group-checks.ts stage). Read from the headline and the first
// sentence, for English only: in any other language, or a lead too short to tell, the stage is unknown,
// never a guess.
import { splitSentences } from "../text/sentences.ts";

/** The lead was read (English, long enough): the other bits mean something. */
export const STAGE_KNOWN = 1;
/** The lead speaks of the future. */
export const STAGE_FUTURE = 2;

/** Only this much of the first paragraph is looked at for its first sentence (a scrape may be one paragraph). */
const FIRST_CHARS = 600;
/** A lead is read as English when at least this many of its words, and this share, are English function words. */
const MIN_FUNCTION_WORDS = 2;
const MIN_FUNCTION_SHARE = 0.1;

// Only words no other common language of news spells alike ("in", "a", "on" are German, Italian, French words too).
const FUNCTION_WORDS = new Set("the of to for and is are was were has have had will by with from that this been which".split(" "));
const FUTURE = /\b(?:will|won't|shall|to be held|plans? to|planned|set to|scheduled|expected to|is to|are to|due to|upcoming|next week|next month|next year)\b/;
const WORD = /[\p{L}\p{N}']+/gu;

/** The stage bits of an article (STAGE_KNOWN, STAGE_FUTURE), 0 when unknown. */
export function leadStage(title: string, paragraphs: readonly string[]): number {
  const first = splitSentences((paragraphs[0] ?? "").slice(0, FIRST_CHARS))[0] ?? "";
  const lead = `${title}\n${first}`.toLowerCase().replace(/’/g, "'");
  let words = 0;
  let function_ = 0;
  for (const m of lead.matchAll(WORD)) {
    words++;
    if (FUNCTION_WORDS.has(m[0])) function_++;
  }
  if (function_ < MIN_FUNCTION_WORDS || function_ < MIN_FUNCTION_SHARE * words) return 0;
  return STAGE_KNOWN | (FUTURE.test(lead) ? STAGE_FUTURE : 0);
}

export interface StageOptions {
  /** Groups with fewer reports whose stage is known are never parted by it (0 turns the check off). */
  minKnown: number;
  /** A group whose share of previews (of its known reports) is at least this … */
  hi: number;
  /** … is not joined with one whose share is at most this. */
  lo: number;
}

/**
 * Each growing group's reports whose lead's stage is known, and how many of them are previews. Two groups
 * at the two ends (most of one group's reports preview the event, (almost) none of the other's do) are two
 * stages, which for look-alike events is two events: elections planned and elections held.
 */
export class StageShares {
  private readonly known: Int32Array;
  private readonly future: Int32Array;

  constructor(stages: ArrayLike<number>, private readonly options: StageOptions) {
    this.known = Int32Array.from({ length: stages.length }, (_, i) => (stages[i]! & STAGE_KNOWN ? 1 : 0));
    this.future = Int32Array.from({ length: stages.length }, (_, i) => (stages[i]! & STAGE_KNOWN && stages[i]! & STAGE_FUTURE ? 1 : 0));
  }

  join(keep: number, gone: number): void {
    this.known[keep]! += this.known[gone]!;
    this.future[keep]! += this.future[gone]!;
  }

  contradict(x: number, y: number): boolean {
    const { minKnown } = this.options;
    return minKnown > 0 && this.known[x]! >= minKnown && this.known[y]! >= minKnown && (this.ends(x, y) || this.ends(y, x));
  }

  private ends(previews: number, reports: number): boolean {
    return this.future[previews]! >= this.options.hi * this.known[previews]! && this.future[reports]! <= this.options.lo * this.known[reports]!;
  }
}
