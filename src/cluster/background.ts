// Which words are common in news at large: the IDF of a window counts BACKGROUND_DOCUMENTS typical news
// articles beside the window's own (profile.ts), each word in as many of them as its share of the articles
// of background-words.json (written by `npm run train:merge`, train/lib/background-words.ts). In a window
// of hundreds of articles they change little; in a build of a few, where every word shared by two reports
// is otherwise as rare as a name, they keep "government" and "new" common.
import backgroundJson from "./background-words.json" with { type: "json" };
import { termHash, termTag, WORD } from "./term-record.ts";

/** IDF prior: as if this many typical news articles were in the window too. */
export const BACKGROUND_DOCUMENTS = 100;

let table: Map<number, { tag: number; count: number }> | null = null;

function words(): Map<number, { tag: number; count: number }> {
  if (table) return table;
  const json = backgroundJson as { documents: number; words: Record<string, number> };
  if (!(json.documents > 0) || typeof json.words !== "object") throw new Error("cluster/background-words.json is damaged; rebuild it with npm run train:merge");
  table = new Map();
  for (const [w, df] of Object.entries(json.words)) table.set(termHash(WORD, w), { tag: termTag(WORD, w), count: (BACKGROUND_DOCUMENTS * df) / json.documents });
  return table;
}

/** For each term id (by rank), in how many of the background articles it stands: `hash(id)`, `tag(id)` the term's, `rank` the ids' final numbers. */
export function backgroundCounts(size: number, hash: (id: number) => number, tag: (id: number) => number, rank: Int32Array): Float32Array {
  const out = new Float32Array(size);
  const t = words();
  for (let id = 0; id < size; id++) {
    const e = t.get(hash(id));
    if (e && e.tag === tag(id)) out[rank[id]!] = e.count;
  }
  return out;
}
