// A story's terms as small integer ids, numbered in the order the story first uses them. The same
// stemmed content words as text/tfidf.ts `stems` gives; a word is looked up once per story, and each
// later use of it is one look-up in this story's small table rather than in the process-wide stem cache.
import { stem } from "../text/tfidf.ts";
import { contentWord, words } from "../text/words.ts";

export class Vocabulary {
  /** A word of lower-cased text → its term's id, or -1 when it is not a content word. */
  private readonly byWord = new Map<string, number>();
  private readonly byStem = new Map<string, number>();

  /** How many terms there are: the ids run from 0 to this, exclusive. */
  get size(): number {
    return this.byStem.size;
  }

  /** The ids of the content words of `lower` (lower-cased text), in order; words not seen before get new ids. */
  add(lower: string): Int32Array {
    const tokens = words(lower);
    const ids = new Int32Array(tokens.length);
    let n = 0;
    for (const token of tokens) {
      let id = this.byWord.get(token);
      if (id === undefined) {
        const w = contentWord(token);
        if (w === null) id = -1;
        else {
          const s = stem(w);
          id = this.byStem.get(s);
          if (id === undefined) {
            id = this.byStem.size;
            this.byStem.set(s, id);
          }
        }
        this.byWord.set(token, id);
      }
      if (id >= 0) ids[n++] = id;
    }
    return n === ids.length ? ids : ids.slice(0, n);
  }

  /** The ids of the content words of `text` the story already has, in order; the others are left out. */
  known(text: string): Int32Array {
    const out: number[] = [];
    for (const token of words(text.toLowerCase())) {
      const w = contentWord(token);
      const id = w === null ? undefined : this.byStem.get(stem(w));
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out);
  }
}
