// Candidate article regions of a text dump for a page-level choice (train/try-regions.ts): besides
// locate-article's own run, the next-best disjoint cores and each core grown with other biases and
// patiences (other start and end cuts). A region is applied as locate-article applies its run.
import { LONG_PARAGRAPH, bestRun, grownEdge } from "../../src/clean/block-features.ts";
import { lineKind } from "../../src/clean/rules/context.ts";
import { dropLine, type TextDoc } from "../../src/clean/doc.ts";
import type { DecodeSettings } from "../../src/clean/block-model.ts";
import type { CleanRule } from "../../src/clean/rules/types.ts";

export interface Region {
  core: [number, number];
  run: [number, number];
  /** Rank of the core among the page's disjoint cores (0: locate-article's). */
  coreRank: number;
  bias: number;
  patience: number;
  /** The inner cut inside the run (tx62's depth candidates); the decode's when absent. */
  inner?: number;
}

function gains(doc: TextDoc, score: ArrayLike<number>, bias: number, power: number, floor: number): Float64Array {
  const g = new Float64Array(score.length);
  for (let i = 0; i < g.length; i++) {
    const b = 1 + Math.min(LONG_PARAGRAPH, doc.lines[i]!.words);
    g[i] = (score[i]! - bias) * b ** power;
    if (g[i]! > 0 && score[i]! > floor && lineKind(doc.lines[i]!) === "bad") g[i] = -g[i]!;
  }
  return g;
}


export interface RegionOptions {
  cores: number;
  biases: number[];
  patiences: number[];
  /** Only the base run with its growth below / above the core cut off (the end and start decisions alone). */
  cuts?: boolean;
  /** Only the base run's end moved: to every line boundary from the core's end to the widest growth below it. */
  ends?: boolean;
  /**
   * Depth (tx62): how far down and how deep to keep a body, on locate-article's core only: the core grown with
   * each bias offset and patience, each with each inner-cut offset (the score under which a line inside the run goes).
   */
  depth?: { biases: number[]; patiences: number[]; inners: number[] };
}

export const regionDefaults: RegionOptions = { cores: 3, biases: [-1, 0, 1], patiences: [0, 3, 12] };

