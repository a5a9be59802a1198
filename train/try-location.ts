// `npx tsx train/try-location.ts`: what locate-article's choice of span costs the text path (lc57, issue 8:
// long pages whose body is cut). Block scores out of fold on the TUNING half (each page by the fold model
// fitted without it, as train:clean chooses its decode by), the committed models on the checking half (counts
// only, for the report). For every article line the cleaned text leaves out (extraction-dev: lines labelled
// article, weighed in lines, characters and tokens; webpages-dev: must-have snippets, by the line holding them)
// the first cause that holds:
//   refused        the page has no article (no block read as article text)
//   wrong-part     the run holds under half the page's article lines: the core sits on another part of the page
//   start-late / end-early   above / below the run, on a page whose run holds the article's most
//   inner-core / inner-growth   inside the run, dropped by the inner cut (score under `inner`), in the core /
//                  in the growth around it
//   rule:<name>    inside the run, dropped by a later rule (short-line-context, repeated-lines ...)
//   headline       taken as the headline
// Then the inner cut's labelled lines by place (core, growth), the core's length and a score band: the ground
// for a cut that leans on the page's length or on the page's own scores.
// V='[{...}]' runs trial decodes after the count: each a keep-back of inner-cut lines (they join
// TextDoc.sandwiched, back after the headline is found, as keep-sandwiched does), printing both halves:
//   {"extend": {"ratio": r, "window": w, "maxCost": c}}   the run carried on below its end when the best stretch
//                within w lines under it gains r times the deepest cost crossed (at most c) (extendBelow)
//   {"decode": {...}}   the committed text decode with these settings (rules/locate.ts DecodeSettings)
//   {"longCore": L, "cut": c}   in a core of L or more lines, an inner-cut line scoring c or more comes back
//   {"longCore": L, "cut": c, "slope": s}   the cut falls by s per doubling of the core past L lines
//   {"runShare": r, "cut": c}   ... when the share of the core's lines the inner cut keeps is r or more
//   {"growthRatio": R, "cut": c}   in the growth, when the run is R or more times the core's length
//   {"rel": k, "q": p}   anywhere in the run, a line scoring at least the core's p-quantile score less k
//                (with "longCore": L only in a core of L or more lines; "where": "core" | "growth" only there;
//                "minWords": n only lines of n or more words; "prose": true only prose lines; "plain": true only lines of no furniture shape;
//                "noHeadline": true no headline-shaped line; "bounded": k only lines with a kept prose line within k
//                lines above and below, inside the run)
//   {"model": c, "feats": "a,b"}   a learned keep-back (logistic over FEATURES, four folds by id hash: out of fold on
//                the tuning half, fitted on all tuning lines for the checking half): back when its log-odds pass c
//                (WEIGHTS=1 prints the weights; ONLY1=1 leaves webpages-dev's span labels out; TEACHER=1 adds dates-dev's
//                tuning lines labelled by the HTML path's body, out of fold like the rest; WEIGHT=words weighs lines by log words; L2 the penalty)
// Trials also print dates~html tuning · checking: dates-dev's text dumps scored (4-gram F1) against the HTML path's
// body of the same page (pages whose HTML body has 50+ tokens; committed block models, which never saw them).
// COHESION=1 prints the cohesion AUCs below instead; DATES=1 adds the count for dates-dev's tuning pages (LIST too).
// LIST=cause lists the tuning pages' lost lines of a cause; SHOW=1 the tuning lines a trial brings back, with
// their labels. URL=0: without URLs. Writes nothing; about 10 s CPU for the count, 15-35 s for trials.
//
// lc57 (stop 57; load 1-7; committed models at ae88d0c; with URL unless said). Base: tuning (out of fold) ext
// .9561 web .9068 (mean .9314), checking ext .9324 web .9008 (.9166); dates~html .9045 · .9138. Without URL
// .9583 / .9017 (.9300) · .9356 / .8884 (.9120); dates~html .8995 · .9081.
// Lost article text by cause (extraction: lines / characters / tokens / pages; webpages: must-have snippets):
//   tuning  ext end-early 31 / 1,499 / 284 / 7 (3 long pages, article >= 30 lines: 26 / 936 / 187: a recipe's
//           ingredients and steps under a "©" line, an event listing's ticket lines, an 80-word "Note:" past
//           furniture), inner-growth 15 / 630 / 89 / 6, inner-core 6 / 390 / 59 / 4, rule:short-line-context
//           8 / 710 / 107 / 3, other rules 2 / 265 / 47, headline 1 / 61 / 10; start-late and wrong-part none.
//           web inner-growth 12 snippets on 11 pages, wrong-part 8 on 3, not-one-line 7 on 4, start-late 5 on 4,
//           rule:short-line-context 5 on 5, end-early 4 on 3, inner-core 2 on 2, other 6.
//   dates-dev tuning against the HTML path's body (DATES=1; 4-gram F1 .9045): wrong-part 207 / 30,126 / 4,522 / 6
//           (3 long pages 4,301 tokens: a blog post's comment thread the HTML path keeps, a wiki profile's
//           filmography, a listicle of spas in short info lines), inner-growth 145 / 5,547 / 861 / 41, inner-core
//           221 / 4,302 / 651 / 35, end-early 87 / 4,251 / 718 / 23, start-late 33 / 3,314 / 496 / 15,
//           rule:short-line-context 49 / 3,242 / 461 / 28. The teacher's own body is wrong on the largest of them
//           (the comments), so it cannot label the class either.
//   checking (counts only) ext end-early 111 / 8,252 / 1,301 / 13 (long pages 101 / 7,637 / 1,201 / 6),
//           inner-growth 167 / 4,486 / 815 / 13 (long 152 / 4,017 / 742 / 6), inner-core 104 / 2,584 / 355 / 11
//           (long 100 / 2,415 / 327 / 7), rule:short-line-context 17 / 1,496 / 278 / 5, start-late 10 / 1,018 /
//           188 / 5, other rules 17 / 946 / 167, headline 3 / 259 / 45. web inner-growth 15 on 12, wrong-part 10
//           on 4, refused 9 on 3, end-early 6 on 4, short-line-context 5 on 5, inner-core 4 on 4, start-late 2.
//   The checking half's extraction loss is ~5x the tuning half's (3,149 tokens against 596); of its location
//   losses (start, end, inner cut: 2,659 tokens) 86% are on 6-7 long pages, and 108 of its inner-cut article
//   lines (462 tokens, 3 pages) score under -2 in the growth of a core of under 20 lines: long articles the block
//   model reads line by line as weak. The tuning half has no such page: its inner-cut labelled lines are ext 39
//   article against 67 furniture, web 62 against 224, at the same scores.
// Trials (tuning ext / web (mean) · checking ext / web (mean) · dates~html tuning · checking):
//   decode (committed: bias -2, inner 0, patience 6, power 0.4, sandwich -1), re-swept on today's models:
//     patience 8 .9585 / .9060 (.9322) · .9334 / .8992 (.9163) · .9011 · .9138; 10 .9585 / .9051 (.9318) · .9185 /
//     .8998 (.9091) · .9013 · .9158; 4 .9561 / .9054 (.9307) · .9339 / .9008 (.9174) · .9070 · .9151; bias -1.5
//     .9561 / .9038 · .9296 / .8986 · .9027 · .9202; -2.5 .9585 / .9035 · .9202 / .8980 · .8972 · .9079; inner
//     -0.5 .9526 / .8965 · .9335 / .8917 · .9100 · .9092; +0.5 .9536 / .9015 · .9326 / .8947 · .9070 · .9128;
//     sandwich -2 .9556 / .9061 · .9340 / .8992 · .9046 · .9131; power 0.5 .9561 / .9051 · .9303 / .8981; 0.3
//     .9561 / .9058 · .9311 / .8997. Without URL patience 8 .9583 / .9019 · .9366 / .8869; 4 .9583 / .8994 ·
//     .9371 / .8873. The committed decode is the tuning half's best but for patience 8 (+.0008 tuning mean,
//     one page's recipe steps), which loses checking webpages (-.0016) and dates~html tuning (-.0034).
//   keep-back by the core's length: longCore 20 cut -1 .9540 / .9042 (.9291) · .9327 / .9003; 40 cut -1 .9561 /
//     .9060 · .9325 / .9001; 30 cut -0.5 .9543 / .9051 · .9323 / .8992; slope 0.5 / 1 from 20 .9543 / .9042,
//     .9537 / .9025 · .9328 / .8992, .9332 / .8998; runShare 0.8 cut -1 .9540 / .9060 · .9325 / .9008; 0.9 cut
//     -1.5 .9563 / .9068 (.9316) · .9325 / .8999.
//   keep-back in the growth of a run R times its core: R 2 cut -1 .9527 / .8977 · .9387 / .8957 (.9172) · .9053
//     · .9080; R 3 cut -1 .9561 / .9001 · .9326 / .8983; R 3 cut -2 .9561 / .8981 · .9344 / .8959; R 5 cut -1.5
//     .9561 / .9046 · .9324 / .8990.
//   cut relative to the page's own scores (rel k below the core's q-quantile): k 3 q .5 .9550 / .9015 (.9282) ·
//     .9405 / .8943 (.9174) · .9050 · .9121; k 4 q .5 .9500 / .8937 · .9395 / .8815; k 2 q .25 .9539 / .8995 ·
//     .9423 / .8906 (.9165) · .9029 · .9082; k 3 q .25 .9489 / .8932 · .9441 / .8811; k 1 q .1 .9507 / .8937 ·
//     .9349 / .8806. Only in a core of 30 / 50 lines (k 3 q .5): .9550 / .9027, .9561 / .9060 · .9329 / .8974,
//     .9326 / .8998. Only in the core: .9537 / .9033 · .9330 / .9000; only in the growth: .9572 / .9032 (.9302)
//     · .9399 / .8961 (.9180) · .9045 · .9105 (k 2 q .25: .9568 / .9019 · .9421 / .8949). Prose lines only: .9561
//     / .9072 (.9316) · .9330 / .9003 (.9166): the checking gain goes with them, so the lines it wins there are
//     short non-prose ones. Lines of no furniture shape only (plain): k 3 q .5 .9550 / .9037 · .9399 / .8963
//     (.9181); growth .9572 / .9046 (.9309) · .9398 / .8983 (.9190) · .9044 · .9129; k 2 q .25 .9550 / .9024 ·
//     .9420 / .8982 (.9201); k 2 q .5 .9561 / .9051 (.9306) · .9399 / .8985 (.9192) · .9044 · .9142. Without
//     URL, k 3 q .5: .9601 / .8956 · .9446 / .8815; growth .9601 / .8971 · .9431 / .8832.
//   learned keep-back (12 features: score, score less the core's median and q25, log core length, run / core,
//     in core, distance, log words, prose, headline, chrome, kept lines near, i.e. "feats" FEATURES but the last
//     two; 782 tuning lines, 399 article with webpages-dev's span labels): log-odds 0 / 1 / 2 / -1 .9499 / .8922 · .9420 / .8919; .9561 / .9003
//     (.9282) · .9424 / .8983 (.9204); .9561 / .9072 (.9316) · .9335 / .8990 (.9163); .9497 / .8858 · .9468 /
//     .8800. ONLY1 (59 article lines): 0 .9524 / .9046 · .9324 / .8990; 1 .9561 / .9079 (.9320) · .9324 / .9008
//     (unchanged: one tuning snippet); 2 = base. WEIGHT=words: 1 .9561 / .9011 · .9424 / .8974; 2 .9561 / .9072
//     · .9328 / .8990. TEACHER=1 (2,969 lines, 787 article): 0 .9556 / .9013 · .9325 / .8976; 1 .9561 / .9046 ·
//     .9326 / .8990; 2 .9561 / .9051 · .9324 / .9008. With two page-format features more (share of the run's
//     kept lines that are short and not prose, log words against their median; all of FEATURES, the default): span labels 1 .9561 / .8979 ·
//     .9424 / .8983; 2 .9561 / .9018 · .9331 / .8981; ONLY1 0 .9523 / .8952 · .9324 / .8981. Without URL the
//     span-label model at 1: .9583 / .8885 · .9448 / .8825.
//   Which lines carry the checking gain: no headline-shaped line (noHeadline, k 3 q .5) .9579 / .9037 (.9308) ·
//     .9323 / .9021 (.9172) · .9059 · .9127; with plain .9579 / .9061 (.9320) · .9324 / .9008 (.9166); k 2 q .25
//     .9574 / .9030 · .9324 / .9007; growth .9579 / .9046 · .9324 / .9010; k 4 plain .9579 / .9053 · .9323 / .9008.
//     Only lines with kept prose within b lines above and below (bounded, k 3 q .5): b 3 .9537 / .9068 · .9324 /
//     .8992; b 6 .9537 / .9089 (.9313) · .9326 / .8985; b 3 plain .9537 / .9068 · .9323 / .8992; k 2 q .25 b 3
//     plain .9537 / .9079 · .9327 / .8992; b 10 plain .9537 / .9070 · .9324 / .8998. The extraction lines won on
//     the checking half are headline-shaped (3-30 words, no sentence inside) and stand among other short lines,
//     away from prose: the shape of a rail of teasers, which is what the same cut brings back on webpages-dev.
//   The run carried on below its end past a costly stretch when what lies beyond repays it (extend: ratio r,
//     window w, maxCost c): r 1 w 30 .9585 / .8982 (.9283) · .9242 / .8966 (.9104) · .8978 · .9065; r 2 w 30
//     .9585 / .9008 · .9242 / .8974 · .9006 · .9074; r 3 w 30 .9585 / .9033 (.9309) · .9242 / .8974 · .9029 ·
//     .9086; r 2 w 15 .9574 / .9060 (.9317) · .9317 / .8992 (.9154) · .9021 · .9115; r 1 w 60 c 20 .9585 / .8999 ·
//     .9197 / .8966; r 4 w 60 .9585 / .9025 · .9175 / .8974. It wins the tuning recipe's steps and loses on every
//     other set: what lies past the end on the checking pages is furniture as often as article.
//   Topic cohesion (COHESION=1: share of an inner-cut line's content terms the run's kept lines use; AUC article
//     against furniture, tuning halves): extraction headline-shaped .366 (33 article / 70 furniture), other .616
//     (4 / 86); webpages headline-shaped .321 (309 / 103, span labels included), other .870 (60 / 125); dates~html
//     headline-shaped .686 (220 / 1,050), other .715 (155 / 603). For the headline-shaped lines the gold sets and
//     the HTML teacher point opposite ways (teasers of other stories share the page's topic): not used.
//   What the keep-backs bring back on the tuning half (SHOW=1): on webpages-dev mostly headline-shaped lines
//   after the body (teasers of other stories, a newsletter ask, a comment line, a forum's thread titles), as many
//   as the subheadings and list items they win; the checking half's extraction gain (+.007-.014) comes with a
//   webpages loss on both halves (-.002 to -.013) in every variant, and no tuning-half setting picks it.
// Nothing adopted; src/ untouched.
import { blockModels, scoreBlocks, type DecodeSettings } from "../src/clean/block-model.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import { LONG_PARAGRAPH } from "../src/clean/block-features.ts";
import { finish } from "../src/clean/text.ts";
import type { Line, TextDoc } from "../src/clean/doc.ts";
import { lineKind } from "../src/clean/rules/context.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import { collapse, scoreCorpus, scorePage, scoreSnippets, snippetCorpus, tokens } from "../eval/lib/extraction-score.ts";
import { foldOf, htmlPathBody, labelsOf, prepared, type Item } from "./lib/clean-items.ts";
import { loadDates } from "../eval/lib/clean-corpus.ts";
import { rulesAfterLocate, textItemsByHalf, outOfFoldBlocks } from "./lib/text-items.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { logit, type LogisticModel } from "../src/model/logistic.ts";

