// The stage of the event an article leads with, read from its headline and first sentence, for the
// harnesses (try-group-checks.ts stage, try-pair-model.ts): a preview (future markers) or a lead that
// undoes an earlier act (a rule overturned, a ban lifted). English only: in another language, or a lead
// too short to tell, the stage is unknown (0). Measured at stop 33 and not adopted (see those files).
import { splitSentences } from "../../src/text/sentences.ts";

export const STAGE_KNOWN = 1;
export const STAGE_FUTURE = 2;
export const STAGE_REVERSAL = 4;

// Words no other common language of news spells alike ("in", "a", "on" are German, Italian, French too).
const FUNCTION_WORDS = new Set("the of to for and is are was were has have had will by with from that this been which".split(" "));
const FUTURE = /\b(?:will|won't|shall|to be held|plans? to|planned|set to|scheduled|expected to|is to|are to|due to|upcoming|next week|next month|next year)\b/;
const REVERSAL = /\b(?:overturn\w*|revers(?:e|es|ed|ing)|revok\w*|repeal\w*|rescind\w*|undo(?:es|ing|ne)?|undid|scrap(?:s|ped|ping)?|restor\w*|overrul\w*|annul\w*|quash\w*|(?:strike|strikes|struck)\s+down|lift(?:s|ed|ing)?\s+(?:the\s+|a\s+)?ban)\b/;

/** The stage bits of an article's lead, 0 when unknown. */
export function leadStage(title: string, paragraphs: readonly string[]): number {
  const first = splitSentences((paragraphs[0] ?? "").slice(0, 600))[0] ?? "";
  const lead = `${title}\n${first}`.toLowerCase().replace(/’/g, "'");
  const words = lead.match(/[\p{L}\p{N}']+/gu) ?? [];
  const function_ = words.filter((w) => FUNCTION_WORDS.has(w)).length;
  if (function_ < 2 || function_ < 0.1 * words.length) return 0;
  return STAGE_KNOWN | (FUTURE.test(lead) ? STAGE_FUTURE : 0) | (REVERSAL.test(lead) ? STAGE_REVERSAL : 0);
}
