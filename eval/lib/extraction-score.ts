// The article-extraction benchmark's metric: multisets of word 4-grams, per-page precision and recall.

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Multiset of token n-grams; a text shorter than n tokens is one shorter shingle (none when empty). */
export function shingles(text: string, n = 4): Map<string, number> {
  const ts = tokens(text);
  const out = new Map<string, number>();
  if (ts.length === 0) return out;
  const size = Math.min(n, ts.length);
  for (let i = 0; i + size <= ts.length; i++) {
    const key = ts.slice(i, i + size).join("\u0001");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  precision: number;
  recall: number;
  f1: number;
  /** Predicted and true shingle multisets are identical. */
  exact: boolean;
  predicted: number;
  truth: number;
  shared: number;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/**
 * One page. An empty prediction scores precision 0 (recall 0) unless the truth is empty too; an
 * empty truth gives recall 1 when the prediction is empty as well.
 */
export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted);
  const t = shingles(truth);
  let shared = 0;
  for (const [k, v] of p) shared += Math.min(v, t.get(k) ?? 0);
  const np = total(p);
  const nt = total(t);
  const precision = np === 0 ? (nt === 0 ? 1 : 0) : shared / np;
  const recall = nt === 0 ? (np === 0 ? 1 : 0) : shared / nt;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, exact: shared === np && shared === nt, predicted: np, truth: nt, shared };
}

export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  exactRate: number;
  pages: number;
}

/** Precision and recall averaged over pages, then F1 of the two averages. */
export function scoreCorpus(pages: readonly PageScore[]): CorpusScore {
  if (pages.length === 0) return { f1: 0, precision: 0, recall: 0, exactRate: 0, pages: 0 };
  const precision = pages.reduce((s, p) => s + p.precision, 0) / pages.length;
  const recall = pages.reduce((s, p) => s + p.recall, 0) / pages.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const exactRate = pages.filter((p) => p.exact).length / pages.length;
  return { f1, precision, recall, exactRate, pages: pages.length };
}
