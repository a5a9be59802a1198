// `npx tsx train/try-headline-repick.ts` (stop 68): the headline picked twice. find-headline cuts the located
// body at its pick (the lines between the body's start and the pick become page header), and the body's
// anchor moves with it; the committed models then pick again on the cut page. Counts, by half, the pages
// the second pick gets right and the first not ("won") and the converse ("lost"), with and without the
// URL; SHOW=1 lists the tuning half's pages whose pick moves (the checking half only as counts). Writes nothing.
import { defaultRules, prepare } from "../src/clean/index.ts";
import { pickHeadline } from "../src/clean/headline-model.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, distinctPages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";

const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
const upTo = defaultRules.findIndex((r) => r.name === "find-headline") + 1;
for (const withUrl of [true, false]) {
  const tally = { tune: { pages: 0, first: 0, second: 0, won: 0, lost: 0, moved: 0 }, check: { pages: 0, first: 0, second: 0, won: 0, lost: 0, moved: 0 } };
  for (const page of pages) {
    const gold = goldHeadline(page.html);
    if (!gold) continue;
    const { doc } = prepare(devSource(page.id, "text", page.text, withUrl ? page.url : null));
    for (const rule of defaultRules.slice(0, upTo)) rule.apply(doc);
    const t = tally[page.half as "tune" | "check"];
    t.pages++;
    if (doc.noArticle || doc.title < 0) continue;
    const first = doc.title;
    const second = pickHeadline(doc);
    const ok1 = headlineF1(doc.lines[first]!.text, gold) >= AGREES;
    const ok2 = second >= 0 && headlineF1(doc.lines[second]!.text, gold) >= AGREES;
    if (ok1) t.first++;
    if (ok2) t.second++;
    if (ok2 && !ok1) t.won++;
    if (ok1 && !ok2) t.lost++;
    if (second !== first) t.moved++;
    if (process.env.SHOW && page.half === "tune" && second !== first) {
      const verdict = ok1 === ok2 ? (ok1 ? "both right" : "both wrong") : ok2 ? "won" : "lost";
      console.log(`  ${withUrl ? "url" : "no url"} ${page.set} ${page.id} ${verdict}: line ${first} ${JSON.stringify(doc.lines[first]!.text.slice(0, 60))} -> line ${second} ${JSON.stringify(doc.lines[second]?.text.slice(0, 60) ?? "")}`);
    }
  }
  for (const h of ["tune", "check"] as const) {
    const t = tally[h];
    console.log(`${withUrl ? "with" : "without"} the URL, ${h}: ${t.pages} pages; first pick right ${t.first}, second ${t.second} (won ${t.won}, lost ${t.lost}; the pick moves on ${t.moved})`);
  }
}
