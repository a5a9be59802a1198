// `npm run eval:notices` (eval/eval-notices.ts): what a reader of the build would see from pages with no article, and
// what real articles the build loses, through the build's own per-article step (src/pipeline/article.ts
// `prepareArticle`, the one `digest build` runs: cleaning, its checks, the headline from the text).
// Every count by half, text dumps with the page's URL and without it:
//   real refused:          extraction-dev and webpages-dev pages (every one an article) the build refuses;
//   dates-dev refused:     the same for dates-dev, whose pages are mostly but not all articles (told apart
//                          from the real count: a refusal there may be right);
//   stripped published:    the dev pages with their article lines taken out (train/lib/furniture-pages.ts):
//                          only menus, teasers and notices are left, so any story made of them is furniture;
//   notices published:     written notice pages (eval/lib/notice-pages.ts: app shells, browser checks,
//                          consent and subscription walls, access denied, not found, region locks);
//   of them headline made from the text: stories whose headline is the notice's or furniture's opening words.
// PAGES=1 lists the tuning half's published furniture and refused articles (never the checking half's).
import { prepareArticle, type ArticleOutcome } from "../src/pipeline/article.ts";
import { loadDates, loadExtraction, loadWebpages, type DevPage } from "./lib/clean-corpus.ts";
import { devSource } from "./lib/dev-source.ts";
import { tokens } from "./lib/extraction-score.ts";
import { NOTICE_PAGES } from "./lib/notice-pages.ts";
import { HALVES, type Half } from "./lib/split.ts";
import { strippedDump } from "../train/lib/furniture-pages.ts";

const run = (id: string, text: string, url: string | null): ArticleOutcome => prepareArticle(devSource(`${id}.txt`, "text", text, url), { zone: "UTC" });
const show = process.env.PAGES === "1";

const seen = new Set<string>();
const real = [...loadExtraction(), ...loadWebpages()].filter((p) => !seen.has(p.id) && seen.add(p.id));
const dates = loadDates();

interface Counts { pages: number; refused: number; datesPages: number; datesRefused: number; stripped: number; strippedPublished: number; strippedTitled: number; notices: number; noticesPublished: number; noticesTitled: number }

const half = (h: Half, withUrl: boolean): Counts => {
  const c: Counts = { pages: 0, refused: 0, datesPages: 0, datesRefused: 0, stripped: 0, strippedPublished: 0, strippedTitled: 0, notices: 0, noticesPublished: 0, noticesTitled: 0 };
  const lines: string[] = [];
  const url = (p: DevPage) => (withUrl ? p.url : null);
  for (const p of real.filter((q) => q.half === h)) {
    c.pages++;
    const o = run(p.id, p.text, url(p));
    if (!("article" in o)) (c.refused++, lines.push(`  real refused ${p.set} ${p.id.slice(0, 8)}: ${o.rejected.rule}`));
    const stripped = strippedDump(p);
    if (tokens(stripped).length === 0) continue;
    c.stripped++;
    const s = run(p.id, stripped, url(p));
    if ("article" in s) {
      c.strippedPublished++;
      if (s.article.titleFromText) c.strippedTitled++;
      lines.push(`  stripped published ${p.set} ${p.id.slice(0, 8)}${s.article.titleFromText ? " (headline from text)" : ""}: ${s.article.title.slice(0, 90)}`);
    }
  }
  for (const p of dates.filter((q) => q.half === h)) {
    c.datesPages++;
    const o = run(p.id, p.text, url(p));
    if (!("article" in o)) (c.datesRefused++, lines.push(`  dates-dev refused ${p.id.slice(0, 8)}: ${o.rejected.rule}`));
  }
  for (const n of NOTICE_PAGES.filter((q) => q.half === h)) {
    c.notices++;
    const o = run(n.id, n.text, withUrl ? `https://news.example/${n.id}` : null);
    if ("article" in o) {
      c.noticesPublished++;
      if (o.article.titleFromText) c.noticesTitled++;
      lines.push(`  notice published ${n.id} (${n.kind})${o.article.titleFromText ? " (headline from text)" : ""}: ${o.article.title.slice(0, 90)}`);
    }
  }
  if (show && h === "tune") console.log(lines.join("\n"));
  return c;
};

for (const withUrl of [true, false]) {
  for (const h of HALVES) {
    const c = half(h, withUrl);
    console.log(
      `${h === "tune" ? "tuning" : "checking"} half, ${withUrl ? "with URL" : "without URL"}: real refused ${c.refused}/${c.pages}, dates-dev refused ${c.datesRefused}/${c.datesPages}; ` +
        `stripped published ${c.strippedPublished}/${c.stripped} (headline from text ${c.strippedTitled}); notices published ${c.noticesPublished}/${c.notices} (headline from text ${c.noticesTitled})`,
    );
  }
}