const withUrl = process.env.URL !== "0";
const after = rulesAfterLocate();
const { tune, check } = textItemsByHalf(withUrl);
const folds = outOfFoldBlocks(tune);
const committed = blockModels(false);
// dates-dev's pages (never seen by the block models) judged against the HTML path's body: a third, larger set
// of real article pages, each half apart (DATES=0 leaves it out).
const datesTune: Item[] = [], datesCheck: Item[] = [];
if (process.env.DATES !== "0" && (process.env.V !== undefined || process.env.COHESION || process.env.DATES === "1")) {
  for (const page of loadDates()) {
    const p = withUrl ? page : { ...page, url: null };
    const body = htmlPathBody(page);
    if (body === null) continue;
    const taught = { ...p, truth: body };
    const doc = prepared(taught, "text");
    if (doc) (page.half === "tune" ? datesTune : datesCheck).push({ page: taught, path: "text", doc, labels: labelsOf(taught, doc) });
  }
}
const decode = committed.decode;
const scores = new Map<Item, Float64Array>();
for (const it of tune) scores.set(it, Float64Array.from(scoreBlocks(it.doc, { ...folds[foldOf(it.page.id)]!, decode }).score));
for (const it of [...check, ...datesTune, ...datesCheck]) scores.set(it, Float64Array.from(scoreBlocks(it.doc, committed).score));

