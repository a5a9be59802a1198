// A story's terms as small integer ids, numbered in the order the story first uses them. The same
// stemmed content words as text/tfidf.ts `stems` gives. A word is found in the text in place and looked
// up by its characters in a table this thread keeps across stories (`Spellings`): no string is made for
// a word seen before, and its stem is worked out once per spelling, not once per story.
import { stem } from "../text/tfidf.ts";
import { contentWord, WordReader } from "../text/words.ts";

/**
 * Spellings of words (lower case) → the id of their stem on this thread (-1: not a content word).
 * Emptied when a story starts with more than LIMIT spellings kept (never during a story: the ids a
 * story holds must stay valid while it is summarised).
 */
class Spellings {
  private static readonly LIMIT = 1 << 17;
  /** Two numbers a slot: the spelling's hash and its index (-1: free). At most half the slots are used. */
  private slots = new Int32Array(4 * Spellings.LIMIT).fill(-1);
  private spellings: string[] = [];
  private stemOfSpelling = new Int32Array(Spellings.LIMIT);
  private readonly stemIds = new Map<string, number>();

  /** How many stem ids there are (ids run from 0 to this, exclusive). */
  get stems(): number {
    return this.stemIds.size;
  }

  /** Empties the table when it is full (only between stories: all ids are new after). */
  trim(): void {
    if (this.spellings.length <= Spellings.LIMIT) return;
    this.slots = new Int32Array(4 * Spellings.LIMIT).fill(-1);
    this.spellings = [];
    this.stemOfSpelling = new Int32Array(Spellings.LIMIT);
    this.stemIds.clear();
  }

  /** The stem id of the word text[from, to), or -1 when it is not a content word. */
  stemOf(text: string, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let at = h & mask;
    for (;;) {
      const k = slots[2 * at + 1]!;
      if (k < 0) break;
      if (slots[2 * at] === h) {
        const s = this.spellings[k]!;
        if (s.length === to - from && text.startsWith(s, from)) return this.stemOfSpelling[k]!;
      }
      at = (at + 1) & mask;
    }
    const spelling = text.slice(from, to);
    const w = contentWord(spelling);
    let id = -1;
    if (w !== null) {
      const s = stem(w);
      id = this.stemIds.get(s) ?? -1;
      if (id < 0) {
        id = this.stemIds.size;
        this.stemIds.set(s, id);
      }
    }
    const k = this.spellings.length;
    if (k === this.stemOfSpelling.length) {
      const grown = new Int32Array(2 * k);
      grown.set(this.stemOfSpelling);
      this.stemOfSpelling = grown;
    }
    this.stemOfSpelling[k] = id;
    this.spellings.push(spelling);
    slots[2 * at] = h;
    slots[2 * at + 1] = k;
    if (4 * this.spellings.length > slots.length) this.grow();
    return id;
  }

  /** Twice the slots (a story with more new spellings than LIMIT). */
  private grow(): void {
    const slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = slots.length / 2 - 1;
    for (let at = 0; at < this.slots.length / 2; at++) {
      const k = this.slots[2 * at + 1]!;
      if (k < 0) continue;
      const h = this.slots[2 * at]!;
      let p = h & mask;
      while (slots[2 * p + 1]! >= 0) p = (p + 1) & mask;
      slots[2 * p] = h;
      slots[2 * p + 1] = k;
    }
    this.slots = slots;
  }
}

const spellings = new Spellings();
const reader = new WordReader();
/** A stem id's id in the story that holds the shared tables now, valid where `storyOf` is that story's number. */
let localOf = new Int32Array(1 << 16);
let storyOf = new Int32Array(1 << 16);
let stories = 0;

/**
 * One story's terms. The tables behind it are shared by the thread: one story's vocabulary at a time
 * (a new one makes the one before unusable, and using it then throws).
 */
export class Vocabulary {
  private readonly story: number;
  private count = 0;

  constructor() {
    spellings.trim(); // a story's number tells its ids from those of every story before, whatever they meant
    this.story = ++stories;
  }

  /** How many terms there are: the ids run from 0 to this, exclusive. */
  get size(): number {
    return this.count;
  }

  /** The ids of the content words of `lower` (lower-cased text), in order; words not seen before get new ids. */
  add(lower: string): Int32Array {
    this.check();
    let ids = new Int32Array(16);
    let n = 0;
    for (let from = 0; reader.next(lower, from); from = reader.end) {
      const g = spellings.stemOf(lower, reader.start, reader.end);
      if (g < 0) continue;
      if (g >= storyOf.length) this.room(g);
      let id: number;
      if (storyOf[g] === this.story) id = localOf[g]!;
      else {
        id = this.count++;
        storyOf[g] = this.story;
        localOf[g] = id;
      }
      if (n === ids.length) {
        const grown = new Int32Array(2 * n);
        grown.set(ids);
        ids = grown;
      }
      ids[n++] = id;
    }
    return ids.slice(0, n);
  }

  /** The ids of the content words of `text` the story already has, in order; the others are left out. */
  known(text: string): Int32Array {
    this.check();
    const lower = text.toLowerCase();
    const out: number[] = [];
    for (let from = 0; reader.next(lower, from); from = reader.end) {
      const g = spellings.stemOf(lower, reader.start, reader.end);
      if (g >= 0 && g < storyOf.length && storyOf[g] === this.story) out.push(localOf[g]!);
    }
    return Int32Array.from(out);
  }

  private check(): void {
    if (this.story !== stories) throw new Error("a story's vocabulary was used after another story's was made");
  }

  private room(g: number): void {
    let size = storyOf.length;
    while (size <= g) size *= 2;
    const [local, story] = [new Int32Array(size), new Int32Array(size)];
    local.set(localOf);
    story.set(storyOf);
    [localOf, storyOf] = [local, story];
  }
}
