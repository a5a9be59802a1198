// `npx tsx train/try-headline-url-body.ts` (hl64, stop 64): is the no-URL headline's loss the body's location? The block
// model reads the URL's slug (block-features.ts slug-share, slug-near), so a dump without its URL may have its body found
// elsewhere. Each text dump with a URL and a gold headline is cleaned up to find-headline twice, with and without its URL;
// then the no-URL headline pair picks on each of the two bodies (the URL taken away before the pick). Counts only, per
// half (the checking half is never listed), committed models (the tuning half in-sample). Writes nothing.
import { defaultRules, prepare } from "../src/clean/index.ts";
import { bodyAnchor } from "../src/clean/headline-features.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";

const find = defaultRules.findIndex((r) => r.name === "find-headline");
const before = defaultRules.slice(0, find);

/** The page cleaned up to find-headline with `url` (or none), then its headline picked as a page without a URL. */
function pick(id: string, text: string, url: string | null, gold: string): { anchor: number; right: boolean } {
  const { doc } = prepare(devSource(id, "text", text, url));
  for (const rule of before) rule.apply(doc);
  const anchor = doc.noArticle ? -1 : bodyAnchor(doc);
  doc.meta.url = null;
  defaultRules[find]!.apply(doc);
  return { anchor, right: doc.title >= 0 && headlineF1(doc.lines[doc.title]!.text, gold) >= AGREES };
}

const seen = new Set<string>();
const rows = new Map<string, [number, number]>();
const totals = { tune: [0, 0, 0], check: [0, 0, 0] };
for (const page of [...loadExtraction(), ...loadWebpages(), ...loadDates()]) {
  // A page two sets share counts once, as eval:headlines' "all" column.
  if (seen.has(page.id) || !page.text.trim() || !page.url) continue;
  seen.add(page.id);
  const gold = goldHeadline(page.html);
  if (!gold) continue;
  const own = pick(page.id, page.text, null, gold);
  const urlBody = pick(page.id, page.text, page.url, gold);
  const key = `anchor ${own.anchor === urlBody.anchor ? "the same" : "moved"}; picked on its own body ${own.right ? "right" : "wrong"}, on the URL's body ${urlBody.right ? "right" : "wrong"}`;
  const c = rows.get(key) ?? [0, 0];
  c[page.half === "tune" ? 0 : 1]++;
  rows.set(key, c);
  const t = totals[page.half];
  t[0]++;
  if (own.right) t[1]++;
  if (urlBody.right) t[2]++;
}
console.log("text dumps with a URL, the headline picked without it (tuning · checking):");
for (const [key, [a, b]] of [...rows].sort()) console.log(`  ${key.padEnd(84)} ${a} · ${b}`);
const f = (t: number[]) => `${t[1]}/${t[0]} on its own body, ${t[2]}/${t[0]} on the URL's body`;
console.log(`  tuning ${f(totals.tune)}; checking ${f(totals.check)}`);
