// Bagging for the cleaning models (train/train-clean.ts): each model fitted on B deterministic
// subsamples of the tuning pages, shipped as their average. Averaged log-odds of logistic models are one
// logistic model (weights moved to a common standardisation, then averaged); averaged boosted models are
// one model holding every bag's trees, each leaf divided by B. Also the perturbation the trial runners use.
import { createHash } from "node:crypto";
import { random } from "../../eval/lib/random.ts";
import type { LogisticModel } from "../../src/model/logistic.ts";
import type { BoostedModel } from "../../src/clean/boosted.ts";

const byte = (key: string): number => createHash("sha256").update(key).digest()[0]!;

/**
 * PERTURB=fold<k>of<K> (nt78): a K-fold training by page hash, K dividing 256; fold k leaves out the pages whose hash
 * is k modulo K, so over k = 0..K-1 every page (and every notice page, train/train-clean.ts) is held out exactly once.
 * fold<k>of<K>s<salt>: another partition of the same pages (the hash of the salt and the id), for the folds' spread.
 */
export function foldForm(perturb: string | undefined): { k: number; of: number; salt?: string } | null {
  const m = /^fold(\d+)of(\d+)(?:s(\w+))?$/.exec(perturb ?? "");
  if (!m) return null;
  const k = Number(m[1]);
  const of = Number(m[2]);
  if (!(of >= 2 && 256 % of === 0 && k < of)) throw new Error(`PERTURB=${perturb}: K must divide 256 and k be under K`);
  return m[3] === undefined ? { k, of } : { k, of, salt: m[3] };
}

/**
 * PERTURB=k leaves out about an eighth of the tuning pages, chosen by a hash of k and the page id (as try-blocks.ts).
 * With `keep` (PERTURB_SHARE, a learning curve) about that share of the pages stays in instead, by the same hash.
 */
export function perturbedOut(perturb: string | undefined, id: string, keep?: number): boolean {
  if (perturb === undefined) return false;
  const fold = foldForm(perturb);
  if (fold) return byte(fold.salt === undefined ? `fold:${id}` : `fold:${fold.salt}:${id}`) % fold.of === fold.k;
  const b = byte(`perturb:${perturb}:${id}`);
  return keep === undefined ? b % 8 === 0 : b >= keep * 256;
}

/** Whether the page is in bag `b` (of those drawn with this share of the pages): a hash of b and the id. */
export function inBag(b: number, id: string, share: number): boolean {
  return byte(`bag:${b}:${id}`) < share * 256;
}

const round = (x: number) => Number(x.toPrecision(8));

/**
 * One logistic model whose log-odds are the mean of the models' log-odds: each model's weights moved to
 * the given standardisation (w·s/s_b; the bias takes up the shift of the means), then averaged.
 */
export function averageLogistic(models: readonly LogisticModel[], mean: readonly number[], scale: readonly number[]): LogisticModel {
  const d = mean.length;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (const m of models) {
    bias += m.bias;
    for (let j = 0; j < d; j++) {
      const w = m.weights[j]! / m.scale[j]!;
      weights[j]! += w * scale[j]!;
      bias += w * (mean[j]! - m.mean[j]!);
    }
  }
  const k = models.length;
  return { ...models[0]!, mean: mean.map(round), scale: scale.map(round), weights: weights.map((w) => round(w / k)), bias: round(bias / k) };
}

/** Boosted models averaged as one: the mean of their bases, and every tree with its leaves divided by their number. */
export function averageBoosted(models: readonly BoostedModel[]): BoostedModel {
  const k = models.length;
  const base = models.reduce((s, m) => s + m.base, 0) / k;
  const trees = models.flatMap((m) => m.trees.map((t) => [...t.slice(0, 6), ...t.slice(6).map((v) => round(v / k))]));
  return { ...models[0]!, base: round(base), trees };
}

/** A bootstrap draw of `items` (as many draws as items, with replacement, by `random(seed)`): item → times drawn. */
export function bootstrapCounts<T>(items: readonly T[], seed: number): Map<T, number> {
  const draw = random(seed);
  const counts = new Map<T, number>();
  for (let j = 0; j < items.length; j++) {
    const item = items[Math.floor(draw() * items.length)]!;
    counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return counts;
}
