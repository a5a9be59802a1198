// Stage 5: an extractive summary of one story from all of its articles. Sentences are never altered.
import { splitSentences } from "../text/sentences.ts";
import { countWords } from "../text/words.ts";
import { cosine, inverseDocumentFrequency, stems, termCounts, tfidfVector, type Vector } from "../text/tfidf.ts";

export interface SummaryInput {
  title?: string;
  /** Clean article text, paragraphs separated by blank lines or newlines. */
  text: string;
}

export interface SummaryOptions {
  /** Exactly min(sentences, available) sentences. */
  sentences?: number;
  /** As many whole sentences as fit in this many words, at least one. */
  words?: number;
}

export const DEFAULT_SENTENCES = 3;

interface Candidate {
  text: string;
  article: number;
  position: number;
  words: number;
  vector: Vector;
  score: number;
}

/** Sentences two outlets share are the same fact: above this similarity only one is taken. */
const SAME_FACT = 0.5;
const MMR_LAMBDA = 0.75;

export function summarise(articles: SummaryInput[], options: SummaryOptions = {}): string[] {
  const candidates = collect(articles);
  if (candidates.length === 0) return [];
  const picked = select(candidates, options);
  // Read in story order: by article, then by place in the article.
  return picked.sort((a, b) => a.article - b.article || a.position - b.position).map((c) => c.text);
}

function collect(articles: SummaryInput[]): Candidate[] {
  const raw: Omit<Candidate, "vector" | "score">[] = [];
  articles.forEach((article, a) => {
    let position = 0;
    for (const paragraph of article.text.split(/\n+/)) {
      for (const sentence of splitSentences(paragraph.trim())) {
        const words = countWords(sentence);
        if (words < 4) continue;
        raw.push({ text: sentence, article: a, position: position++, words });
      }
    }
  });
  // Headings and captions have no sentence punctuation; keep them only when nothing else is there.
  const sentences = raw.filter((r) => /[.!?]["'”’)\]]*$/u.test(r.text));
  const pool = sentences.length > 0 ? sentences : raw;
  const termLists = pool.map((c) => stems(c.text));
  const { idf } = inverseDocumentFrequency(termLists);
  const vectors = termLists.map((t) => tfidfVector(termCounts(t), idf));
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const norm = Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0)) || 1;
  for (const [t, w] of centroid) centroid.set(t, w / norm);
  const titleVectors = articles.filter((a) => a.title).map((a) => tfidfVector(termCounts(stems(a.title!)), idf));

  return pool.map((c, i) => {
    const v = vectors[i]!;
    const centrality = cosine(v, centroid);
    const title = titleVectors.length ? Math.max(...titleVectors.map((t) => cosine(v, t))) : 0;
    const position = 1 / Math.sqrt(1 + c.position);
    const lengthFit = c.words < 8 ? 0.5 : c.words > 60 ? 0.7 : 1;
    return { ...c, vector: v, score: (0.5 * centrality + 0.3 * position + 0.2 * title) * lengthFit };
  });
}

function select(candidates: Candidate[], options: SummaryOptions): Candidate[] {
  const wanted = options.sentences ?? (options.words ? Infinity : DEFAULT_SENTENCES);
  const budget = options.words ?? Infinity;
  const chosen: Candidate[] = [];
  const left = [...candidates];
  let used = 0;
  while (chosen.length < wanted && left.length > 0) {
    let bestIndex = -1;
    let bestValue = -Infinity;
    left.forEach((c, i) => {
      const redundancy = chosen.length ? Math.max(...chosen.map((s) => cosine(s.vector, c.vector))) : 0;
      if (redundancy >= SAME_FACT && options.sentences === undefined) return;
      const value = MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy - (redundancy >= SAME_FACT ? 1 : 0);
      if (value > bestValue || (value === bestValue && bestIndex >= 0 && tieBreak(c, left[bestIndex]!))) {
        bestValue = value;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) break;
    const next = left.splice(bestIndex, 1)[0]!;
    if (chosen.length > 0 && used + next.words > budget) {
      if (options.words !== undefined) continue;
    }
    chosen.push(next);
    used += next.words;
  }
  return chosen;
}

function tieBreak(a: Candidate, b: Candidate): boolean {
  return a.article < b.article || (a.article === b.article && a.position < b.position);
}
