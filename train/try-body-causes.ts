// `npx tsx train/try-body-causes.ts` (tx69, stop 69, issue 8): the text path's lost F1 split by cause, both halves.
// Cause of a kept furniture line: its place against the gold body (above, inside, below); of a dropped article line:
// the step that dropped it (gate: the article gate refused the page; span: outside the located run, start late or
// end early; inner cut: locate-article inside the run; short-line cut; any other rule by its name), with "non-prose"
// added where the line fails the prose test. Cost: the corpus F1 gained if that cause's lines alone were set right.
// TUNING half: out of fold (each page scored by the fold model fitted without it, the committed decode), the pages one
// by one (PAGES=n: the n costliest); CHECKING half: the committed models (pages never seen), TOTALS ONLY, never its
// pages. MODELS=committed scores the tuning half with the committed models too (pages the models saw). Writes nothing.
// HALF=tune|check; SHOW=<cause> (tuning lines only), SHAPES=1 (the inner cut's lost lines by shape, both halves, counts),
// SPREAD=1 (each cause's five largest page costs, no ids).
// tx69 (af27609, load 1-3): F1 of the kept lines, tuning out of fold / committed · checking: extraction .9571 / .9554 ·
// .9355, webpages .9091 / .9100 · .8986 (= eval:clean's .955 · .935, .910 · .899): the tuning half scores the same
// whether its pages were seen or not, so the gap between the halves is the pages, not an overfit. Costs, tuning
// (committed models) · checking: extraction lost inner cut .0085 (9 pages) · .0204 (17 pages; the three largest
// .0076 .0041 .0028), span .0042 · .0061, short-line cut .0011 · .0019; kept above .0041 · .0062, inside .0082 ·
// .0089, below .0037 · .0106. Webpages lost inner cut .0144 (12) · .0204 (16), span .0175 · .0194, short-line cut
// .0042 · .0076, gate 0 · .0065 (2 pages), headline .0021 · .0011; kept above .0044 · .0054, inside .0097 · .0173,
// below .0269 · .0164. The checking half's inner-cut lines are headline-shaped (1,003 of 1,170 tokens on
// extraction), 4-8 words, scored under -1 (904 tokens), in the growth (815) and between weak lines (585 with no
// staying neighbour): lists and programmes inside the article.
import { blockModels, scoreBlocks } from "../src/clean/block-model.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus, tokens, type PageScore, type SnippetCounts } from "../eval/lib/extraction-score.ts";
import { foldOf, labelsOf, type Item } from "./lib/clean-items.ts";
import { rulesAfterLocate, textItemsByHalf, outOfFoldBlocks } from "./lib/text-items.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { handTruths } from "./lib/hand-bodies.ts";
import { loadWebpages } from "../eval/lib/clean-corpus.ts";

type Gold = "extraction" | "hand" | "webpages";
interface PageRun {
  id: string;
  gold: Gold;
  text: string[];
  kept: boolean[];
  cls: string[];
  score: (body: string) => PageScore | SnippetCounts;
}

const after = rulesAfterLocate();
const committed = blockModels(false);
const { tune, check } = textItemsByHalf(process.env.URL !== "0");
const HAND = handTruths(loadWebpages().filter((p) => p.half === "tune"));

function clone(doc: TextDoc): TextDoc {
  return { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [], scores: null, noArticle: null, core: null, sandwiched: [], head: [] };
}

function stepOf(drop: string | null, i: number, doc: TextDoc): string {
  if (i === doc.title) return "headline";
  if (i < doc.start) return "span:start-late";
  if (i >= doc.end) return "span:end-early";
  if (drop === "locate-article") return "inner-cut";
  if (drop === "short-line-context") return "short-line-cut";
  return `rule:${drop}`;
}

