// `npx tsx train/try-gate-ratios.ts` (nt70, stop 70): where each of the two article gate models (src/clean/rules/article-gate.ts:
// the one fitted on real and stripped pages, and `notices`, fitted with the tuning notice pages too) puts the pages that
// decide the gate, as its probability over its own threshold (under 1: refused; under 2: kept with the doubt warning).
// Text dumps and HTML, with the URL: the real pages of extraction-dev and webpages-dev (the lowest 8 by the lower of the
// two ratios) and the written notice pages (eval/lib/notice-pages.ts, notice-html-pages.ts), each half. Tuning pages are
// named; the checking half's are sorted numbers only (never read one by one). Pages refused before the gate are left out.
// Committed weights; writes nothing.
import { prepare, defaultRules } from "../src/clean/index.ts";
import { articleGateModel, htmlArticleGateModel, articleGateRow, type GateModel, gateProbability } from "../src/clean/rules/article-gate.ts";
import { loadExtraction, loadWebpages, distinctPages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { NOTICE_PAGES } from "../eval/lib/notice-pages.ts";
import { NOTICE_HTML_PAGES } from "../eval/lib/notice-html-pages.ts";
import { HALVES } from "../eval/lib/split.ts";


/** The page's ratio to each model's threshold (the first model's, then the notice model's), or null when a rule before the gate refuses it. */
function ratios(path: "text" | "html", id: string, input: string, url: string | null): { id: string; plain: number; notices: number } | null {
  const m = path === "text" ? articleGateModel() : htmlArticleGateModel();
  const { doc } = prepare(devSource(id, path, input, url));
  for (const rule of defaultRules) {
    if (rule.name === "article-gate") {
      const x = articleGateRow(doc);
      return x ? { id, plain: gateProbability(m, x) / m.threshold, notices: m.notices ? gateProbability(m.notices, x) / m.notices.threshold : Infinity } : null;
    }
    rule.apply(doc);
    if (doc.noArticle) return null;
  }
  return null;
}

const real = distinctPages(loadExtraction(), loadWebpages());
for (const path of ["text", "html"] as const) {
  for (const half of HALVES) {
    const show = (r: { id: string; plain: number; notices: number }) => `${half === "tune" ? `${/^[0-9a-f]{16}$/.test(r.id) ? r.id.slice(0, 8) : r.id} ` : ""}${r.plain.toFixed(2)}/${r.notices.toFixed(2)}`;
    const low = (rs: ({ id: string; plain: number; notices: number } | null)[]) =>
      rs.filter((r) => r !== null).sort((a, b) => Math.min(a.plain, a.notices) - Math.min(b.plain, b.notices));
    const pages = low(real.filter((p) => p.half === half && (path === "text" || p.html)).map((p) => ratios(path, p.id, path === "text" ? p.text : p.html, p.url)));
    console.log(`${path}, ${half === "tune" ? "tuning" : "checking"} half, real pages judged ${pages.length}, the lowest 8 (plain/notices): ${pages.slice(0, 8).map(show).join("  ")}`);
    const notices = low(
      path === "text"
        ? NOTICE_PAGES.filter((n) => n.half === half).map((n) => ratios(path, n.id, n.text, `https://news.example/${n.id}`))
        : NOTICE_HTML_PAGES.filter((n) => n.half === half).map((n) => ratios(path, n.id, n.html, `https://news.example/${n.id}`)),
    );
    console.log(`${path}, ${half === "tune" ? "tuning" : "checking"} half, notices judged ${notices.length} (plain/notices): ${notices.map(show).join("  ")}`);
  }
}