function clone(doc: TextDoc): TextDoc {
  const copy: TextDoc = { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [], scores: null, noArticle: null, core: null, sandwiched: [], head: [] };
  const m = modelFor.get(doc);
  if (m) modelFor.set(copy, m);
  return copy;
}

interface Trial { extend?: { ratio: number; window: number; maxCost?: number }; bounded?: number; noHeadline?: boolean; plain?: boolean; minWords?: number; prose?: boolean; where?: "core" | "growth"; decode?: Partial<DecodeSettings>; model?: number; feats?: string; longCore?: number; cut?: number; slope?: number; runShare?: number; growthRatio?: number; rel?: number; q?: number }

/** The keep-back a trial adds right after locate-article: inner-cut lines join `sandwiched`. */
function keepBack(score: Float64Array, t: Trial): CleanRule {
  return {
    name: "trial-keep-back",
    apply(doc) {
      if (!doc.core || doc.noArticle || t.decode) return;
      if (t.extend) return extendBelow(doc, score, t.extend);
      if (t.model !== undefined) {
        const m = modelFor.get(doc)!;
        for (const c of candidates(doc, score, t.feats)) if (logit(m, c.x) >= t.model) doc.sandwiched.push(c.i);
        return;
      }
      const [c0, c1] = doc.core;
      const coreLines = c1 - c0;
      let kept = 0;
      for (let i = c0; i < c1; i++) if (doc.lines[i]!.drop === null) kept++;
      if (t.runShare !== undefined && kept / Math.max(1, coreLines) < t.runShare) return;
      if (t.rel !== undefined && coreLines >= (t.longCore ?? 0)) {
        // A cut relative to the page: the core's q-quantile score less `rel`, never above `inner`.
        const core = Array.from(score.subarray(c0, c1)).sort((a, b) => a - b);
        const at = core[Math.min(core.length - 1, Math.floor((t.q ?? 0.5) * core.length))]!;
        const cut = Math.min(decode.inner, at - t.rel);
        const inCore = (i: number) => i >= c0 && i < c1;
        const shown = showFor.get(doc);
        for (let i = doc.start; i < doc.end; i++) {
          if (t.where && (t.where === "core") !== inCore(i)) continue;
          if (doc.lines[i]!.words < (t.minWords ?? 0) || (t.prose && !doc.lines[i]!.prose)) continue;
          if (t.plain && !plain(doc.lines[i]!)) continue;
          if (t.noHeadline && doc.lines[i]!.headline) continue;
          if (t.bounded !== undefined && !(keptProse(doc, i, -1, t.bounded) && keptProse(doc, i, 1, t.bounded))) continue;
          if (doc.lines[i]!.drop === "locate-article" && !doc.sandwiched.includes(i) && score[i]! >= cut) {
            doc.sandwiched.push(i);
            const l = doc.lines[i]!;
            if (shown) console.log(`    ${shown.page.set.slice(0, 3)} ${shown.page.id.slice(0, 8)} y=${shown.labels[i]} core [${c0},${c1}) run [${doc.start},${doc.end}) ${i} s=${score[i]!.toFixed(2)} cut=${cut.toFixed(2)} w=${l.words} ${l.prose ? "prose" : l.headline ? "headline" : l.chrome ? "chrome" : "other"} | ${l.text.slice(0, 90)}`);
          }
        }
      }
      if (t.rel !== undefined) return;
      if (t.growthRatio !== undefined) {
        // A run much longer than its core: the article runs on past the part the model is sure of.
        if (doc.end - doc.start < t.growthRatio * coreLines) return;
        for (let i = doc.start; i < doc.end; i++) if ((i < c0 || i >= c1) && doc.lines[i]!.drop === "locate-article" && !doc.sandwiched.includes(i) && score[i]! >= (t.cut ?? decode.inner)) doc.sandwiched.push(i);
        return;
      }
      const L = t.longCore ?? 0;
      if (coreLines < L) return;
      const cut = (t.cut ?? decode.inner) - (t.slope ?? 0) * Math.log2(Math.max(1, coreLines / Math.max(1, L)));
      for (let i = doc.start; i < doc.end; i++) {
        if (doc.lines[i]!.drop !== "locate-article" || doc.sandwiched.includes(i)) continue;
        if (i < c0 || i >= c1) continue;
        if (score[i]! >= cut) doc.sandwiched.push(i);
      }
    },
  };
}

