// `npm run eval:notices` (eval/eval-notices.ts): what a reader of the build would see from pages with no article, and
// what real articles the build loses, through the build's own per-article step (src/pipeline/article.ts
// `prepareArticle`, the one `digest build` runs: cleaning, its checks, the headline from the text).
// Every count by half, text dumps with the page's URL and without it:
//   real refused:          extraction-dev and webpages-dev pages (every one an article) the build refuses;
//   dates-dev refused:     the same for dates-dev, whose pages are mostly but not all articles (told apart
//                          from the real count: a refusal there may be right);
//   stripped published:    the dev pages with their article lines taken out (train/lib/furniture-pages.ts):
//                          only menus, teasers and notices are left, so any story made of them is furniture;
//                          "extraction-dev" counts those of extraction-dev alone, whose hand-checked true body is
//                          the whole article (a webpages-dev page's few snippets leave article lines unlabelled,
//                          so its stripped page often keeps a standfirst or part of the article: nt68);
//   notices published:     written notice pages (eval/lib/notice-pages.ts: app shells, browser checks,
//                          consent and subscription walls, access denied, not found, region locks);
//   of them headline made from the text: stories whose headline is the notice's or furniture's opening words.
// HTML pages the same way (gt67): real refused and dates-dev refused (the pages' HTML), stripped published (the
// dev pages' HTML blocks less their article blocks, train/article-gate.ts strippedHtml, cleaned from locate-article
// on by the build's rules and judged by the build's checks), and HTML notices published (eval/lib/notice-html-pages.ts:
// written ones, and the text notices served in a site's page chrome, counted apart).
// "with the gate's doubt": published, but with the article gate's warning that the text may not be an article; for real
// pages too (nt70), what a reader would lose if a doubt page were left out of the digest or its feeds. Since stop 70 a
// story of doubted pages only is held back from the feeds and the front page (dq70): "reaching the feeds alone" counts
// the pages published without the doubt, which a build of that page alone puts in the feeds (nt71).
// PAGES=1 lists the tuning half's published furniture and refused articles (never the checking half's).
import { prepareArticle, type ArticleOutcome } from "../src/pipeline/article.ts";
import { loadDates, loadExtraction, loadWebpages, type DevPage, distinctPages } from "./lib/clean-corpus.ts";
import { devSource } from "./lib/dev-source.ts";
import { tokens } from "./lib/extraction-score.ts";
import { NOTICE_PAGES } from "./lib/notice-pages.ts";
import { HALVES, type Half } from "./lib/split.ts";
import { strippedDump } from "../train/lib/furniture-pages.ts";
import { strippedHtml } from "../train/article-gate.ts";
import { NOTICE_HTML_PAGES } from "./lib/notice-html-pages.ts";
import { defaultRules } from "../src/clean/index.ts";
import { finish } from "../src/clean/text.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { notLanguage } from "../src/ingest/index.ts";
import { wordCount } from "../src/text/article-text.ts";

const runHtml = (id: string, html: string, url: string | null): ArticleOutcome => prepareArticle(devSource(`${id}.html`, "html", html, url), { zone: "UTC" });
const fromLocate = defaultRules.slice(defaultRules.findIndex((r) => r.name === "locate-article"));

/** A stripped page's document through the build's rules from locate-article on and the build's checks (src/pipeline/article.ts): its headline when published (with "?" before it when the gate kept it with a doubt), else null. */
function publishedDoc(doc: TextDoc): string | null {
  for (const rule of fromLocate) rule.apply(doc);
  const r = finish(doc);
  if (r.rejected) return null;
  const words = wordCount(r.paragraphs);
  if (words < 15 || notLanguage([r.title, ...r.paragraphs].join("\n"))) return null;
  return `${r.messages.some(gateDoubt) ? "?" : ""}${r.title || doc.meta.title || ""}`;
}

