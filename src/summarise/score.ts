// How much each candidate sentence deserves a place: lead position, centrality to the story, the title.
import { denseCosine, postingsOf, sentenceSpace, sparseCosine, type Postings, type SparseVector } from "./vectors.ts";
import type { Candidate } from "./candidates.ts";
import { arena } from "./arena.ts";

export interface ScoreWeights {
  /** Weight of the position prior 1 / (1 + position)^positionDecay within each article. */
  position: number;
  positionDecay: number;
  /** Weight of cosine similarity to the story's centroid. */
  centrality: number;
  /** Weight of the best cosine similarity to an article title. */
  title: number;
  /**
   * Weight of directed centrality within an article: similarity to the sentences after it (which
   * elaborate it) minus `backward` times similarity to those before it (which it elaborates).
   */
  directed: number;
  backward: number;
  /** Sentences shorter than this many words are scaled down in proportion. */
  fullLength: number;
  /**
   * Weight of cross-outlet support (stories of several articles only): how closely the other articles'
   * opening sentences say the same, so the facts most outlets report first rank highest.
   */
  support: number;
  /**
   * Weight of outlet agreement (stories of MIN_AGREEING articles or more): the share of the other articles
   * that hold each of the sentence's consecutive content-word pairs ("matt smith", "stay indoors"), averaged
   * over its pairs, so the facts most outlets state rank high whatever their place in each report.
   */
  agreement: number;
}

/**
 * Fewest articles for outlet agreement: of two, each sentence is held by the other or not, which says as
 * much about which sentences one outlet dropped as about what both report (cross-outlet support reads them).
 */
const MIN_AGREEING = 3;

/** Sentences of each other article that count as its report of the event's main facts. */
const SUPPORT_SENTENCES = 10;

/** The candidates' vectors and scores, by the candidates' indices. */
export interface Scores {
  vectors: SparseVector[];
  scores: Float64Array;
  /** The vectors by term, for comparing one vector with many. */
  postings: Postings;
  /** Each term's IDF in the story, by id. */
  idf: Float64Array;
}

/** Scores the candidates; `titles` are the articles' titles' term ids, `size` the number of the story's terms. */
export function scoreCandidates(candidates: Candidate[], titles: Int32Array[], size: number, weights: ScoreWeights): Scores {
  const { vectors, embed, centroid, idf } = sentenceSpace(candidates, size);
  const postings = postingsOf(vectors, size);
  const titleVectors: SparseVector[] = [];
  for (let t = 0; t < titles.length; t++) if (titles[t]!.length > 0) titleVectors.push(embed(titles[t]!));
  const directed = directedCentrality(candidates, vectors, postings, weights.backward);
  const support = weights.support > 0 ? crossSupport(candidates, vectors, size) : null;
  const agreement = weights.agreement > 0 ? outletAgreement(candidates, size) : null;
  const scores = arena.float64(candidates.length);
  // A word-for-word copy has its first copy's very vector (`sameVectorAs`): the same similarities to the titles and the centroid.
  const titleOf = arena.float64(candidates.length);
  const centralOf = arena.float64(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const vector = vectors[i]!;
    const first = sameVectorAs(candidates, vectors, i);
    if (first >= 0) {
      titleOf[i] = titleOf[first]!;
      centralOf[i] = centralOf[first]!;
    } else {
      let title = 0;
      for (let t = 0; t < titleVectors.length; t++) title = Math.max(title, sparseCosine(vector, titleVectors[t]!));
      titleOf[i] = title;
      centralOf[i] = denseCosine(vector, centroid);
    }
    const title = titleOf[i]!;
    const position = 1 / Math.pow(1 + c.position, weights.positionDecay);
    const lengthFit = Math.min(1, c.words / weights.fullLength);
    const supported = support ? weights.support * support[i]! : 0;
    const agreed = agreement ? weights.agreement * agreement[i]! : 0;
    scores[i] = (weights.position * position + weights.centrality * centralOf[i]! + weights.title * title + weights.directed * directed[i]! + supported + agreed) * lengthFit;
  }
  return { vectors, scores, postings, idf };
}

/** The earlier candidate whose very vector candidate `i` has (its first copy, word for word), or -1. */
function sameVectorAs(candidates: Candidate[], vectors: SparseVector[], i: number): number {
  const d = candidates[i]!.duplicateOf;
  return d !== null && vectors[d] === vectors[i] ? d : -1;
}

/** How many following sentences a sentence is compared with for directed centrality. */
export const DIRECTED_WINDOW = 60;

