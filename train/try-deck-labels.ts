// `npx tsx train/try-deck-labels.ts`: the silver standfirst labels of train/lib/deck-labels.ts (sf59, stop 59, issue 8)
// on the TUNING half only (the checking half's pages are never read for labels): how many pages get one, by what
// marked it (a description meta or a class word), how many of them the located body's anchor stands on, and SHOW=n
// pages printed for a check by eye (the standfirst, the line above it and the first paragraph under it).
import { defaultRules, prepare } from "../src/clean/index.ts";
import { bodyAnchor } from "../src/clean/headline-features.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { htmlPathBody } from "./lib/clean-items.ts";
import { deckLabel } from "./lib/deck-labels.ts";

const upTo = defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "find-headline"));
const seen = new Set<string>();
const pages = [...loadExtraction(), ...loadWebpages(), ...loadDates()].filter((p) => p.half === "tune" && !seen.has(p.id) && seen.add(p.id));
let labelled = 0, onAnchor = 0, withBody = 0, lines = 0;
const how = new Map<string, number>();
const shown: string[] = [];
for (const page of pages) {
  const body = page.truth ?? htmlPathBody(page);
  if (!body) continue;
  withBody++;
  const { doc } = prepare(devSource(page.id, "text", page.text, null));
  for (const rule of upTo) rule.apply(doc);
  if (doc.noArticle) continue;
  const label = deckLabel(doc, page.html, body);
  const gold = goldHeadline(page.html);
  if (label) label.decks = label.decks.filter((i) => !gold || headlineF1(doc.lines[i]!.text, gold) < AGREES);
  if (!label || !label.decks.length) continue;
  labelled++;
  lines += label.decks.length;
  for (const h of new Set(label.how)) how.set(h, (how.get(h) ?? 0) + 1);
  const a = bodyAnchor(doc);
  if (label.decks.includes(a)) onAnchor++;
  if (shown.length < Number(process.env.SHOW ?? 30)) {
    const s = label.decks[label.decks.length - 1]!;
    const t = (i: number) => JSON.stringify(doc.lines[i]?.text.slice(0, 90) ?? "");
    shown.push(`${page.set} ${page.id} [${label.how.join(",")}] anchor ${a}${label.decks.includes(a) ? " (on it)" : ""}\n  above ${s - 1}: ${t(s - 1)}\n  DECK  ${s}: ${t(s)}\n  FIRST ${label.first}: ${t(label.first)}`);
  }
}
console.log(`tuning pages with a body ${withBody}; with a silver standfirst ${labelled} (${lines} lines); the located anchor on it ${onAnchor}`);
console.log(`marked by: ${[...how].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(shown.join("\n"));
