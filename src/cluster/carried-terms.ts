// Every article's terms as the last build read them, carried to the next build (src/cache/cluster-terms.ts on
// disk), so that an article whose terms key is as then takes its runs with one copy instead of parsing and
// interning its terms record again (profile.ts readTerms). Ids in the file are that build's ranks, and its
// vocabulary is listed in rank order: the next build starts its vocabulary from it, interns only the new and
// changed articles' terms, and ranks again over the terms its articles hold (a term of articles gone since
// is dropped), so every id is the rank a cold build gives.
//
// Kept only when every article's runs name every term of its record (the ranks of a build without the
// record must come out the same): true of every record term-record.ts writes; checked as records are read.
//
// A build that carried most of its articles does not write every entry again: it adds its new and changed
// articles' entries after the last build's (`append`), their ids numbered in the carried vocabulary with its
// new terms after it (so ids stay what they were: only the table of articles and terms is written whole).
// The entries of articles gone since stay in the file, unread, until they, or the terms out of rank order,
// are more than a share of it (APPEND_SHARE); then the build writes it whole again, in rank order.

/** What the last build kept of its articles' terms, in the order their runs lay in memory. */
export interface CarriedTable {
  /** The vocabulary, each id's hash and tag: ids 0 … sorted - 1 in rank order, the later ones as the builds that added them met them. */
  hashes: Int32Array;
  tags: Uint32Array;
  sorted: number;
  /** Each article's terms key (32 characters), run count, weekdays and months. */
  keys: string[];
  runCounts: Int32Array;
  weekdays: Int32Array;
  months: Int32Array;
  /** Every run's length, article after article. */
  runLengths: Int32Array;
  /** How many entries (ids, with a value each) all runs hold. */
  entries: number;
}

export interface TermStore {
  /** The last build's table; undefined when there is none, or it is damaged or another code's (warned where it is damaged). */
  table(): CarriedTable | undefined;
  /** Reads the entries of the table last given into `ids` and `values` (each `entries` long); false when they do not read back sound (warned). */
  entries(ids: Int32Array, values: Float32Array): boolean;
  /** Keeps this build's table and entries for the next build (written before this returns). */
  put(table: CarriedTable, ids: Int32Array, values: Float32Array): void;
  /**
   * Keeps `table`, whose entries are those of the table last given followed by `ids` and `values`, for the
   * next build: only these entries are written besides the table (written before this returns). False when
   * it cannot (no table was given, or it does not continue it): then `put`.
   */
  append(table: CarriedTable, ids: Int32Array, values: Float32Array): boolean;
}

/**
 * The share of a carried file's entries (those of articles gone since) or of its vocabulary (terms out of
 * rank order) beyond which a build writes the file whole again instead of adding to it.
 */
export const APPEND_SHARE = 1 / 8;
