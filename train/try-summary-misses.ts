// `npx tsx train/try-summary-misses.ts [tune|check] [--show]`: where the 100-word summaries of events-dev
// (each event's whole coverage) lose pyramid weight (eval/lib/summary-measures.ts pyramid: content-word pairs
// weighted by how many articles hold them). Per event: the summary's pyramid, what its sentences spend their
// pairs on, and the widely reported pairs (held by at least half of the articles) it leaves out. Causes are
// counted over the half's events, a sentence by the first that applies:
//   one outlet's detail: most of its content pairs are in no other article (weight < 2);
//   background: it stands past its article's 5th sentence;
//   quote: it holds a quotation mark or a "said"-like verb;
//   long: more than 35 words;
//   shared: none of these (it is what the pyramid rewards).
// Finer kinds are counted apart as well (a sentence may be in several): openings (an article's first
// sentence), quotes (half the words or more inside quotation marks), attributed statements, and quotes or
// attributed statements half of whose pairs the summary's earlier sentences told. "per word" is the summed
// weight of a kind's pairs held by two articles or more over its words.
// SUMMARISER=path/to/summarise/index.ts reads another implementation.
import { fileURLToPath } from "node:url";
import { summarise as current, type SummaryInput, type SummaryOptions } from "../src/summarise/index.ts";
import { pyramid } from "../eval/lib/summary-measures.ts";
import { rougeTokens } from "../eval/lib/rouge.ts";
import { STOP_WORDS } from "../src/text/words.ts";
import { datelineLength, splitSentences } from "../src/text/sentences.ts";
import type { EventRow } from "../eval/lib/merge-set.ts";
import { halfOf, type Half } from "../eval/lib/split.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

type Summarise = (articles: SummaryInput[], options?: SummaryOptions) => string[];
const summarise: Summarise = process.env.SUMMARISER ? ((await import(process.env.SUMMARISER)) as { summarise: Summarise }).summarise : current;
const half = (process.argv[2] ?? "tune") as Half;
const show = process.argv.includes("--show");
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const events = readJsonl<EventRow>(`${corpus}events-dev.jsonl`);
const byEvent = new Map<string, EventRow[]>();
for (const r of events) byEvent.set(r.cluster, [...(byEvent.get(r.cluster) ?? []), r]);

const content = (s: string) => rougeTokens(s).filter((t) => !STOP_WORDS.has(t));
const pairsOf = (xs: string[]) => new Set(xs.slice(1).map((x, i) => `${xs[i]} ${x}`));
const QUOTE = /["“”]|\b(?:said|says|told|added|according)\b/iu;
/** The share of a sentence's words inside quotation marks (curly or straight; one left open runs to the end). */
function quotedShare(text: string): number {
  let inside = false;
  let words = 0;
  let quoted = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+|["“”]/gu)) {
    if (m[0] === "“") inside = true;
    else if (m[0] === "”") inside = false;
    else if (m[0] === '"') inside = !inside;
    else {
      words++;
      if (inside) quoted++;
    }
  }
  return words === 0 ? 0 : quoted / words;
}
const causes = new Map<string, { sentences: number; words: number; weight: number; pairs: number }>();
const missedCount = { events: 0, pairs: 0 };
let sum = 0;
let n = 0;
for (const [id, rows] of [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (halfOf(String(rows[0]!.topic)) !== half) continue;
  const inputs = rows.map((a) => ({ title: a.title ?? undefined, text: a.text }));
  const docs = inputs.map((a) => content(`${a.title ?? ""} ${a.text}`));
  const weight = new Map<string, number>();
  for (const d of docs) for (const p of pairsOf(d)) weight.set(p, (weight.get(p) ?? 0) + 1);
  const summary = summarise(inputs, { words: 100 });
  const score = pyramid(content(summary.join(" ")), docs);
  sum += score;
  n++;
  // Sentences of each article with their positions (a dateline not counted), to place the summary's.
  const placed = new Map<string, number>();
  for (const a of inputs) {
    a.text.split(/\n+/).map((p) => p.trim()).filter(Boolean).flatMap((p) => splitSentences(p.slice(datelineLength(p)))).forEach((s, i) => {
      if (!placed.has(s)) placed.set(s, i);
    });
  }
  if (show) console.log(`\n${id} (${inputs.length} articles) pyramid ${score.toFixed(3)}`);
  const told = new Set<string>();
  const earlier = new Set<string>();
  for (const s of summary) {
    const ps = [...pairsOf(content(s))];
    for (const p of ps) told.add(p);
    const ws = ps.map((p) => weight.get(p) ?? 0);
    const lone = ws.filter((w) => w < 2).length;
    const at = placed.get(s) ?? [...placed].find(([t]) => t.endsWith(s.slice(1)))?.[1] ?? -1;
    const words = s.split(/\s+/).length;
    const cause = ps.length > 0 && lone / ps.length > 0.5 ? "one outlet's detail" : at > 4 ? "background" : QUOTE.test(s) ? "quote" : words > 35 ? "long" : "shared";
    // Finer kinds, counted apart: an article's opening sentence, a quote (half its words or more inside
    // quotation marks), an attributed statement (a "said"-like verb, less quoted), and whether the pairs an
    // attributed statement or quote holds were already told by the summary's earlier sentences.
    const quoted = quotedShare(s);
    const kinds = [cause];
    if (at === 0) kinds.push(`opening (${cause === "one outlet's detail" ? "own detail" : "shared"})`);
    if (quoted >= 0.5) kinds.push("quote, >= half quoted");
    else if (QUOTE.test(s)) kinds.push("attributed statement");
    if (QUOTE.test(s) && ps.length > 0 && ps.filter((p) => earlier.has(p)).length / ps.length >= 0.5) kinds.push("quote or attributed, half its pairs told");
    for (const p of ps) earlier.add(p);
    for (const kind of kinds) {
      const c = causes.get(kind) ?? { sentences: 0, words: 0, weight: 0, pairs: 0 };
      c.sentences++;
      c.words += words;
      c.pairs += ps.length;
      c.weight += ws.reduce((x, y) => x + (y >= 2 ? y : 0), 0);
      causes.set(kind, c);
    }
    if (show) console.log(`  [${cause}, pos ${at}, ${words} w, mean pair weight ${(ws.reduce((x, y) => x + y, 0) / Math.max(1, ws.length)).toFixed(1)}] ${s}`);
  }
  const wide = [...weight].filter(([p, w]) => w >= Math.max(2, inputs.length / 2) && !told.has(p)).sort((a, b) => b[1] - a[1]);
  if (wide.length > 0) missedCount.events++;
  missedCount.pairs += wide.length;
  if (show && wide.length > 0) console.log(`  missed widely reported pairs: ${wide.slice(0, 12).map(([p, w]) => `${p} (${w})`).join(", ")}`);
}
console.log(`${half}: ${n} events, pyramid ${(sum / n).toFixed(3)}; summaries missing a pair held by half the articles: ${missedCount.events} (${missedCount.pairs} pairs)`);
for (const [cause, c] of [...causes].sort((a, b) => b[1].words - a[1].words)) {
  console.log(`  ${cause.padEnd(42)} sentences ${String(c.sentences).padStart(3)}  words ${String(c.words).padStart(4)}  mean weight per pair ${(c.weight / Math.max(1, c.pairs)).toFixed(2)}  per word ${(c.weight / Math.max(1, c.words)).toFixed(2)}`);
}
