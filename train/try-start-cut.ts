// `npx tsx train/try-start-cut.ts`: the learned body start (train/try-body-start.ts's ranker, written to RANKER) used
// for the body itself (bs58, stop 58): when the ranker's first line stands below the located anchor by MARGIN or more
// log-odds, the kept lines above it (below the headline) go. Text body figures as try-text-figures.ts prints them
// (extraction-dev 4-gram F1, webpages-dev snippet F1), both halves, with and without the URL, base and trial; a
// tuning page is judged by the ranker's fold model that never saw it. UP=1: the other way, the prose lines from
// the ranker's first line down to the anchor come back when it stands above the anchor. NOOP=1: the ranker runs and
// nothing moves (the figures must equal base's). Figures (bs58; base with the URL .9531 / .9089 · .9324 / .9008,
// without .9577 / .9026 · .9356 / .8884; extraction / webpages, tuning · checking): cut, margin 1: .9531 / .9058 ·
// .9330 / .8995, without .9577 / .9005 · .9357 / .8860; margin 3: .9531 / .9079 · .9324 / .9008, without .9577 /
// .9015 · .9356 / .8873. UP=1 margin 0: .9531 / .9110 · .9324 / .9008, without .9577 / .9005 · .9356 / .8884;
// margin 1: with the URL unchanged, without .9577 / .9005 · .9356 / .8884. Dropped: webpages falls.
// DECK_MODEL=file DECK_BAR=b [DECK_STEPS=k] (sf59, stop 59): the kept lines above the anchor moved off a standfirst
// (try-deck.ts' model) go: bar -1.5: .9531 / .9037 · .9324 / .8909, without .9577 / .8984 · .9356 / .8735; steps 3
// (the first 31-page labels): .9516 / .9037 · .9298 / .8864, without .9562 / .8984 · .9330 / .8723. Dropped:
// webpages' snippets hold the deks.
import { readFileSync } from "node:fs";
import { cleanSource, defaultRules, type CleanRule } from "../src/clean/index.ts";
import { dropLine, type TextDoc } from "../src/clean/doc.ts";
import { bodyAnchor } from "../src/clean/headline-features.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus } from "../eval/lib/extraction-score.ts";
import { HALVES } from "../eval/lib/split.ts";
import type { LogisticModel } from "../src/model/logistic.ts";
import { foldOf } from "./lib/clean-items.ts";
import { predictedStart } from "./lib/body-start.ts";
import { deckStart } from "./lib/deck-features.ts";

// sf59: DECK_MODEL=file (try-deck.ts' OUT): the start is instead the anchor moved off a standfirst (deckStart, DECK_BAR).
const deck = process.env.DECK_MODEL ? (JSON.parse(readFileSync(process.env.DECK_MODEL, "utf8")) as { full: LogisticModel; folds: LogisticModel[] }) : null;
const ranker = deck ?? (JSON.parse(readFileSync(process.env.RANKER ?? "/tmp/bs58-ranker2.json", "utf8")) as { full: LogisticModel; folds: LogisticModel[] });
const MARGIN = Number(process.env.MARGIN ?? 1);
const UP = !!process.env.UP;
const half = new Map<string, string>();
const planned = new WeakMap<TextDoc, number>();
const plan: CleanRule = {
  name: "plan-start",
  apply(doc) {
    if (doc.noArticle) return;
    const m = half.get(doc.path) === "tune" ? ranker.folds[foldOf(doc.path)]! : ranker.full;
    const a = bodyAnchor(doc);
    const p = deck ? deckStart(doc, a, m, Number(process.env.DECK_BAR ?? 0)) : predictedStart(doc, m, MARGIN);
    if (UP ? p < a : p > a) planned.set(doc, p);
  },
};
const cut: CleanRule = {
  name: "start-cut",
  apply(doc) {
    const p = planned.get(doc);
    if (p === undefined || doc.noArticle || process.env.NOOP) return;
    if (!UP) for (let i = Math.max(doc.start, doc.title + 1); i < p; i++) dropLine(doc, i, "page-header");
    else {
      // UP=1: the ranker's first line above the anchor: the prose lines from it down to the anchor come back.
      const a = bodyAnchor(doc);
      for (let i = Math.max(p, doc.title + 1); i < a; i++) {
        const l = doc.lines[i]!;
        if (l.prose && (l.drop === "page-header" || l.drop === "locate-article")) l.drop = null;
      }
      if (p < doc.start && p > doc.title) doc.start = p;
    }
  },
};
const at = defaultRules.findIndex((r) => r.name === "find-headline");
const trial = [...defaultRules.slice(0, at), plan, defaultRules[at]!, cut, ...defaultRules.slice(at + 1)];

const extraction = loadExtraction();
const webpages = loadWebpages();
for (const p of [...extraction, ...webpages]) half.set(p.id, p.half);
function body(page: DevPage, withUrl: boolean, rules: readonly CleanRule[]): string {
  try {
    return cleanSource(devSource(page.id, "text", page.text, withUrl ? page.url : null), rules).paragraphs.join("\n\n");
  } catch {
    return "";
  }
}
for (const [name, rules] of [["base", defaultRules], ["trial", trial]] as const) {
  for (const withUrl of [true, false]) {
    const cells = HALVES.map((h) => {
      const ext = scoreCorpus(extraction.filter((p) => p.half === h).map((p) => scorePage(body(p, withUrl, rules), p.truth!)));
      const web = snippetCorpus(webpages.filter((p) => p.half === h).map((p) => scoreSnippets(body(p, withUrl, rules), p.with ?? [], p.without ?? [])));
      return `${h} extraction ${ext.f1.toFixed(4)} webpages ${web.f1.toFixed(4)}`;
    });
    console.log(`${name} ${withUrl ? "with URL" : "without"}: ${cells.join(" | ")}`);
  }
}