/** The article gate's doubt warning: the page is published, but the build says it may not be an article. */
const gateDoubt = (m: { rule?: string; level: string }) => m.rule === "article-gate" && m.level === "warning";

const run = (id: string, text: string, url: string | null): ArticleOutcome => prepareArticle(devSource(`${id}.txt`, "text", text, url), { zone: "UTC" });
const show = process.env.PAGES === "1";
/** HALF=tune: the tuning half alone (to choose between trials before any checking figure is read). */
const halves = process.env.HALF === "tune" ? HALVES.filter((h) => h === "tune") : HALVES;
/** URL_ONLY=1: the pages with their URL alone (half the time; nt80's draws). */
const urlForms = process.env.URL_ONLY === "1" ? [true] : [true, false];

const real = distinctPages(loadExtraction(), loadWebpages());
const dates = loadDates();

interface Counts { pages: number; refused: number; realDoubted: number; datesPages: number; datesRefused: number; stripped: number; strippedPublished: number; strippedDoubted: number; strippedTitled: number; gold: number; goldPublished: number; notices: number; noticesPublished: number; noticesTitled: number; noticesDoubted: number }

const half = (h: Half, withUrl: boolean): Counts => {
  const c: Counts = { pages: 0, refused: 0, realDoubted: 0, datesPages: 0, datesRefused: 0, stripped: 0, strippedPublished: 0, strippedDoubted: 0, strippedTitled: 0, gold: 0, goldPublished: 0, notices: 0, noticesPublished: 0, noticesTitled: 0, noticesDoubted: 0 };
  const lines: string[] = [];
  const url = (p: DevPage) => (withUrl ? p.url : null);
  for (const p of real.filter((q) => q.half === h)) {
    c.pages++;
    const o = run(p.id, p.text, url(p));
    if (!("article" in o)) (c.refused++, lines.push(`  real refused ${p.set} ${p.id.slice(0, 8)}: ${o.rejected.rule}`));
    else if (o.article.messages.some(gateDoubt)) (c.realDoubted++, lines.push(`  real published with the gate's doubt ${p.set} ${p.id.slice(0, 8)}`));
    const stripped = strippedDump(p);
    if (tokens(stripped).length === 0) continue;
    c.stripped++;
    if (p.set === "extraction") c.gold++;
    const s = run(p.id, stripped, url(p));
    if ("article" in s) {
      c.strippedPublished++;
      if (p.set === "extraction") c.goldPublished++;
      if (s.article.titleFromText) c.strippedTitled++;
      if (s.article.messages.some(gateDoubt)) c.strippedDoubted++;
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
      if (o.article.messages.some(gateDoubt)) c.noticesDoubted++;
      lines.push(`  notice published${o.article.messages.some(gateDoubt) ? " with the gate's doubt" : ", reaching the feeds"} ${n.id} (${n.kind})${o.article.titleFromText ? " (headline from text)" : ""}: ${o.article.title.slice(0, 90)}`);
    }
  }
  if (show && h === "tune") console.log(lines.join("\n"));
  return c;
};

interface HtmlCounts { pages: number; refused: number; realDoubted: number; datesPages: number; datesRefused: number; stripped: number; strippedPublished: number; gold: number; goldPublished: number; written: number; writtenPublished: number; served: number; servedPublished: number; doubted: { stripped: number; written: number; served: number } }