// The inner cut's lost article lines by shape (counts only, both halves): in the core or the growth, score, length,
// headline shape, whether both neighbours stay, written without spaces between words (CJK).
const shapes = new Map<string, { lines: number; tokens: number }>();
function shapeCount(half: string, gold: string, doc: TextDoc, score: ArrayLike<number>, i: number): void {
  const l = doc.lines[i]!;
  const core = doc.core !== null && i >= doc.core[0] && i < doc.core[1];
  const stays = (j: number) => j >= doc.start && j < doc.end && doc.lines[j]!.drop === null;
  const s = score[i]!;
  const keys = [
    core ? "core" : "growth",
    `score ${s >= -0.5 ? "[-.5,0)" : s >= -1 ? "[-1,-.5)" : s >= -2 ? "[-2,-1)" : "<-2"}`,
    `words ${l.words <= 3 ? "1-3" : l.words <= 8 ? "4-8" : l.words <= 20 ? "9-20" : "21+"}`,
    l.headline ? "headline-shaped" : "not headline-shaped",
    `neighbours staying ${Number(stays(i - 1)) + Number(stays(i + 1))}`,
    /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(l.text) ? "CJK" : "not CJK",
  ];
  for (const k of keys) {
    const e = shapes.get(`${half} ${gold} ${k}`) ?? { lines: 0, tokens: 0 };
    e.lines++;
    e.tokens += Math.max(1, tokens(l.text).length);
    shapes.set(`${half} ${gold} ${k}`, e);
  }
}

// SHOW=<cause>: the tuning half's lines of that cause, with their block score (never the checking half's).
const SHOW = process.env.SHOW;

function runsOf(items: readonly Item[], models: (it: Item) => Omit<ReturnType<typeof blockModels>, "decode">, hand: boolean): PageRun[] {
  const runs: PageRun[] = [];
  for (const it of items) {
    const score = Float64Array.from(scoreBlocks(it.doc, { ...models(it), decode: committed.decode }).score);
    const doc = clone(it.doc);
    for (const r of [locateScored(score, committed.decode), ...after]) r.apply(doc);
    const refused = !!doc.noArticle;
    const kept = doc.lines.map((l, i) => !refused && l.drop === null && i !== doc.title && i >= doc.start && i < doc.end);
    const golds: { gold: Gold; y: ArrayLike<number>; score: (b: string) => PageScore | SnippetCounts }[] = [];
    if (it.page.set === "extraction") golds.push({ gold: "extraction", y: it.labels, score: (b) => scorePage(b, it.page.truth!) });
    else {
      golds.push({ gold: "webpages", y: it.labels, score: (b) => scoreSnippets(b, it.page.with ?? [], it.page.without ?? []) });
      const h = hand ? HAND.get(it.page.id) : undefined;
      if (h !== undefined) golds.push({ gold: "hand", y: labelsOf({ ...it.page, truth: h, with: [], without: [] }, it.doc), score: (b) => scorePage(b, h) });
    }
    for (const g of golds) {
      let first = -1, last = -1;
      for (let i = 0; i < g.y.length; i++) if (g.y[i] === 1 || g.y[i] === 2) ((first = first < 0 ? i : first), (last = i));
      const cls = doc.lines.map((l, i) => {
        const y = g.y[i]!;
        if (y === 0 && kept[i]) return `kept:${i < first ? "above" : i > last ? "below" : "inside"}`;
        if ((y === 1 || (y === 2 && g.gold !== "webpages")) && !kept[i]) {
          const step = refused ? "gate" : stepOf(l.drop, i, doc);
          return `lost:${step}${l.prose ? "" : " non-prose"}`;
        }
        return "";
      });
      if (g.gold !== "hand") cls.forEach((c, i) => c.startsWith("lost:inner-cut") && shapeCount(hand ? "tuning" : "checking", g.gold, doc, score, i));
      if (SHOW && hand) cls.forEach((c, i) => c.includes(SHOW) && console.log(`${g.gold} ${it.page.id.slice(0, 8)} ${i} ${score[i]!.toFixed(2)} ${c} | ${doc.lines[i]!.text.slice(0, 110)}`));
      runs.push({ id: it.page.id, gold: g.gold, text: doc.lines.map((l) => l.text), kept, cls, score: g.score });
    }
  }
  return runs;
}

const groups = (c: string): string[] => {
  const base = c.split(" ")[0]!;
  const top = base.split(":")[0]!;
  const step = base.split(":").slice(0, 2).join(":");
  return [...new Set([c, base, step, `${top}:*`])];
};