const FEATURES = ["score", "minus-median", "minus-q25", "log-core", "log-run-ratio", "in-core", "log-dist", "log-words", "prose", "headline", "chrome", "kept-near", "kept-short-share", "words-vs-kept"];

/** The inner cut's lines inside the run (not sandwiched) with what a keep-back model reads: the line's score against the core's, the run's shape, its place, its own shape. */
function candidates(doc: TextDoc, score: Float64Array, feats?: string): { i: number; x: number[] }[] {
  if (!doc.core || doc.noArticle) return [];
  const [c0, c1] = doc.core;
  const core = Array.from(score.subarray(c0, c1)).sort((a, b) => a - b);
  const q = (p: number) => core[Math.min(core.length - 1, Math.floor(p * core.length))]!;
  const med = q(0.5), q25 = q(0.25);
  const keepOnly = feats ? feats.split(",") : null;
  // The page's format: how many of the kept lines in the run are short and not prose (an article of short
  // lines: a listing, a transcript, verse), and the kept lines' median length.
  const keptWords: number[] = [];
  let keptShort = 0;
  for (let i = doc.start; i < doc.end; i++) {
    const l = doc.lines[i]!;
    if (l.drop !== null) continue;
    keptWords.push(l.words);
    if (!l.prose && l.words < 12) keptShort++;
  }
  keptWords.sort((a, b) => a - b);
  const medWords = keptWords[keptWords.length >> 1] ?? 1;
  const shortShare = keptShort / Math.max(1, keptWords.length);
  const out: { i: number; x: number[] }[] = [];
  for (let i = doc.start; i < doc.end; i++) {
    const l = doc.lines[i]!;
    if (l.drop !== "locate-article" || doc.sandwiched.includes(i)) continue;
    const dist = i < c0 ? c0 - i : i >= c1 ? i - c1 + 1 : 0;
    let near = 0;
    for (let j = Math.max(doc.start, i - 3); j < Math.min(doc.end, i + 4); j++) if (j !== i && doc.lines[j]!.drop === null) near++;
    const all = [score[i]!, score[i]! - med, score[i]! - q25, Math.log(1 + c1 - c0), Math.log((doc.end - doc.start) / Math.max(1, c1 - c0)), dist === 0 ? 1 : 0, Math.log1p(dist), Math.log1p(l.words), l.prose ? 1 : 0, l.headline ? 1 : 0, l.chrome ? 1 : 0, near / 6, shortShare, Math.log((1 + l.words) / (1 + medWords))];
    out.push({ i, x: keepOnly ? all.filter((_, k) => keepOnly.includes(FEATURES[k]!)) : all });
  }
  return out;
}