const htmlHalf = (h: Half, withUrl: boolean): HtmlCounts => {
  const c: HtmlCounts = { pages: 0, refused: 0, realDoubted: 0, datesPages: 0, datesRefused: 0, stripped: 0, strippedPublished: 0, gold: 0, goldPublished: 0, written: 0, writtenPublished: 0, served: 0, servedPublished: 0, doubted: { stripped: 0, written: 0, served: 0 } };
  const lines: string[] = [];
  const url = (p: DevPage) => (withUrl ? p.url : null);
  for (const p of real.filter((q) => q.half === h && q.html)) {
    c.pages++;
    const o = runHtml(p.id, p.html, url(p));
    if (!("article" in o)) (c.refused++, lines.push(`  html real refused ${p.set} ${p.id.slice(0, 8)}: ${o.rejected.rule}`));
    else if (o.article.messages.some(gateDoubt)) (c.realDoubted++, lines.push(`  html real published with the gate's doubt ${p.set} ${p.id.slice(0, 8)}`));
    const doc = strippedHtml(p, url(p));
    if (!doc) continue;
    c.stripped++;
    if (p.set === "extraction") c.gold++;
    const title = publishedDoc(doc);
    if (title?.startsWith("?")) c.doubted.stripped++;
    if (title !== null && p.set === "extraction") c.goldPublished++;
    if (title !== null) (c.strippedPublished++, lines.push(`  html stripped published ${p.set} ${p.id.slice(0, 8)}: ${title.slice(0, 90)}`));
  }
  for (const p of dates.filter((q) => q.half === h && q.html)) {
    c.datesPages++;
    const o = runHtml(p.id, p.html, url(p));
    if (!("article" in o)) (c.datesRefused++, lines.push(`  html dates-dev refused ${p.id.slice(0, 8)}: ${o.rejected.rule}`));
  }
  for (const n of NOTICE_HTML_PAGES.filter((q) => q.half === h)) {
    const written = n.group === "written";
    written ? c.written++ : c.served++;
    const o = runHtml(n.id, n.html, withUrl ? `https://news.example/${n.id}` : null);
    if ("article" in o) {
      written ? c.writtenPublished++ : c.servedPublished++;
      if (o.article.messages.some(gateDoubt)) c.doubted[n.group]++;
      lines.push(`  html notice published${o.article.messages.some(gateDoubt) ? " with the gate's doubt" : ", reaching the feeds"} ${n.id} (${n.kind}): ${o.article.title.slice(0, 90)}`);
    }
  }
  if (show && h === "tune") console.log(lines.join("\n"));
  return c;
};

for (const withUrl of urlForms) {
  for (const h of halves) {
    const c = half(h, withUrl);
    console.log(
      `${h === "tune" ? "tuning" : "checking"} half, ${withUrl ? "with URL" : "without URL"}: real refused ${c.refused}/${c.pages} (published with the gate's doubt ${c.realDoubted}), dates-dev refused ${c.datesRefused}/${c.datesPages}; ` +
        `stripped published ${c.strippedPublished}/${c.stripped} (headline from text ${c.strippedTitled}, with the gate's doubt ${c.strippedDoubted}; extraction-dev ${c.goldPublished}/${c.gold}); notices published ${c.noticesPublished}/${c.notices} (headline from text ${c.noticesTitled}, with the gate's doubt ${c.noticesDoubted}); ` +
        `reaching the feeds alone (published without the doubt): stripped ${c.strippedPublished - c.strippedDoubted}, notices ${c.noticesPublished - c.noticesDoubted}`,
    );
  }
}

for (const withUrl of urlForms) {
  for (const h of halves) {
    const c = htmlHalf(h, withUrl);
    console.log(
      `${h === "tune" ? "tuning" : "checking"} half, HTML, ${withUrl ? "with URL" : "without URL"}: real refused ${c.refused}/${c.pages} (published with the gate's doubt ${c.realDoubted}), dates-dev refused ${c.datesRefused}/${c.datesPages}; ` +
        `stripped published ${c.strippedPublished}/${c.stripped} (with the gate's doubt ${c.doubted.stripped}; extraction-dev ${c.goldPublished}/${c.gold}); written notices published ${c.writtenPublished}/${c.written} (doubt ${c.doubted.written}), served notices published ${c.servedPublished}/${c.served} (doubt ${c.doubted.served}); ` +
        `reaching the feeds alone (published without the doubt): stripped ${c.strippedPublished - c.doubted.stripped}, notices ${c.writtenPublished - c.doubted.written} + ${c.servedPublished - c.doubted.served}`,
    );
  }
}