function corpus(runs: readonly PageRun[], gold: Gold, flip: (r: PageRun, c: string) => boolean): number {
  const pages = runs.filter((r) => r.gold === gold).map((r) => r.score(r.text.filter((_, i) => (r.cls[i] && flip(r, r.cls[i]!) ? !r.kept[i] : r.kept[i])).join("\n\n")));
  return gold === "webpages" ? snippetCorpus(pages as SnippetCounts[]).f1 : scoreCorpus(pages as PageScore[]).f1;
}

function report(label: string, runs: readonly PageRun[], pagesShown: number): void {
  for (const gold of ["extraction", "webpages", "hand"] as const) {
    const mine = runs.filter((r) => r.gold === gold);
    if (!mine.length) continue;
    const base = corpus(runs, gold, () => false);
    const all = new Set<string>();
    const tok: Record<string, number> = {};
    const pagesOf: Record<string, Set<string>> = {};
    for (const r of mine) r.cls.forEach((c, i) => {
      if (!c) return;
      for (const k of groups(c)) {
        all.add(k);
        tok[k] = (tok[k] ?? 0) + Math.max(1, tokens(r.text[i]!).length);
        (pagesOf[k] ??= new Set()).add(r.id);
      }
    });
    console.log(`\n${label} · ${gold}: F1 of the kept lines ${base.toFixed(4)}, pages ${mine.length}`);
    const rows = [...all].map((k) => ({ k, gain: corpus(runs, gold, (_, c) => groups(c).includes(k)) - base }));
    for (const r of rows.sort((a, b) => a.k.localeCompare(b.k))) {
      console.log(`  +${r.gain.toFixed(4)}  ${r.k.padEnd(30)} pages ${String(pagesOf[r.k]!.size).padStart(3)} tokens ${String(tok[r.k]).padStart(6)}`);
    }
    if (process.env.SPREAD) {
      // How the cost of each step-level cause spreads over pages: the five largest page costs, no ids (either half).
      for (const k of [...all].filter((k) => !k.includes(" ") && k.split(":").length <= 2 && !k.endsWith("*"))) {
        const costs = mine.map((r) => corpus(runs, gold, (p, c) => p === r && groups(c).includes(k)) - base).filter((g) => g > 0.00005).sort((a, b) => b - a);
        console.log(`    spread ${k.padEnd(24)} ${costs.length} pages, largest ${costs.slice(0, 5).map((g) => g.toFixed(4)).join(" ")}`);
      }
    }
    if (pagesShown > 0) {
      const perPage = mine.map((r) => {
        const causes = [...new Set(r.cls.filter(Boolean).map((c) => c.split(" ")[0]!))].map((k) => ({ k, gain: corpus(runs, gold, (p, c) => p === r && c.split(" ")[0] === k) - base }));
        return { id: r.id, total: corpus(runs, gold, (p) => p === r) - base, causes: causes.filter((c) => c.gain > 0.00005).sort((a, b) => b.gain - a.gain) };
      });
      for (const p of perPage.sort((a, b) => b.total - a.total).slice(0, pagesShown)) {
        if (p.total <= 0.00005) break;
        console.log(`    ${p.id.slice(0, 8)} +${p.total.toFixed(4)}  ${p.causes.map((c) => `${c.k} +${c.gain.toFixed(4)}`).join(", ")}`);
      }
    }
  }
}

const shown = Number(process.env.PAGES ?? "25");
if (process.env.HALF !== "check") {
  const folds = process.env.MODELS === "committed" ? null : outOfFoldBlocks(tune);
  report(`TUNING (${folds ? "out of fold" : "committed models"})`, runsOf(tune, (it) => (folds ? folds[foldOf(it.page.id)]! : committed), true), shown);
}
if (process.env.HALF !== "tune") report("CHECKING (committed models, totals only)", runsOf(check, () => committed, false), 0);
if (process.env.SHAPES) for (const [k, v] of [...shapes].sort(([a], [b]) => a.localeCompare(b))) console.log(`${k.padEnd(50)} lines ${String(v.lines).padStart(4)} tokens ${String(v.tokens).padStart(5)}`);