/** A line of no furniture shape: no furniture lexicon word, no date, byline or number line, no chrome, not "bad" to lineKind. */
function plain(l: Line): boolean {
  return l.lexicon === 0 && !l.dated && !l.bylineOrDate && !l.dateOrNumber && !l.chrome && lineKind(l) !== "bad";
}

/**
 * The run carried on below its end when what lies beyond a costly stretch repays it `ratio` times over: the
 * best prefix of gains (growth bias) within `window` lines under the run, against the deepest cost crossed on
 * the way (at most `maxCost`). The lines taken in go back to locate-article's verdict (score >= inner stays).
 */
function extendBelow(doc: TextDoc, score: Float64Array, { ratio, window, maxCost = Infinity }: { ratio: number; window: number; maxCost?: number }): void {
  const e = doc.end;
  let sum = 0, low = 0, best = 0, bestAt = -1, lowAtBest = 0;
  for (let j = e; j < Math.min(doc.lines.length, e + window); j++) {
    const l = doc.lines[j]!;
    let g = (score[j]! - decode.bias) * (1 + Math.min(LONG_PARAGRAPH, l.words)) ** decode.power;
    if (g > 0 && score[j]! > Math.min(0, decode.bias) && lineKind(l) === "bad") g = -g;
    sum += g;
    low = Math.min(low, sum);
    if (-low > maxCost) break;
    if (sum > best) (best = sum, (bestAt = j), (lowAtBest = low));
  }
  if (bestAt < 0 || lowAtBest === 0 || best < ratio * -lowAtBest) return;
  for (let j = e; j <= bestAt; j++) {
    const l = doc.lines[j]!;
    if (l.drop !== "page-footer") continue;
    l.drop = score[j]! >= decode.inner ? null : "locate-article";
  }
  doc.end = bestAt + 1;
}

