// Articles' terms as runs of term ids, read a group of articles at a time (clustering reads one group a
// day), before any weighting. A group's ids are its own: each term's rank among the group's terms in the
// order Vocabulary.ranks gives (hash, kind, text), which is the order of the whole batch's ids restricted
// to the group. Joining groups (`joinGroups`) therefore only renames ids, by a map that keeps their order:
// every run stays sorted, and the joined runs are those of reading all articles at once. What a group's
// runs hold depends on its articles alone, so a later build takes an untouched day's runs from the
// cache (term-store.ts) instead of reading the terms of its articles again (the costliest part of the
// profiles: interning some 2.6 million tokens at 10,000 articles).
import type { DatedArticle } from "../types.ts";
import { articleTerms } from "./mentions.ts";
import { DAY, NAME, NUMBER, QUANTITY, UNIT, Vocabulary, WORD } from "./vocabulary.ts";

/**
 * An article's runs, in this order; then its lead sentences of at least MIN_SENTENCE_TERMS distinct
 * words, one run each. Counted runs hold each distinct id once with its count (later its weight).
 */
export const TITLE = 0;
export const WORDS = 1;
export const LEAD = 2;
export const NAMES = 3;
export const LEAD_NAMES = 4;
export const NUMBERS = 5;
export const QUANTITIES = 6;
export const QUANTITY_UNITS = 7;
export const UNITS = 8;
export const DAYS = 9;
export const YEARS = 10;
export const SENTENCES = 11;

/** Sentences with fewer distinct words than this are not compared. */
const MIN_SENTENCE_TERMS = 3;

/** Parallel growable runs of ids and of a number for each (a count, then a weight). */
export class Runs {
  ids = new Int32Array(1 << 16);
  values = new Float32Array(1 << 16);
  length = 0;

  /** Room for `more` entries after the last. */
  reserve(more: number): void {
    if (this.length + more <= this.ids.length) return;
    let size = this.ids.length * 2;
    while (size < this.length + more) size *= 2;
    const ids = new Int32Array(size);
    ids.set(this.ids.subarray(0, this.length));
    this.ids = ids;
    const values = new Float32Array(size);
    values.set(this.values.subarray(0, this.length));
    this.values = values;
  }

  push(id: number, value: number): void {
    this.reserve(1);
    this.ids[this.length] = id;
    this.values[this.length++] = value;
  }

  /**
   * Each distinct id of `sorted` (ascending) once, with how many times it occurs (`counted`), or with 0
   * (each distinct value once, uncounted).
   */
  pushSorted(sorted: Int32Array, counted: boolean): void {
    this.reserve(sorted.length);
    const { ids, values } = this;
    let at = this.length;
    for (let i = 0; i < sorted.length; i++) {
      const id = sorted[i]!;
      if (i > 0 && id === sorted[i - 1]) {
        if (counted) values[at - 1]!++;
      } else {
        ids[at] = id;
        values[at++] = counted ? 1 : 0;
      }
    }
    this.length = at;
  }

  /** Gives back what doubling left unused. */
  trim(): void {
    this.ids = this.ids.slice(0, this.length);
    this.values = this.values.slice(0, this.length);
  }
}

/** A reusable buffer of ids: filled, then sorted in place, without an array per run. */
class Scratch {
  private buffer = new Int32Array(1024);
  length = 0;

  clear(): this {
    this.length = 0;
    return this;
  }

