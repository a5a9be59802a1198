// `npx tsx train/try-headline-anchor.ts`: how many text-dump headline misses are the body's location rather than the
// headline model (stop 58, hl58). Each page (both halves, with and without its URL) is cleaned as the build does up to
// find-headline, and its pick made twice by the committed headline models: once as located, once with the body's
// anchor moved to the teacher's first line (the first dump line of 8+ words whose 4-gram shingles the true body holds
// at half or more: extraction-dev's article_body, else the HTML path's body, train/lib/clean-items.ts htmlPathBody).
// Counts per half and URL: right as located, right with the teacher's anchor, gained, lost, and the pages whose anchor
// moved. SHOW=1 lists the tuning pages that move. Nothing src could do: the teacher reads the page's HTML.
import { defaultRules, prepare } from "../src/clean/index.ts";
import { bodyAnchor } from "../src/clean/headline-features.ts";
import { pickHeadline } from "../src/clean/headline-model.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { AGREES, headlineF1, shingles } from "../eval/lib/extraction-score.ts";
import { coverOf, htmlPathBody } from "./lib/clean-items.ts";

const upTo = defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "find-headline"));
const MIN_WORDS = Number(process.env.MIN_WORDS ?? 8);

/** The doc with its core starting on line t (kept), the rest as located. */
function anchoredAt(doc: TextDoc, t: number): TextDoc {
  const lines = doc.lines.map((l) => ({ ...l }));
  lines[t]!.drop = null;
  const [, to] = doc.core ?? [doc.start, doc.end];
  return { ...doc, lines, core: [t, to > t ? to : lines.length], start: Math.min(doc.start, t), end: Math.max(doc.end, t + 2) };
}

function teacherLine(page: DevPage, doc: TextDoc): number {
  const body = page.truth ?? htmlPathBody(page);
  if (!body) return -1;
  const sh = shingles(body);
  return doc.lines.findIndex((l) => l.words >= MIN_WORDS && coverOf(l.text, sh) >= 0.5);
}

// A page two sets share counts once, as eval:headlines' "all" counts it: its first copy with a gold headline.
const seen = new Set<string>();
const pages = [...loadExtraction(), ...loadWebpages(), ...loadDates()].filter((p) => !seen.has(p.id) && !!goldHeadline(p.html) && seen.add(p.id));
type Tally = { pages: number; right: number; teacher: number; gained: number; lost: number; moved: number; noTeacher: number };
const tallies = new Map<string, Tally>();
for (const page of pages) {
  const gold = goldHeadline(page.html);
  if (!gold) continue;
  for (const withUrl of [true, false]) {
    // A page the set gives no URL is read without one on both rows, as eval:headlines reads it.
    const url = withUrl ? page.url : null;
    const key = `${page.half} ${withUrl ? "with URL" : "without"}`;
    const t = tallies.get(key) ?? { pages: 0, right: 0, teacher: 0, gained: 0, lost: 0, moved: 0, noTeacher: 0 };
    tallies.set(key, t);
    t.pages++;
    const { doc } = prepare(devSource(page.id, "text", page.text, url));
    for (const rule of upTo) rule.apply(doc);
    if (doc.noArticle) continue;
    const pick = pickHeadline(doc);
    const ok = pick >= 0 && headlineF1(doc.lines[pick]!.text, gold) >= AGREES;
    const line = teacherLine(page, doc);
    if (line < 0) {
      t.noTeacher++;
      if (ok) (t.right++, t.teacher++);
      continue;
    }
    const moved = anchoredAt(doc, line);
    const anchorMoved = bodyAnchor(moved) !== bodyAnchor(doc);
    const pick2 = pickHeadline(moved);
    const ok2 = pick2 >= 0 && headlineF1(moved.lines[pick2]!.text, gold) >= AGREES;
    if (anchorMoved) t.moved++;
    if (ok) t.right++;
    if (ok2) t.teacher++;
    if (ok2 && !ok) t.gained++;
    if (ok && !ok2) t.lost++;
    if (process.env.SHOW && page.half === "tune" && ok !== ok2) {
      console.log(`${ok2 ? "gained" : "lost"} ${key} ${page.set} ${page.id}: anchor ${bodyAnchor(doc)} -> ${bodyAnchor(moved)}; ${JSON.stringify(doc.lines[pick]?.text.slice(0, 60) ?? "")} -> ${JSON.stringify(moved.lines[pick2]?.text.slice(0, 60) ?? "")}; gold ${JSON.stringify(gold.slice(0, 60))}`);
    }
  }
}
for (const [key, t] of [...tallies].sort()) {
  console.log(`${key}: ${t.pages} pages; right as located ${t.right}, with the teacher's anchor ${t.teacher} (gained ${t.gained}, lost ${t.lost}); anchor moved on ${t.moved}, no teacher line on ${t.noTeacher}`);
}
