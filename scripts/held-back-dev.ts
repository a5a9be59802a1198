// npx tsx scripts/held-back-dev.ts: how many dev pages a build would hold back (src/digest `heldBack`: published, but
// with the article gate's doubt, so alone in a story they are in no feed), per half and input path, with the URL:
// real pages (extraction-dev and webpages-dev, each page once), dates-dev's pages, and the notice pages. Counts only,
// never a checking-half page by name.
import { prepareArticle } from "../src/pipeline/article.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { distinctPages, loadDates, loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { NOTICE_PAGES } from "../eval/lib/notice-pages.ts";
import { NOTICE_HTML_PAGES } from "../eval/lib/notice-html-pages.ts";
import { HALVES } from "../eval/lib/split.ts";

type Path = "text" | "html";
const held = (id: string, path: Path, body: string, url: string | null): "held" | "published" | "refused" => {
  const o = prepareArticle(devSource(`${id}.${path === "text" ? "txt" : "html"}`, path, body, url), { zone: "UTC" });
  return !("article" in o) ? "refused" : o.article.doubt !== undefined ? "held" : "published";
};
const count = (label: string, rows: readonly { id: string; body: string; url: string | null }[], path: Path) => {
  const c = { held: 0, published: 0, refused: 0 };
  for (const r of rows) c[held(r.id, path, r.body, r.url)]++;
  return `${label} ${c.held} held back of ${c.held + c.published} published (${rows.length} pages)`;
};
const real = distinctPages(loadExtraction(), loadWebpages());
const dates = loadDates();
for (const h of HALVES) {
  const pages = (list: readonly DevPage[], path: Path) => list.filter((p) => p.half === h && (path === "text" || p.html)).map((p) => ({ id: p.id, body: path === "text" ? p.text : p.html!, url: p.url }));
  for (const path of ["text", "html"] as const) {
    const notices = path === "text" ? NOTICE_PAGES.filter((n) => n.half === h).map((n) => ({ id: n.id, body: n.text, url: `https://news.example/${n.id}` })) : NOTICE_HTML_PAGES.filter((n) => n.half === h).map((n) => ({ id: n.id, body: n.html, url: `https://news.example/${n.id}` }));
    console.log(`${h} ${path}: ${[count("real", pages(real, path), path), count("dates-dev", pages(dates, path), path), count("notices", notices, path)].join("; ")}`);
  }
}
