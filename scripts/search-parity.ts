// Whether a site whose search index is split into bundles finds what one index finds: the same queries,
// in headless Chromium, against SITE_ONE (built with one bundle) and SITE_MANY (the same articles, many
// bundles), through the search page's own module (/search/pagefind.js) and, for comparison, through
// Pagefind's mergeIndex alone. Queries are made from the one-bundle site's headlines: single words, the
// same words with a suffix (stemmed forms, prefixes), pairs of words, and words no page holds.
// Order is counted twice: as listed, and up to ties (pages of equal score on one index, which Pagefind
// lists in no order a merge could follow: its sort is unstable).
//   npx tsx scripts/search-parity.ts SITE_ONE SITE_MANY [--every 80]   (PARITY_TRACE=1: each query as it runs)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Page } from "playwright-core";
import { serveFolder } from "../src/cli/serve.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { every: { type: "string", default: "80" } } });
const [siteOne, siteMany] = positionals;
if (!siteOne || !siteMany) throw new Error("usage: search-parity.ts SITE_ONE SITE_MANY");

/** The site's bundles in the order its search page merges them (that order breaks ties). */
const bundleFolders = (site: string): string[] => {
  const merge = /mergeIndex: (\[[^\]]*\])/.exec(readFileSync(join(site, "search/index.html"), "utf8"))?.[1];
  if (!merge) throw new Error(`${site}/search/index.html names no search bundles`);
  return (JSON.parse(merge) as Array<{ bundlePath: string }>).map((b) => b.bundlePath);
};

function queries(site: string, every: number): string[] {
  const stories = readdirSync(join(site, "stories")).sort();
  const headlines = stories.filter((_, i) => i % every === 0).map((s) => /<h1[^>]*>([^<]*)<\/h1>/.exec(readFileSync(join(site, "stories", s, "index.html"), "utf8"))?.[1] ?? "");
  const words = headlines.map((h) => h.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4));
  const out = new Set<string>();
  words.forEach((ws, i) => {
    const [a, b] = ws;
    if (!a) return;
    out.add(a);
    out.add(`${a}s`);
    out.add(`${a}ing`);
    out.add(a.slice(0, Math.max(3, a.length - 2)));
    out.add(`${a}zq`);
    if (b) out.add(`${a} ${b}`);
    const other = words[(i + 1) % words.length]?.at(-1);
    if (other) out.add(`${a} ${other}`);
    if (other) out.add(`${a} ${other}zq`);
  });
  return [...out];
}

type Mode = "module" | "mergeIndex";

/** Each page's place among one index's results, pages of equal score (to float32 precision, which Pagefind scores in) sharing one. */
function tieRanks(found: Found[]): Map<string, number> {
  const rank = new Map<string, number>();
  let group = -1;
  found.forEach((r, i) => {
    if (i === 0 || Math.abs(r.score - found[i - 1]!.score) > 1e-6 * Math.max(1, Math.abs(r.score))) group = i;
    rank.set(r.url, group);
  });
  return rank;
}

// One page for each site and way, its queries one after the other (as a reader's would go): Pagefind's
// prefix matching sees only the index chunks loaded so far, so a query can find more after others.
const pages = new Map<string, Page>();
interface Found {
  url: string;
  score: number;
}
async function results(origin: string, mode: Mode, bundles: string[], query: string): Promise<Found[]> {
  let page = pages.get(`${origin} ${mode}`);
  if (!page) {
    page = await browser.newPage();
    page.on("requestfailed", (r) => console.log(`  request failed (${origin} ${mode}): ${r.url()}: ${r.failure()?.errorText}`));
    page.on("console", (m) => m.type() === "error" && console.log(`  console (${origin} ${mode}): ${m.text()}`));
    await page.goto(`${origin.replace(/\/$/, "")}/about/`);
    pages.set(`${origin} ${mode}`, page);
  }
  return page.evaluate(
    async ({ mode, bundles, query }) => {
      const key = `__search_${mode}`;
      const w = window as unknown as Record<string, { search(q: string): Promise<{ results: Array<{ score: number; data(): Promise<{ url: string }> }> }> }>;
      if (!w[key]) {
        const path = mode === "module" ? "/search/pagefind.js" : `${bundles[0]}pagefind.js`;
        const pf = await import(path);
        await pf.options({ baseUrl: "/" });
        for (const bundle of mode === "module" ? bundles : bundles.slice(1)) await pf.mergeIndex(bundle, {});
        w[key] = pf;
      }
      const answer = await w[key]!.search(query);
      // A few at a time, as Pagefind's UI loads them: Chromium refuses a page thousands of requests at
      // once (net::ERR_INSUFFICIENT_RESOURCES, seen by the search as "Failed to fetch").
      const found: Array<{ url: string; score: number }> = [];
      for (let i = 0; i < answer.results.length; i += 50) found.push(...(await Promise.all(answer.results.slice(i, i + 50).map((r) => r.data().then((d) => ({ url: d.url, score: r.score }))))));
      return found;
    },
    { mode, bundles, query },
  );
}

