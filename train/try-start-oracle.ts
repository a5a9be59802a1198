// `npx tsx train/try-start-oracle.ts`: how much of the text-dump body figures the body's START holds (bl82, stop 82,
// issue 8): the committed clean, then an oracle that puts the start where the gold body starts (the first dump line of
// 4+ words whose 4-gram shingles the gold body holds for half or more: extraction-dev's truth, webpages-dev's HTML-path
// body) and nothing else: kept lines above it that the gold body does not hold go, dropped lines from it down to the
// located start that the gold holds come back. The end and the inside stay as cleaned. Both halves as figures only
// (eval:clean's scoring, with the URL); a bound on what any start change can gain, not a method.
import { cleanSource, defaultRules, type CleanRule } from "../src/clean/index.ts";
import { dropLine, keptBodyIndices } from "../src/clean/doc.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { scoreCorpus, scorePage, scoreSnippets, shingles, snippetCorpus } from "../eval/lib/extraction-score.ts";
import { HALVES } from "../eval/lib/split.ts";
import { coverOf, htmlPathBody } from "./lib/clean-items.ts";

const truthOf = new Map<string, Map<string, number>>();
const side = process.env.SIDE ?? "both"; // "late": only bring lines back; "early": only drop lines; "both"
const oracle: CleanRule = {
  name: "oracle-start",
  apply(doc) {
    const body = truthOf.get(doc.path);
    if (!body || doc.noArticle) return;
    const covered = (i: number) => coverOf(doc.lines[i]!.text, body) >= 0.5;
    const t = doc.lines.findIndex((l, i) => l.words >= 4 && covered(i));
    const kept = keptBodyIndices(doc);
    const located = kept[0];
    if (t < 0 || located === undefined || t >= doc.end) return;
    if (side !== "late") for (let i = doc.start; i < t; i++) if (doc.lines[i]!.drop === null && !covered(i)) dropLine(doc, i, "oracle");
    if (side !== "early" && t < located) {
      for (let i = t; i < located; i++) if (i !== doc.title && doc.lines[i]!.drop !== null && covered(i)) doc.lines[i]!.drop = null;
      if (t < doc.start) doc.start = t;
    }
  },
};
const extraction = loadExtraction();
const webpages = loadWebpages();
for (const p of extraction) truthOf.set(p.id, shingles(p.truth!));
for (const p of webpages) {
  const b = htmlPathBody(p);
  if (b) truthOf.set(p.id, shingles(b));
}
const body = (page: DevPage, rules: readonly CleanRule[]): string => {
  try {
    return cleanSource(devSource(page.id, "text", page.text, page.url), rules).paragraphs.join("\n\n");
  } catch {
    return "";
  }
};
for (const [name, rules] of [["committed", defaultRules], [`oracle start (${side})`, [...defaultRules, oracle]]] as const) {
  const cells = HALVES.map((h) => {
    const ext = scoreCorpus(extraction.filter((p) => p.half === h).map((p) => scorePage(body(p, rules), p.truth!)));
    const web = snippetCorpus(webpages.filter((p) => p.half === h).map((p) => scoreSnippets(body(p, rules), p.with ?? [], p.without ?? [])));
    return `${h} extraction ${ext.f1.toFixed(4)} webpages ${web.f1.toFixed(4)}`;
  });
  console.log(`${name}: ${cells.join(" | ")}`);
}
