// `npx tsx train/try-body-loss.ts` (tx82, stop 82, issue 8): the text-body loss of the TUNING half only, by where it lies:
// extraction-dev 4-gram F1 lost to furniture before the body, after it, inside it, and to real paragraphs dropped at the
// start, the end or inside (each class: the corpus F1 if it were mended), and webpages-dev snippets by the same places.
// SHOW=1 prints the lines of each class (tuning pages only). Checking pages are never read.
import { cleanSource } from "../src/clean/index.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { shingles, scorePage, collapse } from "../eval/lib/extraction-score.ts";

const body = (p: DevPage): string[] => {
  try { return cleanSource(devSource(p.id, "text", p.text, p.url)).paragraphs; } catch { return []; }
};
const SHOW = process.env.SHOW === "1";
type Cls = "refused" | "wrong" | "fp:before" | "fp:after" | "fp:inside" | "fn:start" | "fn:end" | "fn:inside";
// extraction: per page counts of shingles
interface Pg { np: number; nt: number; shared: number; fp: Partial<Record<Cls, number>>; fn: Partial<Record<Cls, number>>; whole?: Cls; id: string }
const pages: Pg[] = [];
const inSet = (t: Map<string, number>, s: Map<string, number>) => { let n = 0, tot = 0; for (const [k, v] of s) { tot += v; if (t.has(k)) n += v; } return { n, tot }; };
for (const p of loadExtraction().filter((p) => p.half === "tune")) {
  const paras = body(p);
  const truth = p.truth ?? "";
  const sc = scorePage(paras.join("\n\n"), truth);
  const pg: Pg = { np: sc.predicted, nt: sc.truth, shared: sc.shared, fp: {}, fn: {}, id: p.id };
  pages.push(pg);
  if (paras.length === 0) { pg.whole = "refused"; continue; }
  if (sc.f1 < 0.2) { pg.whole = "wrong"; continue; }
  const T = shingles(truth);
  const P = shingles(paras.join("\n\n"));
  // predicted paragraphs: matched or not
  const pm = paras.map((q) => { const s = shingles(q); const { n, tot } = inSet(T, s); return { tot, bad: tot - n, ok: tot > 0 && n / tot >= 0.5 }; });
  const first = pm.findIndex((x) => x.ok), last = pm.length - 1 - [...pm].reverse().findIndex((x) => x.ok);
  pm.forEach((x, i) => { if (x.bad === 0) return; const c: Cls = i < first ? "fp:before" : i > last ? "fp:after" : "fp:inside"; pg.fp[c] = (pg.fp[c] ?? 0) + x.bad; if (SHOW && x.bad >= 5) console.log(`FP ${c} ${p.id} ${paras[i].slice(0, 100).replace(/\n/g, " ")}`); });
  const tl = truth.split(/\n+/).filter((l) => l.trim());
  const tm = tl.map((q) => { const s = shingles(q); const { n, tot } = inSet(P, s); return { tot, miss: tot - n, ok: tot > 0 && n / tot >= 0.5 }; });
  const f2 = tm.findIndex((x) => x.ok), l2 = tm.length - 1 - [...tm].reverse().findIndex((x) => x.ok);
  tm.forEach((x, i) => { if (x.miss === 0) return; const c: Cls = i < f2 ? "fn:start" : i > l2 ? "fn:end" : "fn:inside"; pg.fn[c] = (pg.fn[c] ?? 0) + x.miss; if (SHOW && x.miss >= 5) console.log(`FN ${c} ${p.id} ${tl[i].slice(0, 100)}`); });
}
const corpusF1 = (ps: { p: number; r: number }[]) => { const P = ps.reduce((s, x) => s + x.p, 0) / ps.length, R = ps.reduce((s, x) => s + x.r, 0) / ps.length; return 2 * P * R / (P + R); };
const base = corpusF1(pages.map((g) => ({ p: g.np === 0 ? 0 : g.shared / g.np, r: g.nt === 0 ? 1 : g.shared / g.nt })));
const meanP = pages.reduce((s, g) => s + (g.np === 0 ? 0 : g.shared / g.np), 0) / pages.length;
const meanR = pages.reduce((s, g) => s + (g.nt === 0 ? 1 : g.shared / g.nt), 0) / pages.length;
console.log(`extraction tuning pages ${pages.length} F1 ${base.toFixed(4)} P ${meanP.toFixed(4)} R ${meanR.toFixed(4)}`);
const classes: Cls[] = ["refused", "wrong", "fp:before", "fp:after", "fp:inside", "fn:start", "fn:end", "fn:inside"];
for (const c of classes) {
  let npages = 0;
  const fixed = pages.map((g) => {
    let np = g.np, sh = g.shared;
    if (g.whole === c) { npages++; return { p: 1, r: 1 }; }
    if (c.startsWith("fp") && g.fp[c]) { np -= g.fp[c] ?? 0; npages++; }
    if (c.startsWith("fn") && g.fn[c]) { const k = Math.min(g.fn[c] ?? 0, g.nt - sh); np += k; sh += k; npages++; }
    return { p: np === 0 ? 0 : sh / np, r: g.nt === 0 ? 1 : sh / g.nt };
  });
  console.log(`  ${c.padEnd(10)} pages ${String(npages).padStart(3)}  F1 if fixed +${(corpusF1(fixed) - base).toFixed(4)}`);
}
// webpages snippets
const W = loadWebpages().filter((p) => p.half === "tune");
const cnt: Record<string, number> = {}; let tp = 0, fp = 0, fn = 0;
for (const p of W) {
  const paras = body(p);
  const t = collapse(paras.join("\n\n"));
  const dump = collapse(p.text);
  const must = p.with ?? [], not = p.without ?? [];
  const kept = must.filter((s) => t.includes(collapse(s)));
  const pos = (s: string) => dump.indexOf(collapse(s));
  const kp = kept.map(pos).filter((x) => x >= 0);
  const lo = Math.min(...kp), hi = Math.max(...kp);
  const tag = (s: string) => { const x = pos(s); return paras.length === 0 ? "refused" : kp.length === 0 ? "wrong" : x < 0 ? "unplaced" : x < lo ? "start" : x > hi ? "end" : "inside"; };
  for (const s of must) if (t.includes(collapse(s))) tp++; else { fn++; const k = `fn:${tag(s)}`; cnt[k] = (cnt[k] ?? 0) + 1; if (SHOW) console.log(`WFN ${k} ${p.id} ${s.slice(0, 90)}`); }
  for (const s of not) if (t.includes(collapse(s))) { fp++; const k = `fp:${tag(s)}`; cnt[k] = (cnt[k] ?? 0) + 1; if (SHOW) console.log(`WFP ${k} ${p.id} ${s.slice(0, 90)}`); }
}
const f = (a: number, b: number, c: number) => 2 * a / (2 * a + b + c);
console.log(`webpages tuning pages ${W.length} tp ${tp} fp ${fp} fn ${fn} F1 ${f(tp, fp, fn).toFixed(4)}`);
for (const [k, v] of Object.entries(cnt).sort()) console.log(`  ${k.padEnd(12)} ${String(v).padStart(3)}  F1 if fixed +${((k.startsWith("fp") ? f(tp, fp - v, fn) : f(tp + v, fp, fn - v)) - f(tp, fp, fn)).toFixed(4)}`);
