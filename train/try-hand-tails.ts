// `npx tsx train/try-hand-tails.ts list` / `… <id>` (tx74, stop 74, issue 8): the reading aid for hand-labelling text-dump
// bodies (train/labels/text-bodies*.jsonl). `list`: the TUNING-half webpages-dev and dates-dev pages no label file names
// yet, by how many tokens the committed text path keeps below the page's last must-have snippet (the tail the snippets
// leave unlabelled; real article lines past the last snippet count too, so read each page). `<id>`: that tuning page's
// dump, one line a row with its dump index (the label's `first` / `last` / `drop`), K where the committed text path keeps
// the line, W / N where it holds a must / must-not snippet (W=width of the text shown, 170). Throws on a checking-half id.
import { cleanSource } from "../src/clean/index.ts";
import { loadWebpages, loadDates, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { halfOf } from "../eval/lib/split.ts";
import { handLabels } from "./lib/hand-bodies.ts";
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
if (mode === "list") {
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