/**
 * Per article, PacSum-style: forward similarity minus weighted backward similarity, scaled to the article's size.
 * A sentence meets the sentences of its window through the terms it shares with them (`Postings`): every sum is
 * the same to the last bit as comparing each pair over all its terms.
 */
export function directedCentrality(candidates: Candidate[], vectors: SparseVector[], { starts, sentence: postedSentence, weight: postedWeight }: Postings, backward: number): Float64Array {
  const n = candidates.length;
  const out = arena.float64(n).fill(0);
  // Where each term's postings are read from next: past every sentence up to the one being compared.
  const cursor = arena.int32(starts.length - 1);
  cursor.set(starts.subarray(0, starts.length - 1));
  const dot = arena.float64(n).fill(0);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n && candidates[end]!.article === candidates[start]!.article) end++;
    for (let i = start; i < end; i++) {
      // Within a window: a long feature would otherwise cost the square of its sentence count.
      const last = Math.min(end, i + 1 + DIRECTED_WINDOW);
      const v = vectors[i]!;
      for (let k = 0; k < v.ids.length; k++) {
        const id = v.ids[k]!;
        const w = v.weights[k]!;
        const stop = starts[id + 1]!;
        let at = cursor[id]!;
        while (at < stop && postedSentence[at]! <= i) at++;
        cursor[id] = at;
        for (; at < stop; at++) {
          const j = postedSentence[at]!;
          if (j >= last) break;
          dot[j] = dot[j]! + postedWeight[at]! * w;
        }
      }
      for (let j = i + 1; j < last; j++) {
        const sim = dot[j]!;
        dot[j] = 0;
        out[i] = out[i]! + sim;
        out[j] = out[j]! - backward * sim;
      }
    }
    const count = end - start;
    if (count > 1) for (let i = start; i < end; i++) out[i] = out[i]! / (Math.min(count, DIRECTED_WINDOW + 1) - 1);
    start = end;
  }
  return out;
}

/** Mean over the other articles of the best cosine with one of their first SUPPORT_SENTENCES sentences; 0 for one article. */
function crossSupport(candidates: Candidate[], vectors: SparseVector[], size: number): Float64Array {
  const n = candidates.length;
  const out = arena.float64(n).fill(0);
  // Each article's place in the sum's order (the order its first opening comes in), -1 for none.
  let articleCount = 0;
  for (let i = 0; i < n; i++) articleCount = Math.max(articleCount, candidates[i]!.article + 1);
  const placeOfArticle = arena.int32(articleCount).fill(-1);
  let places = 0;
  let openingCount = 0;
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    if (c.dateline || c.position >= SUPPORT_SENTENCES) continue;
    openingCount++;
    if (placeOfArticle[c.article] === -1) placeOfArticle[c.article] = places++;
  }
  if (places < 2) return out;
  const openings = arena.int32(openingCount);
  for (let i = 0, o = 0; i < n; i++) if (!candidates[i]!.dateline && candidates[i]!.position < SUPPORT_SENTENCES) openings[o++] = i;
  // Each term's openings with their weights (postings in opening order), so a sentence meets only the
  // openings it shares a term with. Its products with one opening are added in ascending term order, as
  // a merge of the two vectors adds them: the same cosine to the last bit.
  const starts = arena.int32(size + 1).fill(0);
  for (let o = 0; o < openingCount; o++) {
    const ids = vectors[openings[o]!]!.ids;
    for (let k = 0; k < ids.length; k++) starts[ids[k]! + 1]!++;
  }
  for (let id = 0; id < size; id++) starts[id + 1]! += starts[id]!;
  const fill = arena.int32(size);
  fill.set(starts.subarray(0, size));
  const postedOpening = arena.int32(starts[size]!);
  const postedWeight = arena.float64(starts[size]!);
  for (let o = 0; o < openingCount; o++) {
    const v = vectors[openings[o]!]!;
    for (let k = 0; k < v.ids.length; k++) {
      const at = fill[v.ids[k]!]!++;
      postedOpening[at] = o;
      postedWeight[at] = v.weights[k]!;
    }
  }
  const dot = arena.float64(openingCount).fill(0);
  // The openings a sentence shares a term with (the others' products are all zero, and every weight is
  // above zero, so a best of 0 stands for them): only these are visited and cleared again.
  const met = arena.int32(openingCount);
  const metBy = arena.int32(openingCount).fill(-1);
  const best = arena.float64(places);
  const placeOf = arena.int32(openingCount);
  for (let o = 0; o < openingCount; o++) placeOf[o] = placeOfArticle[candidates[openings[o]!]!.article]!;
  // A sentence with word-for-word copies keeps its best per article for them (their vector is its own).
  const rowOf = arena.int32(n).fill(-1);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const first = sameVectorAs(candidates, vectors, i);
    if (first >= 0 && rowOf[first] === -1) rowOf[first] = rows++;
  }
  const kept = arena.float64(rows * places);
  for (let i = 0; i < n; i++) {
    const own = placeOfArticle[candidates[i]!.article]!;
    const first = sameVectorAs(candidates, vectors, i);
    if (first >= 0) {
      best.set(kept.subarray(rowOf[first]! * places, (rowOf[first]! + 1) * places));
      out[i] = supportFrom(best, places, own);
      continue;
    }
    const v = vectors[i]!;
    let count = 0;
    for (let k = 0; k < v.ids.length; k++) {
      const w = v.weights[k]!;
      const id = v.ids[k]!;
      for (let at = starts[id]!; at < starts[id + 1]!; at++) {
        const o = postedOpening[at]!;
        if (metBy[o] !== i) {
          metBy[o] = i;
          met[count++] = o;
        }
        dot[o] = dot[o]! + w * postedWeight[at]!;
      }
    }
    best.fill(0);
    for (let m = 0; m < count; m++) {
      const o = met[m]!;
      best[placeOf[o]!] = Math.max(best[placeOf[o]!]!, dot[o]!);
      dot[o] = 0;
    }
    if (rowOf[i]! >= 0) kept.set(best, rowOf[i]! * places);
    out[i] = supportFrom(best, places, own);
  }
  return out;
}