  add(ids: Int32Array, from: number, to: number): this {
    const n = to - from;
    if (this.length + n > this.buffer.length) {
      const grown = new Int32Array(Math.max(this.buffer.length * 2, this.length + n));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(ids.subarray(from, to), this.length);
    this.length += n;
    return this;
  }

  sorted(): Int32Array {
    return this.buffer.subarray(0, this.length).sort();
  }
}

/** One group's articles' runs, with ids local to the group (years are the years themselves, not ids). */
export interface GroupTerms {
  /** The group's distinct terms, id k's at k: its hash and tag (vocabulary.ts), ascending as unsigned pairs. */
  hashes: Int32Array;
  tags: Uint32Array;
  /** The group's article k (in the group's order) has runs firstRun[k] … firstRun[k + 1] - 1. */
  firstRun: Int32Array;
  /** Run r's entries are ids[bounds[r]] … ids[bounds[r + 1] - 1], with their counts in `values`. */
  bounds: Int32Array;
  ids: Int32Array;
  values: Float32Array;
  weekdays: Int32Array;
  months: Int32Array;
}

/**
 * Reads the terms of articles[members[0]], articles[members[1]] … into runs (in that order), interning
 * each term to an id on first sight, then giving each id its rank; `release`: and lets go of the terms.
 */
export function readGroupTerms(articles: readonly DatedArticle[], members: Int32Array, release: boolean): GroupTerms {
  const vocabulary = new Vocabulary();
  const runs = new Runs();
  const starts: number[] = [];
  const firstRun = new Int32Array(members.length + 1);
  const weekdays = new Int32Array(members.length);
  const months = new Int32Array(members.length);
  const open = () => starts.push(runs.length);
  const words = { ids: new Int32Array(1024) };
  const names = { ids: new Int32Array(256) };
  const numbers = { ids: new Int32Array(256) };
  const days = { ids: new Int32Array(64) };
  const scratch = new Scratch();
  const sentence = new Scratch();
  members.forEach((member, i) => {
    const a = articles[member]!;
    const m = a.terms ?? articleTerms(a.title, a.paragraphs);
    if (release) a.terms = undefined;
    // Interned in order of first sight, and renumbered below by rank (Vocabulary.ranks): ids decide the
    // order of every vector, and so the order sums are taken in, which must not depend on the batch.
    const wordCount = vocabulary.list(WORD, m.stems, words);
    const nameCount = vocabulary.list(NAME, m.names, names);
    const quantities = quantityIds(vocabulary, m.quantities);
    const numberCount = vocabulary.list(NUMBER, m.numbers, numbers);
    const dayCount = vocabulary.list(DAY, m.days, days);
    const w = words.ids;
    const titleWords = Math.min(m.titleWords, wordCount);
    firstRun[i] = starts.length;
    open();
    runs.pushSorted(scratch.clear().add(w, 0, titleWords).sorted(), true);
    // The headline counts twice: it states the event in the fewest words.
    open();
    runs.pushSorted(scratch.clear().add(w, 0, titleWords).add(w, 0, wordCount).sorted(), true);
    open();
    runs.pushSorted(scratch.clear().add(w, 0, Math.min(m.leadWords, wordCount)).sorted(), true);
    open();
    runs.pushSorted(scratch.clear().add(names.ids, 0, nameCount).sorted(), true);
    open();
    runs.pushSorted(scratch.clear().add(names.ids, 0, Math.min(m.leadNames, nameCount)).sorted(), true);
    open();
    runs.pushSorted(scratch.clear().add(numbers.ids, 0, numberCount).sorted(), true);
    open();
    for (let k = 0; k < quantities.length; k += 2) runs.push(quantities[k]!, 0);
    open();
    for (let k = 1; k < quantities.length; k += 2) runs.push(quantities[k]!, 0);
    open();
    scratch.clear();
    for (let k = 1; k < quantities.length; k += 2) scratch.add(quantities, k, k + 1);
    runs.pushSorted(scratch.sorted(), false);
    open();
    runs.pushSorted(scratch.clear().add(days.ids, 0, dayCount).sorted(), false);
    open();
    runs.pushSorted(Int32Array.from(m.years).sort(), false);
    for (let k = 0; k + 1 < m.sentenceStarts.length; k++) {
      const from = Math.min(m.sentenceStarts[k]!, wordCount);
      const to = Math.min(Math.max(m.sentenceStarts[k + 1]!, from), wordCount);
      const ids = sentence.clear().add(w, from, to).sorted();
      let distinct = 0;
      for (let t = 0; t < ids.length; t++) if (t === 0 || ids[t] !== ids[t - 1]) distinct++;
      if (distinct < MIN_SENTENCE_TERMS) continue;
      open();
      runs.pushSorted(ids, false);
      // Each word of a sentence counts once.
      for (let r = runs.length - distinct; r < runs.length; r++) runs.values[r] = 1;
    }
    weekdays[i] = m.weekdays;
    months[i] = m.months;
  });
  firstRun[members.length] = starts.length;
  starts.push(runs.length);
  const bounds = Int32Array.from(starts);
  const rank = vocabulary.ranks();
  renumber(runs, bounds, firstRun, rank);
  runs.trim();
  const byId = vocabulary.entries();
  const hashes = new Int32Array(rank.length);
  const tags = new Uint32Array(rank.length);
  for (let id = 0; id < rank.length; id++) {
    hashes[rank[id]!] = byId.hashes[id]!;
    tags[rank[id]!] = byId.tags[id]!;
  }
  return { hashes, tags, firstRun, bounds, ids: runs.ids, values: runs.values, weekdays, months };
}

/**
 * Gives every run its ids' ranks, each run again in ascending order with its values (counts, small
 * whole numbers, at this point); the quantities are re-ordered with their units alongside. Years are
 * numbers, not ids.
 */
function renumber(runs: Runs, bounds: Int32Array, firstRun: Int32Array, rank: Int32Array): void {
  const { ids, values } = runs;
  let keys = new Float64Array(256);
  for (let a = 0; a + 1 < firstRun.length; a++) {
    for (let r = firstRun[a]!; r < firstRun[a + 1]!; r++) {
      const kind = r - firstRun[a]!;
      if (kind === YEARS || kind === QUANTITY_UNITS) continue;
      const [from, to] = [bounds[r]!, bounds[r + 1]!];
      if (to - from > keys.length) keys = new Float64Array(2 * (to - from));
      if (kind === QUANTITIES) {
        // (quantity rank, position) sorted, then both runs written in that order.
        const units = bounds[r + 1]!;
        const unitIds = ids.slice(units, units + (to - from));
        for (let k = from; k < to; k++) keys[k - from] = rank[ids[k]!]! * 2 ** 20 + (k - from);
        const sorted = keys.subarray(0, to - from).sort();
        for (let k = 0; k < sorted.length; k++) {
          const q = Math.floor(sorted[k]! / 2 ** 20);
          const position = sorted[k]! - q * 2 ** 20;
          ids[from + k] = q;
          ids[units + k] = rank[unitIds[position]!]!;
        }
        continue;
      }
      for (let k = from; k < to; k++) keys[k - from] = rank[ids[k]!]! * 2 ** 21 + values[k]!;
      const sorted = keys.subarray(0, to - from).sort();
      for (let k = 0; k < sorted.length; k++) {
        const id = Math.floor(sorted[k]! / 2 ** 21);
        ids[from + k] = id;
        values[from + k] = sorted[k]! - id * 2 ** 21;
      }
    }
  }
}

/** The article's quantities as (quantity id, unit id) pairs, flat, each quantity once, by quantity id. */
function quantityIds(vocabulary: Vocabulary, joined: string): Int32Array {
  const pairs: number[] = [];
  for (const q of list(joined)) {
    const quantity = vocabulary.id(QUANTITY, q, 0, q.length);
    // The unit is what stands before "=" (every quantity has one: "unit=value").
    const unit = vocabulary.id(UNIT, q, 0, Math.max(0, q.indexOf("=")));
    let k = 0;
    while (k < pairs.length && pairs[k] !== quantity) k += 2;
    if (k === pairs.length) pairs.push(quantity, unit);
    else pairs[k + 1] = unit;
  }
  const order = Array.from({ length: pairs.length / 2 }, (_, k) => 2 * k).sort((x, y) => pairs[x]! - pairs[y]!);
  const out = new Int32Array(pairs.length);
  order.forEach((k, at) => {
    out[2 * at] = pairs[k]!;
    out[2 * at + 1] = pairs[k + 1]!;
  });
  return out;
}

/** The tokens of a space-separated list (none for an empty one). */
function list(joined: string): string[] {
  return joined ? joined.split(" ") : [];
}

/** Every article's runs with the batch's ids: run r spans [starts[r], ends[r]); article a's runs are firstRun[a] … firstRun[a + 1] - 1. */
export interface Terms {
  ids: Int32Array;
  values: Float32Array;
  starts: Int32Array;
  ends: Int32Array;
  firstRun: Int32Array;
  weekdays: Int32Array;
  months: Int32Array;
  vocabularySize: number;
}

/** A group's articles (indices in the batch, in the group's order) and their runs. */
export interface Group {
  members: Int32Array;
  terms: GroupTerms;
}

/**
 * The groups' runs as one batch of `n` articles (every article in exactly one group), laid out in memory
 * group after group; or the positions of the groups whose terms are not strictly ascending (a group read
 * from elsewhere that is not sound), which must be read again.
 */
export function joinGroups(n: number, groups: readonly Group[]): Terms | { unsound: number[] } {
  const unsound: number[] = [];
  groups.forEach(({ terms: { hashes, tags } }, g) => {
    for (let k = 1; k < hashes.length; k++) if (compare(hashes[k - 1]!, tags[k - 1]!, hashes[k]!, tags[k]!) >= 0) return void unsound.push(g);
  });
  if (unsound.length > 0) return { unsound };
  const { maps, size } = mergeTerms(groups.map((g) => g.terms));
  const firstRun = new Int32Array(n + 1);
  const weekdays = new Int32Array(n);
  const months = new Int32Array(n);
  let entries = 0;
  for (const { members, terms } of groups) {
    members.forEach((a, k) => {
      firstRun[a + 1] = terms.firstRun[k + 1]! - terms.firstRun[k]!;
      weekdays[a] = terms.weekdays[k]!;
      months[a] = terms.months[k]!;
    });
    entries += terms.ids.length;
  }
  for (let a = 0; a < n; a++) firstRun[a + 1]! += firstRun[a]!;
  const ids = new Int32Array(entries);
  const values = new Float32Array(entries);
  const starts = new Int32Array(firstRun[n]!);
  const ends = new Int32Array(firstRun[n]!);
  let at = 0;
  for (let g = 0; g < groups.length; g++) at = place(groups[g]!, maps[g]!, at, firstRun, ids, values, starts, ends);
  return { ids, values, starts, ends, firstRun, weekdays, months, vocabularySize: size };
}

/** Copies a group's runs to `at` in the batch's arrays, with the batch's ids; returns where the next group goes. */
function place({ members, terms }: Group, map: Int32Array, at: number, firstRun: Int32Array, ids: Int32Array, values: Float32Array, starts: Int32Array, ends: Int32Array): number {
  const local = terms.ids;
  const bounds = terms.bounds;
  values.set(terms.values, at);
  for (let k = 0; k < members.length; k++) {
    const first = terms.firstRun[k]!;
    const last = terms.firstRun[k + 1]!;
    const run = firstRun[members[k]!]! - first;
    for (let r = first; r < last; r++) {
      const from = bounds[r]!;
      const to = bounds[r + 1]!;
      starts[run + r] = at + from;
      ends[run + r] = at + to;
      if (r - first === YEARS) for (let e = from; e < to; e++) ids[at + e] = local[e]!;
      else for (let e = from; e < to; e++) ids[at + e] = map[local[e]!]!;
    }
  }
  return at + local.length;
}

/** Orders two terms by hash, then tag, both unsigned. */
function compare(h1: number, t1: number, h2: number, t2: number): number {
  const [a, b] = [h1 >>> 0, h2 >>> 0];
  return a !== b ? a - b : t1 - t2;
}

/**
 * The batch's ids: each distinct term of the groups once, numbered in order of (hash, tag) as reading
 * all articles at once numbers them (Vocabulary.ranks); maps[g][k] is the batch id of group g's term k.
 */
function mergeTerms(groups: readonly GroupTerms[]): { maps: Int32Array[]; size: number } {
  const vocabulary = new Vocabulary();
  const maps = groups.map(({ hashes, tags }) => {
    const map = new Int32Array(hashes.length);
    for (let k = 0; k < hashes.length; k++) map[k] = vocabulary.idOf(hashes[k]!, tags[k]!);
    return map;
  });
  const rank = vocabulary.ranks();
  for (const map of maps) for (let k = 0; k < map.length; k++) map[k] = rank[map[k]!]!;
  return { maps, size: rank.length };
}
