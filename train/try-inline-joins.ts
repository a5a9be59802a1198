// `npx tsx train/try-inline-joins.ts [--list]` (hb69, stop 69): how often a skipped inline element (a script,
// an icon, a button, an image...) stood inside a block's text and cut it in two, on the HTML pages of
// extraction-dev, webpages-dev and dates-dev, by half: the joins by element name, the pages, the joined blocks
// that are headings or print the page's reconciled headline, the joined blocks whose words are mostly the gold
// body's (extraction-dev), and the webpages-dev `with` snippets that only a joined block holds. Blocks before
// the fix come from the starting commit's html-blocks.ts (BASE=/work/wt/base69). `--list` prints the tuning
// half's joined blocks one by one (the checking half is counted, never listed).
import { resolve } from "node:path";
import { parsePage } from "../src/clean/dom.ts";
import { parseHtml } from "../src/clean/html.ts";
import { collapse, pageBlocks } from "../src/clean/html-blocks.ts";
import { headlineTokens, tokenF1 } from "../src/clean/headline.ts";
import { loadDates, loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { HALVES, type Half } from "../eval/lib/split.ts";

const base = resolve(process.env.BASE ?? "/work/wt/base69");
const before = (await import(`${base}/src/clean/html-blocks.ts`)) as { pageBlocks: (root: ReturnType<typeof parsePage>) => { text: string }[] };
const list = process.argv.includes("--list");

interface Tally {
  pages: number;
  pagesJoined: number;
  joins: Map<string, number>;
  joinedBlocks: number;
  headingBlocks: number;
  headlineBlocks: number;
  bodyBlocks: number;
  bodyPages: number;
  snippets: number;
}
const tally = (): Tally => ({ pages: 0, pagesJoined: 0, joins: new Map(), joinedBlocks: 0, headingBlocks: 0, headlineBlocks: 0, bodyBlocks: 0, bodyPages: 0, snippets: 0 });
const sets: Record<string, Record<Half, Tally>> = {};

const WORD = /[\p{L}\p{N}_]+/gu;
const squash = (s: string) => s.replace(/\s+/g, "");

for (const page of [...loadExtraction(), ...loadWebpages(), ...loadDates()] as DevPage[]) {
  const t = ((sets[page.set] ??= { tune: tally(), check: tally() })[page.half]);
  t.pages++;
  const names: string[] = [];
  const after = pageBlocks(parsePage(page.html), (n) => names.push(n));
  if (names.length === 0) continue;
  t.pagesJoined++;
  for (const n of names) t.joins.set(n, (t.joins.get(n) ?? 0) + 1);
  const old = new Set(before.pageBlocks(parsePage(page.html)).map((b) => b.text));
  const oldSquashed = [...old].map(squash);
  const title = parseHtml(page.html, page.url).meta.title ?? "";
  const truth = page.truth ? new Set(page.truth.toLowerCase().match(WORD) ?? []) : null;
  let bodyHere = false;
  for (const b of after) {
    if (old.has(b.text)) continue;
    t.joinedBlocks++;
    const heading = b.dom.level > 0;
    const headline = title !== "" && tokenF1(headlineTokens(b.text), headlineTokens(title)) >= 0.8;
    if (heading) t.headingBlocks++;
    if (headline) t.headlineBlocks++;
    let inBody = false;
    if (truth) {
      const own = b.text.toLowerCase().match(WORD) ?? [];
      inBody = own.length > 0 && own.filter((w) => truth.has(w)).length / own.length >= 0.8;
      if (inBody) (t.bodyBlocks++, (bodyHere = true));
    }
    for (const s of page.with ?? []) {
      const want = squash(collapse(s));
      if (squash(b.text).includes(want) && !oldSquashed.some((o) => o.includes(want))) t.snippets++;
    }
    if (list && page.half === "tune") console.log(`${page.set} ${page.id} [${names.join(",")}]${heading ? " heading" : ""}${headline ? " headline" : ""}${inBody ? " body" : ""}: ${b.text.slice(0, 160)}`);
  }
  if (bodyHere) t.bodyPages++;
}

for (const [set, halves] of Object.entries(sets)) {
  for (const half of HALVES) {
    const t = halves[half];
    const names = [...t.joins].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n, k]) => `${n} ${k}`).join(", ");
    console.log(
      `${set} ${half}: ${t.pagesJoined}/${t.pages} pages; joins ${[...t.joins.values()].reduce((a, b) => a + b, 0)} (${names}); joined blocks ${t.joinedBlocks}, headings ${t.headingBlocks}, ` +
        `printing the headline ${t.headlineBlocks}${t.bodyBlocks || set === "extraction" ? `, in the gold body ${t.bodyBlocks} on ${t.bodyPages} pages` : ""}${set === "webpages" ? `, with-snippets only a joined block holds ${t.snippets}` : ""}`,
    );
  }
}