/** The mean of the best cosines with the articles other than the sentence's own (place `own`, -1 for none). */
function supportFrom(best: Float64Array, places: number, own: number): number {
  let sum = 0;
  for (let p = 0; p < places; p++) if (p !== own) sum += best[p]!;
  return sum / (places - (own === -1 ? 0 : 1));
}

/**
 * Per sentence: over its consecutive content-word pairs, the mean share of the story's other articles that
 * hold the pair among their read sentences; all 0 in a story of fewer than MIN_AGREEING articles.
 */
function outletAgreement(candidates: Candidate[], size: number): Float64Array {
  const n = candidates.length;
  const out = arena.float64(n).fill(0);
  // Candidates come article by article.
  let articleCount = 0;
  for (let i = 0; i < n; i++) if (i === 0 || candidates[i]!.article !== candidates[i - 1]!.article) articleCount++;
  if (articleCount < MIN_AGREEING) return out;
  // Each pair (a number: first id × size + second) gets a slot, with how many articles hold it and the last
  // that did; each sentence's pairs' slots are kept in order, so the second pass looks nothing up.
  let pairCount = 0;
  for (let i = 0; i < n; i++) pairCount += Math.max(0, candidates[i]!.terms.length - 1);
  const slotOf = new Map<number, number>();
  const slots = arena.int32(pairCount);
  const holders = arena.int32(pairCount).fill(0);
  const lastHolder = arena.int32(pairCount).fill(-1);
  // Where each sentence's pairs' slots start: a word-for-word copy (its first copy's very terms) reads its slots there.
  const slotsFrom = arena.int32(n);
  for (let i = 0, at = 0; i < n; i++) {
    const { terms: t, article, duplicateOf: d } = candidates[i]!;
    slotsFrom[i] = at;
    const source = d !== null && candidates[d]!.terms === t ? slotsFrom[d]! : -1;
    for (let k = 1; k < t.length; k++, at++) {
      let slot: number | undefined;
      if (source >= 0) slot = slots[source + k - 1]!;
      else {
        const pair = t[k - 1]! * size + t[k]!;
        slot = slotOf.get(pair);
        if (slot === undefined) slotOf.set(pair, (slot = slotOf.size));
      }
      slots[at] = slot;
      if (lastHolder[slot] === article) continue;
      lastHolder[slot] = article;
      holders[slot]!++;
    }
  }
  for (let i = 0, at = 0; i < n; i++) {
    const pairs = candidates[i]!.terms.length - 1;
    if (pairs < 1) continue;
    let others = 0;
    for (let k = 0; k < pairs; k++, at++) others += holders[slots[at]!]! - 1;
    out[i] = others / (pairs * (articleCount - 1));
  }
  return out;
}