/** A kept prose line within k lines of line i, inside the run, in the direction given. */
function keptProse(doc: TextDoc, i: number, step: 1 | -1, k: number): boolean {
  for (let j = i + step, n = 0; j >= doc.start && j < doc.end && n < k; j += step, n++) if (doc.lines[j]!.drop === null && doc.lines[j]!.prose) return true;
  return false;
}

/** SHOW=1: the tuning page of each doc a trial's keep-back runs on, to list what it brings back. */
const showFor = new Map<TextDoc, Item>();

/** Each item's keep-back model for a trial: the fold model without the page on the tuning half, the all-tuning one on the checking half. */
const modelFor = new Map<TextDoc, LogisticModel>();
function fitKeepBack(feats?: string): void {
  const names = feats ? FEATURES.filter((f) => feats.split(",").includes(f)) : FEATURES;
  const byItem = new Map<Item, Example[]>();
  const teach = process.env.TEACHER === "1" ? datesTune : [];
  for (const it of [...tune, ...teach]) {
    const score = scores.get(it)!;
    const doc = clone(it.doc);
    locateScored(score, decode).apply(doc);
    const ex: Example[] = [];
    for (const c of candidates(doc, score, feats)) {
      const y = it.labels[c.i]!;
      if (y === 0 || y === 1 || (y === 2 && !process.env.ONLY1)) ex.push({ x: c.x, y: y === 0 ? 0 : 1, weight: process.env.WEIGHT === "words" ? Math.log1p(doc.lines[c.i]!.words) : 1 });
    }
    byItem.set(it, ex);
  }
  const fit = (skip: number) => trainLogistic([...tune, ...teach].filter((it) => foldOf(it.page.id) !== skip).flatMap((it) => byItem.get(it)!), { name: "try-location-keep", features: names, l2: Number(process.env.L2 ?? 1) });
  const folds = [0, 1, 2, 3].map(fit);
  const all = fit(-1);
  const n = [...byItem.values()].flat();
  if (process.env.WEIGHTS) {
    console.log(`keep-back examples ${n.length}, article ${n.filter((e) => e.y === 1).length}`);
    names.forEach((f, j) => console.log(`  ${f.padEnd(16)} ${(all.weights[j]! / all.scale[j]!).toFixed(3)}`));
  }
  for (const it of tune) modelFor.set(it.doc, folds[foldOf(it.page.id)]!);
  for (const it of [...check, ...datesCheck]) modelFor.set(it.doc, all);
  for (const it of datesTune) modelFor.set(it.doc, teach.length ? folds[foldOf(it.page.id)]! : all);
}

