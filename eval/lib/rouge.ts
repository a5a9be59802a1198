// ROUGE-1.5.5-style scoring: ROUGE-N with clipped counts and ROUGE-Lsum (summary-level union LCS).
import { stemmer } from "stemmer";

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: Prf;
  rouge2: Prf;
  rougeLsum: Prf;
}

/** Lower case, anything not [a-z0-9] is a space, Porter stems for tokens longer than 3 characters. */
export function rougeTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of text.toLowerCase().replace(/[^a-z0-9]+/g, " ").split(" ")) {
    if (!t) continue;
    out.push(t.length > 3 ? stemmer(t) : t);
  }
  return out;
}

function prf(hits: number, candidateTotal: number, referenceTotal: number): Prf {
  const precision = candidateTotal > 0 ? hits / candidateTotal : 0;
  const recall = referenceTotal > 0 ? hits / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(candidate: string[], reference: string[], n: number): Prf {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let hits = 0;
  for (const [g, count] of c) hits += Math.min(count, r.get(g) ?? 0);
  return prf(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Positions in `a` of one longest common subsequence of `a` and `b`. */
function lcsPositions(a: string[], b: string[]): number[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] = a[i - 1] === b[j - 1] ? table[(i - 1) * cols + j - 1]! + 1 : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  const positions: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      positions.push(i - 1);
      i--;
      j--;
    } else if (table[(i - 1) * cols + j]! >= table[i * cols + j - 1]!) i--;
    else j--;
  }
  return positions.reverse();
}

/**
 * Summary-level LCS: for each reference sentence, the union of its LCS with every candidate sentence;
 * hits are clipped by the tokens' counts on each side so no token is credited twice.
 */
export function rougeLsum(candidate: string[][], reference: string[][]): Prf {
  const candidateCounts = new Map<string, number>();
  const referenceCounts = new Map<string, number>();
  for (const s of candidate) for (const t of s) candidateCounts.set(t, (candidateCounts.get(t) ?? 0) + 1);
  for (const s of reference) for (const t of s) referenceCounts.set(t, (referenceCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const ref of reference) {
    const union = new Set<number>();
    for (const cand of candidate) for (const p of lcsPositions(ref, cand)) union.add(p);
    for (const p of [...union].sort((x, y) => x - y)) {
      const t = ref[p]!;
      const c = candidateCounts.get(t) ?? 0;
      const r = referenceCounts.get(t) ?? 0;
      if (c > 0 && r > 0) {
        hits++;
        candidateCounts.set(t, c - 1);
        referenceCounts.set(t, r - 1);
      }
    }
  }
  const total = (sents: string[][]) => sents.reduce((n, s) => n + s.length, 0);
  return prf(hits, total(candidate), total(reference));
}

/** Scores one summary (a list of sentences) against one reference (a list of sentences). */
export function rouge(candidateSentences: string[], referenceSentences: string[]): RougeScores {
  const cand = candidateSentences.map(rougeTokens);
  const ref = referenceSentences.map(rougeTokens);
  const flatCand = cand.flat();
  const flatRef = ref.flat();
  return { rouge1: rougeN(flatCand, flatRef, 1), rouge2: rougeN(flatCand, flatRef, 2), rougeLsum: rougeLsum(cand, ref) };
}

/** Mean F1 of each measure over documents, as percentages. */
export function meanF1(scores: RougeScores[]): { rouge1: number; rouge2: number; rougeLsum: number } {
  const mean = (key: keyof RougeScores) => (scores.length ? (100 * scores.reduce((s, x) => s + x[key].f1, 0)) / scores.length : 0);
  return { rouge1: mean("rouge1"), rouge2: mean("rouge2"), rougeLsum: mean("rougeLsum") };
}
