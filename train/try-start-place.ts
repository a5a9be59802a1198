// `npx tsx train/try-start-place.ts`: where the text-dump body's located start stands against the true one (bl82,
// stop 82, issue 8), after the whole clean with the committed models, with the URL. True start: the first dump line
// of 4+ words whose 4-gram shingles the gold body holds for half or more (extraction-dev's truth; webpages-dev's
// HTML-path body). Located: the first kept body line (and the anchor, headline-features.ts bodyAnchor). Per half:
// right / late (true start above: how many lines, how many article lines lost, the kinds of lines between) / early
// (kept furniture above the true start), and the headline's agreement in each class. LIST=1 lists tuning rows only;
// the checking half is printed as counts.
import { defaultRules, prepare } from "../src/clean/index.ts";
import { bodyAnchor } from "../src/clean/headline-features.ts";
import { keptBodyIndices, type Line } from "../src/clean/doc.ts";
import { lineKind } from "../src/clean/rules/context.ts";
import { goldHeadline, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { AGREES, headlineF1, shingles } from "../eval/lib/extraction-score.ts";
import { coverOf, htmlPathBody } from "./lib/clean-items.ts";

const kindOf = (l: Line): string =>
  l.bylineOrDate || l.dated ? "date/byline" : l.prose ? "prose" : l.headline ? "headline-shaped" : lineKind(l) === "bad" ? "chrome" : "short";
const bucket = (d: number): string => (d <= 1 ? "1" : d <= 3 ? "2-3" : d <= 10 ? "4-10" : d <= 30 ? "11-30" : "31+");
const counts = new Map<string, number>();
const add = (k: string, v = 1) => counts.set(k, (counts.get(k) ?? 0) + v);
const list = !!process.env.LIST;
const seen = new Set<string>();
for (const [set, pages] of [["extraction", loadExtraction()], ["webpages", loadWebpages()]] as const) {
  for (const page of pages) {
    if (seen.has(`${set}:${page.id}`)) continue;
    seen.add(`${set}:${page.id}`);
    const bodyText = page.truth ?? htmlPathBody(page);
    if (!bodyText) continue;
    const body = shingles(bodyText);
    const { doc } = prepare(devSource(page.id, "text", page.text, page.url));
    for (const rule of defaultRules) rule.apply(doc);
    const h = page.half;
    add(`${h} pages`);
    if (doc.noArticle) {
      add(`${h} refused`);
      continue;
    }
    const kept = keptBodyIndices(doc);
    const located = kept[0] ?? -1;
    const anchor = bodyAnchor(doc);
    const covered = (i: number) => coverOf(doc.lines[i]!.text, body) >= 0.5;
    const truth = doc.lines.findIndex((l, i) => l.words >= 4 && covered(i));
    if (truth < 0 || located < 0) {
      add(`${h} no truth`);
      continue;
    }
    const gold = goldHeadline(page.html);
    const hlOk = !!gold && doc.title >= 0 && headlineF1(doc.lines[doc.title]!.text, gold) >= AGREES;
    let cls = "right";
    if (located > truth) {
      let lost = 0;
      for (let j = truth; j < located; j++) if (doc.lines[j]!.words >= 4 && covered(j)) lost++;
      cls = lost > 0 ? "late" : "right (only short lines above)";
      if (lost > 0) {
        add(`${h} late lines ${bucket(located - truth)}`);
        add(`${h} late article lines lost`, lost);
        for (let j = truth; j < located; j++) if (!covered(j)) add(`${h} late between: ${kindOf(doc.lines[j]!)}${doc.lines[j]!.drop ? ` [${doc.lines[j]!.drop}]` : ""}`);
        for (let j = truth; j < located; j++) if (covered(j)) add(`${h} late lost: ${kindOf(doc.lines[j]!)} [${doc.lines[j]!.drop}]`);
        if (doc.title > truth && doc.title <= located) add(`${h} late: headline picked between`);
      }
    } else if (located < truth) {
      let junk = 0;
      for (let j = located; j < truth; j++) if (doc.lines[j]!.drop === null && !covered(j)) junk++;
      cls = junk > 0 ? "early" : "right";
      if (junk > 0) {
        add(`${h} early lines ${bucket(truth - located)}`);
        for (let j = located; j < truth; j++) if (doc.lines[j]!.drop === null && !covered(j)) add(`${h} early kept: ${kindOf(doc.lines[j]!)}`);
      }
    }
    const anchorCls = anchor === truth ? "anchor at truth" : anchor > truth ? "anchor below truth" : "anchor above truth";
    add(`${h} ${set} ${cls}`);
    add(`${h} ${cls} headline ${hlOk ? "right" : "wrong"}`);
    add(`${h} ${anchorCls} headline ${hlOk ? "right" : "wrong"}`);
    if (list && h === "tune" && (cls !== "right" || !hlOk)) {
      const show = (i: number) => (i >= 0 ? JSON.stringify(doc.lines[i]!.text.slice(0, 70)) : "-");
      console.log(`${set} ${page.id} ${cls} hl=${hlOk ? "ok" : "WRONG"} truth ${truth} located ${located} anchor ${anchor} title ${doc.title} start ${doc.start}`);
      console.log(`   title ${show(doc.title)} gold ${JSON.stringify((gold ?? "").slice(0, 60))}`);
      for (let j = Math.max(0, Math.min(truth, located, doc.title < 0 ? truth : doc.title) - 1); j <= Math.max(truth, located, anchor) && j < doc.lines.length; j++) {
        const l = doc.lines[j]!;
        console.log(`   ${j === truth ? "T" : " "}${j === located ? "L" : " "}${j === anchor ? "A" : " "}${j === doc.title ? "H" : " "} ${String(j).padStart(3)} ${(doc.scores?.[j] ?? 0).toFixed(1).padStart(5)} ${covered(j) ? "art" : "   "} ${String(l.drop ?? "kept").padEnd(16)} ${kindOf(l).padEnd(15)} ${JSON.stringify(l.text.slice(0, 80))}`);
      }
    }
  }
}
for (const [k, v] of [...counts].sort()) console.log(`${k}: ${v}`);