const { server: s1, url: u1 } = await serveFolder({ root: siteOne, port: 0, host: "127.0.0.1" });
const { server: s2, url: u2 } = await serveFolder({ root: siteMany, port: 0, host: "127.0.0.1" });
const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
try {
  const manyBundles = bundleFolders(siteMany);
  const list = queries(siteOne, Number(values.every));
  console.log(`${list.length} queries; one site: ${bundleFolders(siteOne).length} bundle(s); many: ${manyBundles.length} bundles`);
  const tally: Record<Mode, { sets: number; wrong: number; missing: number; order: number; top: number; orderBeyondTies: number; topBeyondTies: number }> = {
    module: { sets: 0, wrong: 0, missing: 0, order: 0, top: 0, orderBeyondTies: 0, topBeyondTies: 0 },
    mergeIndex: { sets: 0, wrong: 0, missing: 0, order: 0, top: 0, orderBeyondTies: 0, topBeyondTies: 0 },
  };
  let empty = 0;
  const kindOf = (q: string) => (q.includes("zq") ? "with a word no page holds" : q.includes(" ") ? "two words" : "one word");
  const kinds: Record<string, { queries: number; differ: Record<Mode, number> }> = {};
  for (const [n, query] of list.entries()) {
    if (process.env.PARITY_TRACE) console.log(`  query ${n}: "${query}"`);
    const scored = await results(u1, "module", bundleFolders(siteOne), query);
    const reference = scored.map((r) => r.url);
    const rank = tieRanks(scored);
    if (!reference.length) empty++;
    const kind = (kinds[kindOf(query)] ??= { queries: 0, differ: { module: 0, mergeIndex: 0 } });
    kind.queries++;
    for (const mode of ["module", "mergeIndex"] as const) {
      const got = (await results(u2, mode, manyBundles, query)).map((r) => r.url);
      const ref = new Set(reference);
      const has = new Set(got);
      const wrong = got.filter((u) => !ref.has(u)).length;
      const missing = reference.filter((u) => !has.has(u)).length;
      const t = tally[mode];
      if (wrong || missing) {
        t.sets++;
        kind.differ[mode]++;
        t.wrong += wrong;
        t.missing += missing;
        if (mode === "module") console.log(`  differs (${mode}): "${query}": ${wrong} wrong, ${missing} missing of ${reference.length}`);
      } else {
        if (got.join() !== reference.join()) t.order++;
        if (got[0] !== reference[0]) t.top++;
        const beyond = got.some((u, i) => i > 0 && rank.get(u)! < rank.get(got[i - 1]!)!);
        if (beyond) t.orderBeyondTies++;
        if (got.length && rank.get(got[0]!) !== 0) t.topBeyondTies++;
        if (beyond && mode === "module") console.log(`  order (${mode}): "${query}": another order than one index's beyond pages of equal score`);
      }
    }
  }
  console.log(`queries with no results on one index: ${empty}`);
  for (const [name, k] of Object.entries(kinds)) console.log(`  ${name}: ${k.queries} queries; other pages found: module ${k.differ.module}, mergeIndex ${k.differ.mergeIndex}`);
  for (const [mode, t] of Object.entries(tally))
    console.log(
      `${mode}: ${t.sets} of ${list.length} queries find other pages (${t.wrong} wrong, ${t.missing} missing); of the rest, ${t.order} in another order (${t.orderBeyondTies} beyond ties), ${t.top} with another first result (${t.topBeyondTies} beyond ties)`,
    );
} finally {
  await browser.close();
  s1.close();
  s2.close();
}