interface Tally { lines: number; chars: number; tokens: number; pages: Set<string> }
type Tallies = Map<string, Tally>;
function add(t: Tallies, key: string, id: string, chars: number, toks: number): void {
  const x = t.get(key) ?? { lines: 0, chars: 0, tokens: 0, pages: new Set<string>() };
  x.lines++;
  x.chars += chars;
  x.tokens += toks;
  x.pages.add(id);
  t.set(key, x);
}

function run(items: Item[], trial: Trial | null, tallies: Tallies | null, inner: Tallies | null): { ext: number; web: number } {
  const ext: ReturnType<typeof scorePage>[] = [], web: ReturnType<typeof scoreSnippets>[] = [];
  if (items[0]?.page.set === "dates" && !tallies) {
    for (const it of items) {
      const score = scores.get(it)!;
      const doc = clone(it.doc);
      for (const r of [locateScored(score, { ...decode, ...trial?.decode }), ...(trial ? [keepBack(score, trial)] : []), ...after]) r.apply(doc);
      const res = finish(doc);
      ext.push(scorePage(res.rejected ? "" : res.paragraphs.join("\n\n"), it.page.truth!));
    }
    return { ext: scoreCorpus(ext).f1, web: Number.NaN };
  }
  for (const it of items) {
    const score = scores.get(it)!;
    const doc = clone(it.doc);
    if (process.env.SHOW && trial && items === tune) showFor.set(doc, it);
    const rules = [locateScored(score, { ...decode, ...trial?.decode }), ...(trial ? [keepBack(score, trial)] : []), ...after];
    const before = new Map<number, string | null>();
    for (const r of rules) {
      r.apply(doc);
      if (r.name === "locate-article") doc.lines.forEach((l, i) => before.set(i, l.drop));
    }
    const res = finish(doc);
    const body = res.rejected ? "" : res.paragraphs.join("\n\n");
    const id = it.page.id.slice(0, 8);
    const set = it.page.set === "webpages" ? "web" : it.page.set === "dates" ? "dat" : "ext";
    const isArticle = (y: number) => y === 1 || y === 2;
    const articleLines = [...it.labels.keys()].filter((i) => isArticle(it.labels[i]!));
    const inRun = articleLines.filter((i) => i >= doc.start && i < doc.end).length;
    const wrongPart = articleLines.length > 0 && inRun * 2 < articleLines.length;
    const core = doc.core ?? [0, 0];
    const cause = (i: number): string => {
      if (res.rejected || doc.noArticle) return "refused";
      if (i < 0) return "not-one-line";
      if (i === doc.title) return "headline";
      if (i < doc.start || i >= doc.end) return wrongPart ? "wrong-part" : i < doc.start ? "start-late" : "end-early";
      const drop = doc.lines[i]!.drop;
      if (drop === "locate-article" || before.get(i) === "locate-article") return drop === "locate-article" ? (i >= core[0] && i < core[1] ? "inner-core" : "inner-growth") : `rule:${drop}`;
      return `rule:${drop}`;
    };
    const listing = process.env.LIST;
    const note = (k: string, i: number) => {
      if (listing && k.startsWith(listing) && (items === tune || items === datesTune) && trial === null) console.log(`  ${set} ${id} line ${i} run [${doc.start},${doc.end}) core [${core[0]},${core[1]}) s=${score[i]?.toFixed(2)} w=${doc.lines[i]?.words} ${k} | ${doc.lines[i]?.text.slice(0, 100)}`);
    };
    if (set === "web") {
      const sc = scoreSnippets(body, it.page.with ?? [], it.page.without ?? []);
      web.push(sc);
      if (tallies) {
        const lineOf = (snip: string) => doc.lines.findIndex((l) => collapse(l.text).includes(collapse(snip)));
        for (const m of sc.missing) {
          const i = lineOf(m);
          const k = cause(i);
          note(k, i);
          add(tallies, `web ${k}`, id, collapse(m).length, tokens(m).length);
        }
      }
    } else {
      ext.push(scorePage(body, it.page.truth!));
      if (tallies) for (const i of articleLines) {
        const l = doc.lines[i]!;
        const kept = !res.rejected && l.drop === null && i !== doc.title && i >= doc.start && i < doc.end;
        if (kept) continue;
        const k = cause(i);
        note(k, i);
        add(tallies, `${set} ${k}`, id, l.text.length, tokens(l.text).length);
        if (k === "wrong-part" || k === "start-late" || k === "end-early" || k.startsWith("inner")) add(tallies, `${set} ${articleLines.length >= 30 ? "long" : "short"} page: ${k}`, id, l.text.length, tokens(l.text).length);
      }
    }
    if (inner && !res.rejected) {
      const coreLines = core[1] - core[0];
      const bucket = coreLines >= 40 ? "core 40+" : coreLines >= 20 ? "core 20-39" : "core <20";
      for (let i = doc.start; i < doc.end; i++) {
        if (before.get(i) !== "locate-article") continue;
        const y = it.labels[i]!;
        if (y < 0 || y > 2) continue;
        const where = i >= core[0] && i < core[1] ? "core" : "growth";
        const lab = isArticle(y) ? "article" : "furniture";
        const band = score[i]! >= -1 ? "s>=-1" : score[i]! >= -2 ? "s-2..-1" : "s<-2";
        add(inner, `${set} ${where} ${bucket} ${band} ${lab}`, id, doc.lines[i]!.text.length, tokens(doc.lines[i]!.text).length);
      }
    }
  }
  return { ext: scoreCorpus(ext).f1, web: snippetCorpus(web).f1 };
}

