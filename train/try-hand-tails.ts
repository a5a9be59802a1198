// `npx tsx train/try-hand-tails.ts list` / `… <id>` (tx74, stop 74, issue 8): the reading aid for hand-labelling text-dump
// bodies (train/labels/text-bodies*.jsonl). `list`: the TUNING-half webpages-dev and dates-dev pages no label file names
// yet, by how many tokens the committed text path keeps below the page's last must-have snippet (the tail the snippets
// leave unlabelled; real article lines past the last snippet count too, so read each page). `<id>`: that tuning page's
// dump, one line a row with its dump index (the label's `first` / `last` / `drop`), K where the committed text path keeps
// the line, W / N where it holds a must / must-not snippet (W=width of the text shown, 170). Throws on a checking-half id.
// `ranks` (tx75, stop 75): over the labelled tuning pages, the tail labels HAND_TAIL=1 gives (hand furniture under the
// body's last article line, on lines the snippets leave unknown) and, of them, where in the tail the committed text
// path keeps one (its rank among the page's tail labels): the figure HAND_TAIL_K's k was chosen by.
import { cleanSource } from "../src/clean/index.ts";
import { loadWebpages, loadDates, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { halfOf } from "../eval/lib/split.ts";
import { handLabels, handTruths } from "./lib/hand-bodies.ts";
import { handLabelled, prepared } from "./lib/clean-items.ts";
const sp = (s: string) => s.replace(/\s+/g, " ").trim();
const labelled = new Set(handLabels().map((l) => l.id));
const pages = new Map<string, DevPage>();
for (const p of [...loadWebpages(), ...loadDates()]) if (p.half === "tune" && halfOf(p.id) === "tune" && !pages.has(p.id)) pages.set(p.id, p);

/** The committed text path's kept paragraphs; none when it refuses the page. */
function kept(p: DevPage): string[] {
  try {
    return cleanSource(devSource(p.id, "text", p.text, p.url)).paragraphs.map(sp);
  } catch {
    return [];
  }
}

/** Each dump line with its marks: K kept (whole, or a line of 26+ characters inside a kept paragraph), W / N snippets. */
function marks(p: DevPage) {
  const lines = p.text.split("\n");
  const k = kept(p);
  const keptText = k.join("\n");
  const keptSet = new Set(k.flatMap((x) => x.split("\n").map(sp)));
  return lines.map((l, i) => {
    const s = sp(l);
    const K = s && (keptSet.has(s) || (s.length > 25 && keptText.includes(s))) ? "K" : " ";
    const W = (p.with ?? []).some((w) => s.includes(sp(w))) ? "W" : " ";
    const N = (p.without ?? []).some((w) => s.includes(sp(w))) ? "N" : " ";
    return { i, s, K, W, N };
  });
}

const mode = process.argv[2];
if (mode === "ranks") {
  process.env.HAND_TAIL = "1";
  const truths = handTruths([...pages.values()]);
  const ranks: number[] = [];
  const firsts: number[] = [];
  let tails = 0;
  for (const [id, truth] of truths) {
    const p = pages.get(id)!;
    const doc = prepared(p, "text");
    if (!doc) continue;
    const { hand } = handLabelled(p, truth, doc);
    const keptText = kept(p).join("\n");
    const tail = [...hand.keys()].filter((i) => hand[i]);
    const r = tail.map((i, rank) => (sp(doc.lines[i]!.text) && keptText.includes(sp(doc.lines[i]!.text)) ? rank : -1)).filter((x) => x >= 0);
    tails += tail.length;
    ranks.push(...r);
    if (r.length) firsts.push(r[0]!);
    console.log(JSON.stringify({ id, tail: tail.length, kept: r.length, ranks: r.slice(0, 12) }));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`labelled pages ${truths.size}: tail labels ${tails}, of them kept by the committed text path ${ranks.length} (median rank ${median(ranks)}); pages with a kept tail line ${firsts.length}, the first kept one's median rank ${median(firsts)}`);
  for (const k of [1, 2, 3, 5, 8, 12, 20]) console.log(`k=${k}: kept tail lines within the first k ${ranks.filter((r) => r < k).length}, pages whose first kept tail line is within them ${firsts.filter((r) => r < k).length}`);
} else if (mode === "list") {
  const rows = [];
  for (const p of pages.values()) {
    if (labelled.has(p.id)) continue;
    const m = marks(p);
    const lastW = m.reduce((a, r) => (r.W === "W" ? r.i : a), -1);
    const keptLines = m.filter((r) => r.K === "K");
    const below = keptLines.filter((r) => lastW >= 0 && r.i > lastW);
    const belowTok = below.reduce((a, r) => a + r.s.split(" ").length, 0);
    const nBelow = below.filter((r) => r.N === "N").length;
    rows.push({ id: p.id, set: p.set, lines: m.length, kept: keptLines.length, lastW, below: below.length, belowTok, nBelow });
  }
  rows.sort((a, b) => b.belowTok - a.belowTok);
  console.log(`unlabelled tuning pages: ${rows.length} (webpages ${rows.filter((r) => r.set === "webpages").length}, dates-only ${rows.filter((r) => r.set === "dates").length}); labelled ${labelled.size}`);
  for (const r of rows) console.log(JSON.stringify(r));
} else {
  const p = pages.get(mode!);
  if (!p) throw new Error(`${mode}: not a tuning-half page of webpages-dev or dates-dev`);
  console.log(p.id, p.set, p.url);
  for (const r of marks(p)) if (r.s) console.log(`${String(r.i).padStart(4)} ${r.K}${r.W}${r.N} ${r.s.slice(0, Number(process.env.W ?? 170))}`);
}
