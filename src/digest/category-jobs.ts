// A story's categories found on the summary threads, with its summary: its summary job carries its
// articles' texts already (their paragraphs joined by newlines), and finding the names in them was most
// of what the view model cost this thread. The build's stories are told apart by their member lists:
// the pipeline tags each story's summary inputs with them (`tagStoryInputs`), the summary pool asks how
// many names a job is to find (`namesWanted`) and keeps what the thread found (`keepNames`), and
// `categoriseArticles` takes them from here. A story with none here (a cached summary, one summarised
// with another's identical job, too few stories for the threads) has its categories found as before.
import { paragraphsOf } from "../text/article-text.ts";
import type { ProseSource } from "./categories.ts";
import { candidateNames, pickCategories, PROSE_PARAGRAPHS } from "./categories.ts";

const storyOf = new WeakMap<object, readonly ProseSource[]>();
const found = new WeakMap<readonly ProseSource[], { names: string[]; spare: number }>();

/** Marks `inputs` (a list of summary inputs, one per member, each text its paragraphs joined by newlines) as the story `members`'. */
export function tagStoryInputs(inputs: object, members: readonly ProseSource[]): void {
  storyOf.set(inputs, members);
}

/**
 * How many names more than its categories a job with these inputs is to find (its members: no story
 * leaves out more outlets), or null when it is to find none: not a tagged story's, or a paragraph the
 * categories read holds a newline (its text would not give the paragraphs back).
 */
export function namesWanted(inputs: object): number | null {
  const members = storyOf.get(inputs);
  if (!members) return null;
  for (const m of members) {
    const paragraphs = paragraphsOf(m);
    for (let i = 0; i < paragraphs.length && i < PROSE_PARAGRAPHS; i++) if (paragraphs[i]!.includes("\n")) return null;
  }
  return members.length;
}

/** The first paragraphs of a text made of paragraphs joined by newlines (as many as the categories read). */
function firstParagraphs(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < PROSE_PARAGRAPHS) {
    const end = text.indexOf("\n", at);
    if (end < 0) {
      out.push(text.slice(at));
      break;
    }
    out.push(text.slice(at, end));
    at = end + 1;
  }
  return out;
}

/** `candidateNames` of a summary job's texts (on a thread). */
export function namesOfTexts(texts: readonly string[], spare: number): string[] {
  return candidateNames(texts.map(firstParagraphs), spare);
}

/** Keeps the names a thread found for the story whose inputs these were. */
export function keepNames(inputs: object, names: string[], spare: number): void {
  const members = storyOf.get(inputs);
  if (members) found.set(members, { names, spare });
}

/** The story's categories from the names kept for it, or null when there are none (or too few spare). */
export function foundCategories(members: readonly ProseSource[], exclude: readonly string[]): string[] | null {
  const kept = found.get(members);
  return kept ? pickCategories(kept.names, kept.spare, exclude) : null;
}