function print(title: string, t: Tallies): void {
  console.log(title);
  for (const k of [...t.keys()].sort()) {
    const x = t.get(k)!;
    console.log(`  ${k.padEnd(44)} lines ${String(x.lines).padStart(4)}  chars ${String(x.chars).padStart(6)}  tokens ${String(x.tokens).padStart(5)}  pages ${x.pages.size}`);
  }
}

/** COHESION=1: how far the share of an inner-cut line's content terms the run's kept lines use tells article from furniture (AUC), per set. */
function cohesionAuc(items: Item[], label: string): void {
  const by = new Map<string, { pos: number[]; neg: number[] }>();
  for (const it of items) {
    const score = scores.get(it)!;
    const doc = clone(it.doc);
    locateScored(score, decode).apply(doc);
    if (!doc.core || doc.noArticle) continue;
    const kept = new Map<number, number>();
    for (let i = doc.start; i < doc.end; i++) if (doc.lines[i]!.drop === null) for (const h of doc.lines[i]!.terms) kept.set(h, (kept.get(h) ?? 0) + 1);
    for (let i = doc.start; i < doc.end; i++) {
      const l = doc.lines[i]!;
      if (l.drop !== "locate-article" || l.terms.length === 0) continue;
      const y = it.labels[i]!;
      if (y < 0 || y > 2) continue;
      const share = l.terms.filter((h) => kept.has(h)).length / l.terms.length;
      const key = `${it.page.set} ${l.headline ? "headline-shaped" : "other"}`;
      const b = by.get(key) ?? { pos: [], neg: [] };
      (y === 0 ? b.neg : b.pos).push(share);
      by.set(key, b);
    }
  }
  for (const [k, { pos, neg }] of [...by].sort()) {
    let wins = 0;
    for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(`  ${label} ${k.padEnd(28)} article ${pos.length} (mean share ${mean(pos).toFixed(2)}), furniture ${neg.length} (${mean(neg).toFixed(2)}), AUC ${(wins / Math.max(1, pos.length * neg.length)).toFixed(3)}`);
  }
}

const fmt = (r: { ext: number; web: number }) => `ext ${r.ext.toFixed(4)} web ${r.web.toFixed(4)} mean ${((r.ext + r.web) / 2).toFixed(4)}`;
if (process.env.COHESION) {
  cohesionAuc(tune, "tuning");
  cohesionAuc(datesTune, "tuning");
} else if (process.env.V === undefined) {
  const halves: [string, Item[]][] = [["tuning (out of fold)", tune], ["checking (committed; counts only)", check]];
  if (datesTune.length) halves.push(["dates-dev tuning against the HTML path's body (committed)", datesTune]);
  for (const [half, items] of halves) {
    const lost: Tallies = new Map(), inner: Tallies = new Map();
    const r = run(items, null, lost, inner);
    console.log(`${half}, ${withUrl ? "with" : "without"} URL: ${fmt(r)}`);
    print("  lost article text by cause", lost);
    print("  the inner cut's labelled lines (where, core length, score band, label)", inner);
  }
} else {
  const trials: (Trial | null)[] = [null, ...(JSON.parse(process.env.V) as Trial[])];
  for (const t of trials) {
    if (t?.model !== undefined) fitKeepBack(t.feats);
    const dates = datesTune.length ? ` | dates~html ${run(datesTune, t, null, null).ext.toFixed(4)} · ${run(datesCheck, t, null, null).ext.toFixed(4)}` : "";
    console.log(`${JSON.stringify(t ?? "base").padEnd(40)} tune ${fmt(run(tune, t, null, null))} | check ${fmt(run(check, t, null, null))}${dates}`);
  }
}