/** The page's candidate regions, locate-article's own first, no two the same run. */
export function candidateRegions(doc: TextDoc, score: ArrayLike<number>, decode: DecodeSettings, o: RegionOptions = regionDefaults): Region[] {
  const floor = Math.min(0, decode.bias);
  const core0 = gains(doc, score, 0, decode.power, floor);
  const out: Region[] = [];
  const seen = new Set<string>();
  const add = (r: Region) => {
    const key = `${r.run[0]}:${r.run[1]}:${r.inner ?? decode.inner}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  if (o.depth) {
    const core = bestRun(core0);
    if (!core) return out;
    const settings: [number, number][] = [[decode.bias, decode.patience]];
    for (const db of o.depth.biases) for (const p of o.depth.patiences) settings.push([decode.bias + db, p]);
    const runs: [number, number, number, number][] = [];
    for (const [bias, patience] of settings) {
      const g = gains(doc, score, bias, decode.power, floor);
      runs.push([grownEdge(g, core[0] - 1, -1, patience) + 1, grownEdge(g, core[1], 1, patience), bias, patience]);
    }
    for (const di of [0, ...o.depth.inners]) for (const [start, end, bias, patience] of runs) add({ core, run: [start, end], coreRank: 0, bias, patience, inner: decode.inner + di });
    return out;
  }
  if (o.ends || o.cuts) {
    // The base run (locate-article's settings) and its variants: ends moved, or growth cut back.
    const core = bestRun(core0);
    if (!core) return out;
    const g = gains(doc, score, decode.bias, decode.power, floor);
    const end = grownEdge(g, core[1], 1, decode.patience);
    const start = grownEdge(g, core[0] - 1, -1, decode.patience) + 1;
    const base = { core, coreRank: 0, bias: decode.bias, patience: decode.patience };
    add({ ...base, run: [start, end] });
    if (o.ends) {
      const widest = Math.max(end, grownEdge(gains(doc, score, decode.bias - 1, decode.power, floor), core[1], 1, 100));
      for (let e = core[1]; e <= widest; e++) add({ ...base, run: [start, e] });
      return out;
    }
    add({ ...base, run: [start, core[1]] });
    add({ ...base, run: [core[0], end] });
    add({ ...base, run: [core[0], core[1]] });
    return out;
  }
  const masked = Float64Array.from(core0);
  const cores: [number, number][] = [];
  for (let k = 0; k < o.cores; k++) {
    const c = bestRun(masked);
    if (!c) break;
    cores.push(c);
    for (let i = c[0]; i < c[1]; i++) masked[i] = -1e9;
  }
  const growWith = (bias: number) => gains(doc, score, bias, decode.power, floor);
  const byBias = new Map<number, Float64Array>();
  const biasGains = (b: number) => byBias.get(b) ?? (byBias.set(b, growWith(b)), byBias.get(b)!);
  cores.forEach((core, coreRank) => {
    const settings: [number, number][] = [[decode.bias, decode.patience]];
    for (const db of o.biases) for (const p of o.patiences) settings.push([decode.bias + db, p]);
    for (const [bias, patience] of settings) {
      const g = biasGains(bias);
      const end = grownEdge(g, core[1], 1, patience);
      const start = grownEdge(g, core[0] - 1, -1, patience) + 1;
      add({ core, run: [start, end], coreRank, bias, patience });
    }
  });
  return out;
}

/** locate-article with the run given (no article floor: the choice among regions decides). */
export function locateRegion(score: Float64Array, decode: DecodeSettings, region: Region): CleanRule {
  return {
    name: "locate-article",
    apply(doc) {
      doc.scores = score;
      doc.core = region.core;
      doc.sandwiched = [];
      const [start, end] = region.run;
      for (let i = 0; i < start; i++) dropLine(doc, i, "page-header");
      for (let i = end; i < doc.lines.length; i++) dropLine(doc, i, "page-footer");
      const [c0, c1] = region.core;
      const inner = region.inner ?? decode.inner;
      for (let i = start; i < end; i++) {
        if (score[i]! >= inner) continue;
        if (score[i]! >= decode.sandwich && i > c0 && i + 1 < c1) {
          const stays = (j: number) => doc.lines[j]!.drop === null && score[j]! >= inner;
          if (stays(i - 1) && stays(i + 1)) doc.sandwiched.push(i);
        }
        dropLine(doc, i, "locate-article");
      }
      doc.start = start;
      doc.end = end;
    },
  };
}

export const REGION_FEATURES = [
  "is-base", "other-core", "core-rank", "bias-delta", "log-patience",
  "log-words", "share-of-dump", "start-position", "end-position", "mean-score", "kept-share", "prose-share", "bad-share",
  "repeat-share", "slug-share", "date-above",
  "log-added-above", "log-removed-above", "log-added-below", "log-removed-below",
  "added-mean", "added-max", "added-kept-share", "added-prose-share", "added-bad-share",
  "removed-mean", "removed-max", "removed-kept-share", "removed-prose-share",
  "inner-delta", "log-kept-words", "log-kept-ratio", "deep-kept-share", "deep-prose-share", "deep-bad-share", "deep-short-share", "run-short-share",
] as const;

/** How a region reads, and how it differs from locate-article's own region (`base`). */
export function regionFeatures(doc: TextDoc, score: ArrayLike<number>, decode: DecodeSettings, region: Region, base: Region, slug: Set<number>): Float64Array {
  const lines = doc.lines;
  let total = 0;
  for (const l of lines) total += l.words;
  total = Math.max(1, total);
  const w = (i: number) => Math.max(1, lines[i]!.words);
  const part = (from: number, to: number) => {
    let words = 0, score_ = 0, kept = 0, prose = 0, bad = 0, max = -20, repeat = 0;
    for (let i = from; i < to; i++) {
      const k = w(i);
      words += k;
      score_ += k * score[i]!;
      if (score[i]! >= decode.inner) kept += k;
      if (lines[i]!.prose) prose += k;
      if (lineKind(lines[i]!) === "bad") bad += k;
      if (lines[i]!.repeats > 1) repeat += k;
      max = Math.max(max, score[i]!);
    }
    const d = Math.max(1, words);
    return { words: to > from ? words : 0, mean: words ? score_ / d : 0, kept: kept / d, prose: prose / d, bad: bad / d, max: to > from ? max : 0, repeat: repeat / d };
  };
  const [s, e] = region.run, [bs, be] = base.run;
  const c = part(s, e);
  let wordsBefore = 0;
  for (let i = 0; i < s; i++) wordsBefore += lines[i]!.words;
  let slugHits = 0;
  if (slug.size) {
    const hit = new Set<number>();
    for (let i = s; i < e; i++) for (const t of lines[i]!.terms) if (slug.has(t)) hit.add(t);
    slugHits = hit.size / slug.size;
  }
  let dateAbove = 0;
  for (let i = Math.max(0, s - 6); i < Math.min(e, s + 3); i++) if (lines[i]!.dated || lines[i]!.bylineOrDate) dateAbove = 1;
  // Lines the region adds to the base region, and lines of the base region it leaves out.
  const addedAbove = s < bs ? part(s, Math.min(bs, e)) : part(0, 0);
  const removedAbove = s > bs ? part(bs, Math.min(s, be)) : part(0, 0);
  const addedBelow = e > be ? part(Math.max(be, s), e) : part(0, 0);
  const removedBelow = e < be ? part(Math.max(e, bs), be) : part(0, 0);
  const merge = (a: ReturnType<typeof part>, b: ReturnType<typeof part>) => {
    const words = a.words + b.words, d = Math.max(1, words);
    return { words, mean: (a.mean * a.words + b.mean * b.words) / d, max: words ? Math.max(a.words ? a.max : -20, b.words ? b.max : -20) : 0, kept: (a.kept * a.words + b.kept * b.words) / d, prose: (a.prose * a.words + b.prose * b.words) / d, bad: (a.bad * a.words + b.bad * b.words) / d };
  };
  const added = merge(addedAbove, addedBelow), removed = merge(removedAbove, removedBelow);
  const isBase = s === bs && e === be && (region.inner ?? decode.inner) === (base.inner ?? decode.inner) ? 1 : 0;
  // What the region keeps at its own inner cut, against the base's kept words, and the lines its deeper cut
  // keeps that the decode's cut drops ("deep"): their prose, furniture-shaped and short (under 8 words) shares.
  const inner = region.inner ?? decode.inner, baseInner = base.inner ?? decode.inner;
  let keptWords = 0, baseKept = 0, deep = 0, deepProse = 0, deepBad = 0, deepShort = 0, short = 0, runWords = 0;
  for (let i = s; i < e; i++) {
    const k = w(i);
    runWords += k;
    if (lines[i]!.words < 8) short += k;
    if (score[i]! >= inner) keptWords += k;
    if (score[i]! >= inner && score[i]! < decode.inner) {
      deep += k;
      if (lines[i]!.prose) deepProse += k;
      if (lineKind(lines[i]!) === "bad") deepBad += k;
      if (lines[i]!.words < 8) deepShort += k;
    }
  }
  for (let i = bs; i < be; i++) if (score[i]! >= baseInner) baseKept += w(i);
  const dd = Math.max(1, deep);
  return Float64Array.from([
    isBase, region.coreRank > 0 ? 1 : 0, region.coreRank, region.bias - decode.bias, Math.log1p(region.patience),
    Math.log1p(c.words), c.words / total, wordsBefore / total, (wordsBefore + c.words) / total, c.mean, c.kept, c.prose, c.bad,
    c.repeat, slugHits, dateAbove,
    Math.log1p(addedAbove.words), Math.log1p(removedAbove.words), Math.log1p(addedBelow.words), Math.log1p(removedBelow.words),
    added.mean, added.max, added.kept, added.prose, added.bad,
    removed.mean, removed.max, removed.kept, removed.prose,
    inner - decode.inner, Math.log1p(keptWords), Math.log1p(keptWords) - Math.log1p(baseKept), deep / Math.max(1, runWords), deepProse / dd, deepBad / dd, deepShort / dd, short / Math.max(1, runWords),
  ]);
}
