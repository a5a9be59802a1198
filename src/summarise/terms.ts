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
   * Where each spelling's entry starts in `entries`, by its hash (-1: a free slot), at most half full. The
   * entries lie in the order spellings were first met, each with its characters right after its header
   * (as src/cluster/mentions.ts keeps its words): the common words, met first, share a few cache lines,
   * and a look-up reads the index and one entry. With the header in the index itself (2 MB of it) and
   * the characters apart, a word was a cache miss in the index and often a second one in the characters.
   */
  private index = new Int32Array(2 * Spellings.LIMIT).fill(-1);
  /** Per entry: the spelling's hash, its length, its stem id, then its characters two a number. */
  private entries = new Int32Array(8 * Spellings.LIMIT);
  private used = 0;
  private count = 0;
  private readonly stemIds = new Map<string, number>();

  /** Empties the table when it is full (only between stories: all ids are new after). */
  trim(): void {
    if (this.count <= Spellings.LIMIT) return;
    if (this.index.length === 2 * Spellings.LIMIT) this.index.fill(-1);
    else this.index = new Int32Array(2 * Spellings.LIMIT).fill(-1);
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
    const index = this.index;
    const entries = this.entries;
    const mask = index.length - 1;
    let at = h & mask;
    for (;;) {
      const base = index[at]!;
      if (base < 0) break;
      if (entries[base] === h && entries[base + LENGTH] === length && sameChars(entries, base + HEADER, text, from, length)) return entries[base + STEM_ID]!;
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
    const base = this.used;
    const end = base + HEADER + ((length + 1) >> 1);
    if (end > entries.length) {
      const grown = new Int32Array(2 * end);
      grown.set(entries.subarray(0, base));
      this.entries = grown;
    }
    const into = this.entries;
    into[base] = h;
    into[base + LENGTH] = length;
    into[base + STEM_ID] = id;
    let k = base + HEADER;
    let i = from;
    for (; i + 1 < to; i += 2) into[k++] = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    if (i < to) into[k] = text.charCodeAt(i);
    this.used = end;
    index[at] = base;
    if (2 * ++this.count > index.length) this.grow();
    return id;
  }

  /** Twice the index (a story with more new spellings than LIMIT). */
  private grow(): void {
    const index = new Int32Array(2 * this.index.length).fill(-1);
    const mask = index.length - 1;
    const entries = this.entries;
    for (let base = 0; base < this.used; base += HEADER + ((entries[base + LENGTH]! + 1) >> 1)) {
      let p = entries[base]! & mask;
      while (index[p]! >= 0) p = (p + 1) & mask;
      index[p] = base;
    }
    this.index = index;
  }
}

/** An entry of `Spellings`: its hash, then these. */
const LENGTH = 1;
const STEM_ID = 2;
const HEADER = 3;

/** Whether entries from `at` hold text[from, from + length), two code units a number. */
function sameChars(entries: Int32Array, at: number, text: string, from: number, length: number): boolean {
  let i = 0;
  let k = at;
  for (; i + 1 < length; i += 2, k++) if (entries[k] !== (text.charCodeAt(from + i) | (text.charCodeAt(from + i + 1) << 16))) return false;
  return i === length || entries[k] === text.charCodeAt(from + i);
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
