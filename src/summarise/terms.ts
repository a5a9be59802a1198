// A story's terms as small integer ids, numbered in the order the story first uses them. The same
// stemmed content words as text/tfidf.ts `stems` gives. A word is found in the text in place and looked
// up by its characters in a table this thread keeps across stories (`Spellings`): no string is made for
// a word seen before, and its stem is worked out once per spelling, not once per story.
import { stem } from "../text/tfidf.ts";
import { contentWord, WordReader } from "../text/words.ts";
import { arena } from "./arena.ts";

/**
 * Spellings of words (lower case) → the id of their stem on this thread (-1: not a content word).
 * Emptied when a story starts with more than LIMIT spellings kept (never during a story: the ids a
 * story holds must stay valid while it is summarised).
 */
class Spellings {
  private static readonly LIMIT = 1 << 16;
  /**
   * Four numbers a slot, so that one memory access finds them: the spelling's hash, its length (0: a
   * free slot), where its characters start in `chars`, and its stem id. At most half the slots are used.
   */
  private slots = new Int32Array(8 * Spellings.LIMIT);
  private chars = new Uint16Array(8 * Spellings.LIMIT);
  private used = 0;
  private count = 0;
  private readonly stemIds = new Map<string, number>();

  /** Empties the table when it is full (only between stories: all ids are new after). */
  trim(): void {
    if (this.count <= Spellings.LIMIT) return;
    this.slots = new Int32Array(8 * Spellings.LIMIT);
    this.used = 0;
    this.count = 0;
    this.stemIds.clear();
  }

  /** The stem id of the word text[from, to), or -1 when it is not a content word. */
  stemOf(text: string, from: number, to: number): number {
    // Shorter than `contentWord`'s least length ("a", "of", "in": a third of the words): never a content word.
    if (to - from < MIN_LENGTH) return -1;
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const length = to - from;
    const slots = this.slots;
    const mask = slots.length / 4 - 1;
    let at = h & mask;
    for (;;) {
      const s = 4 * at;
      const n = slots[s + 1]!;
      if (n === 0) break;
      if (slots[s] === h && n === length && this.same(text, from, slots[s + 2]!, n)) return slots[s + 3]!;
      at = (at + 1) & mask;
    }
    const w = contentWord(text.slice(from, to));
    let id = -1;
    if (w !== null) {
      const s = stem(w);
      id = this.stemIds.get(s) ?? -1;
      if (id < 0) {
        id = this.stemIds.size;
        this.stemIds.set(s, id);
      }
    }
    if (this.used + length > this.chars.length) {
      const grown = new Uint16Array(2 * (this.used + length));
      grown.set(this.chars.subarray(0, this.used));
      this.chars = grown;
    }
    for (let i = from; i < to; i++) this.chars[this.used++] = text.charCodeAt(i);
    const s = 4 * at;
    slots[s] = h;
    slots[s + 1] = length;
    slots[s + 2] = this.used - length;
    slots[s + 3] = id;
    if (8 * ++this.count > slots.length) this.grow();
    return id;
  }

  private same(text: string, from: number, start: number, length: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (chars[start + k] !== text.charCodeAt(from + k)) return false;
    return true;
  }

  /** Twice the slots (a story with more new spellings than LIMIT). */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length);
    const mask = slots.length / 4 - 1;
    for (let s = 0; s < old.length; s += 4) {
      if (old[s + 1] === 0) continue;
      let p = old[s]! & mask;
      while (slots[4 * p + 1] !== 0) p = (p + 1) & mask;
      slots.set(old.subarray(s, s + 4), 4 * p);
    }
    this.slots = slots;
  }
}

/** `contentWord`'s default least length, in code units: a spelling shorter than this is no content word whatever it is. */
const MIN_LENGTH = 3;

const spellings = new Spellings();
const reader = new WordReader();
/** A stem id's id in the story that holds the shared tables now, valid where `storyOf` is that story's number. */
let localOf = new Int32Array(1 << 16);
let storyOf = new Int32Array(1 << 16);
let stories = 0;
/** Where `add` gathers a text's ids before copying them out (one array for every text, not one for each). */
let scratchIds = new Int32Array(256);
/** A longer text's ids are gathered in an array of their own (the thread would keep a huge one). */
const MAX_SCRATCH = 1 << 16;

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

  /** The ids of the content words of `lower` (lower-cased text), in order; words not seen before get new ids. Valid until the next story's `arena.reset`. */
  add(lower: string): Int32Array {
    this.check();
    let ids = scratchIds;
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
        if (grown.length <= MAX_SCRATCH) scratchIds = grown;
      }
      ids[n++] = id;
    }
    const out = arena.int32(n);
    for (let k = 0; k < n; k++) out[k] = ids[k]!;
    return out;
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
