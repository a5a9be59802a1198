// `npx tsx train/try-body-start.ts`: where the text-dump body's anchor (the first kept line of the core,
// headline-features.ts bodyAnchor: what the headline search is placed around) stands against the teacher's first
// line (try-headline-anchor.ts: the first dump line of 8+ words the true body holds), by cause, and a learned
// start-boundary trial (bs58, stop 58, issue 8). Causes, each page once per URL setting: right (the anchor is the
// teacher's line, or an article line above it with no 8+ word line between), late (the anchor is an article line
// below the teacher's: standfirst or intro lines dropped), early (the anchor is furniture above the teacher's
// line), wrong block (the anchor is furniture below it: a teaser block or a later part). Tokens: the true-body
// tokens of the lines between the two that the whole clean drops (late), the furniture tokens it keeps (early).
// The trial: a linear ranker (train/lib/rank.ts) over the lines of 8+ words within WINDOW lines of the anchor and
// the anchor itself, trained to pick the teacher's line on the TUNING half (out of fold by foldOf for the tuning
// figures), the anchor then moved to its pick when the pick outscores the located anchor by MARGIN; the headline
// picked again by the committed models. Counts per half and URL setting. DIAG=1 lists the tuning pages the teacher's
// move changes with the ranker's top lines; RULE=1 (RULE_REACH) a hand move off a headline-shaped anchor; DECK=1
// (DECK_BARS, DECK_L2) a binary model for the standfirst class alone; OUT=file writes the ranker (full and fold models)
// for try-headline.ts (ANCHOR=ranker, EXTRA=start) and try-start-cut.ts. HL=1 labels each candidate by whether the
// committed models pick the right headline with the anchor there.
// Figures (bs58, docs/scaling.md "Stop 58: where the body starts in text dumps"), tuning · checking, without the URL
// (with it in brackets), headline pages right 194 · 195 (215 · 229) as located:
//   the ranker without its last 5 features (the headline scores), margin 0/1/2: 192/194/194 · 195/195/193 (215/215/214
//   · 228/229/229); its start right 121 -> 156/155/147 of 247 · 120 -> 174/175/151 of 260; HL=1 labels: 188 · 192 at
//   margin 0, nothing moves at 1+. The whole ranker (29 features, the committed headline models' scores of the line,
//   of the lines above it, the pick above it): 192/192/193 · 194/195/193 (216/216/215 · 229/229/229), start right
//   121 -> 163/159 · 120 -> 177/169.
//   RULE=1: 190 · 186 (reach 3), 191 · 187 (reach 1). DECK=1 bar 0/1/2: +0 -3 / +0 -1 / 0 · +4 -2 / +2 -0 / +1 -0.
// None adopted: a start that is right more often moves pages the headline models already get right.
// DECK_MODEL=file (sf59, stop 59; try-deck.ts' OUT): the ranker with two features more, the standfirst model's log-odds of
// the line and of the nearest line of 8+ words above it. Margin 0/1/2: 190/192/193 · 192/193/193 (215/215/214 ·
// 229/229/229); start right 121 -> 160/162/155 · 120 -> 176/167/145 (bs58's ranker rerun: 192/192/193 · 194/195/193,
// start right 163/159/153 · 177/169/143): the standfirst signal does not move it.
import { defaultRules, prepare } from "../src/clean/index.ts";
import { bodyAnchor } from "../src/clean/headline-features.ts";
import { pickHeadline } from "../src/clean/headline-model.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { AGREES, headlineF1, shingles } from "../eval/lib/extraction-score.ts";
import { coverOf, foldOf, FOLDS, htmlPathBody } from "./lib/clean-items.ts";
import { trainRanker, type RankGroup } from "./lib/rank.ts";
import { trainLogistic } from "./lib/logistic.ts";
import { anchoredAt, candidates, deckPage, headlineView, MIN_WORDS, START_FEATURES, startFeatures } from "./lib/body-start.ts";
import { writeFileSync } from "node:fs";
import { logit, type LogisticModel } from "../src/model/logistic.ts";

const upTo = defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "find-headline"));
const MARGINS = JSON.parse(process.env.MARGINS ?? "[0,1,2,3]") as number[];
const L2 = Number(process.env.L2 ?? 1);

interface Case {
  page: DevPage;
  withUrl: boolean;
  doc: TextDoc;
  a: number;
  t: number;
  gold: string;
  body: Map<string, number> | null;
  cands: number[];
  x: number[][];
  y: (0 | 1)[];
  ok: boolean;
  cause: string;
  tokens: number;
}

const tok = (s: string) => s.split(/\s+/).filter(Boolean).length;

const seen = new Set<string>();
const pages = [...loadExtraction(), ...loadWebpages(), ...loadDates()].filter((p) => !seen.has(p.id) && !!goldHeadline(p.html) && seen.add(p.id));
const after = defaultRules.slice(defaultRules.findIndex((r) => r.name === "find-headline"));
const cases: Case[] = [];
for (const page of pages) {
  const gold = goldHeadline(page.html);
  const bodyText = page.truth ?? htmlPathBody(page);
  const body = bodyText ? shingles(bodyText) : null;
  for (const withUrl of [true, false]) {
    const { doc } = prepare(devSource(page.id, "text", page.text, withUrl ? page.url : null));
    for (const rule of upTo) rule.apply(doc);
    if (doc.noArticle) continue;
    deckPage.set(doc, page);
    const pick = pickHeadline(doc);
    const ok = pick >= 0 && headlineF1(doc.lines[pick]!.text, gold) >= AGREES;
    const a = bodyAnchor(doc);
    const covered = (i: number) => !!body && coverOf(doc.lines[i]!.text, body) >= 0.5;
    const t = body ? doc.lines.findIndex((l) => l.words >= MIN_WORDS && coverOf(l.text, body) >= 0.5) : -1;
    let cause = "no teacher";
    let tokens = 0;
    if (t >= 0) {
      if (a === t) cause = "right";
      else if (a < t) {
        let long = false;
        for (let j = a; j < t; j++) if (doc.lines[j]!.words >= MIN_WORDS && !covered(j)) long = true;
        cause = covered(a) && !long ? "right (short article line)" : headlineF1(doc.lines[a]!.text, gold) >= AGREES ? "early: anchor on the headline" : doc.lines[a]!.words >= MIN_WORDS ? "early: anchor on a line of 8+ words (standfirst, caption)" : "early: anchor on a short line";
      } else cause = covered(a) ? "late (article lines dropped)" : "wrong block (furniture below)";
      if (cause !== "right" && !cause.startsWith("right")) {
        // What the whole clean makes of the lines between the two.
        const copy: TextDoc = { ...doc, lines: doc.lines.map((l) => ({ ...l })), sandwiched: [...doc.sandwiched], head: [...doc.head] };
        for (const rule of after) rule.apply(copy);
        for (let j = Math.min(a, t); j < Math.max(a, t); j++) {
          const l = copy.lines[j]!;
          if (cause.startsWith("late") || cause.startsWith("wrong")) {
            if (l.drop !== null && covered(j)) tokens += tok(l.text);
          } else if (l.drop === null && !covered(j)) tokens += tok(l.text);
        }
      }
    }
    const cands = candidates(doc, a);
    const firstLong = cands.find((i) => doc.lines[i]!.words >= MIN_WORDS) ?? -1;
    const hv = headlineView(doc);
    const x = cands.map((i) => startFeatures(doc, i, a, firstLong, hv));
    const y = process.env.HL
      ? cands.map((i) => {
          if (i === a) return (ok ? 1 : 0) as 0 | 1;
          const d = anchoredAt(doc, i);
          const p = pickHeadline(d);
          return (p >= 0 && headlineF1(d.lines[p]!.text, gold) >= AGREES ? 1 : 0) as 0 | 1;
        })
      : cands.map((i) => (i === t || (cause.startsWith("right (short") && i === a) ? 1 : 0) as 0 | 1);
    cases.push({ page, withUrl, doc, a, t, gold, body, cands, x, y, ok, cause, tokens });
  }
}

// Causes on each half, each URL setting.
for (const half of ["tune", "check"]) {
  for (const withUrl of [true, false]) {
    const cs = cases.filter((c) => c.page.half === half && c.withUrl === withUrl);
    const by = new Map<string, { n: number; tokens: number; wrongHeadline: number; most: number }>();
    for (const c of cs) {
      const b = by.get(c.cause) ?? { n: 0, tokens: 0, wrongHeadline: 0, most: 0 };
      b.most = Math.max(b.most, c.tokens);
      by.set(c.cause, b);
      b.n++;
      b.tokens += c.tokens;
      if (!c.ok) b.wrongHeadline++;
    }
    console.log(`${half} ${withUrl ? "with URL" : "without"}: ${cs.length} pages; ${[...by].sort().map(([k, v]) => `${k} ${v.n} (headline wrong ${v.wrongHeadline}, ${v.tokens} tokens, most on a page ${v.most})`).join("; ")}`);
  }
}

const score = (m: LogisticModel, x: readonly number[]): number => logit(m, x);

const groupOf = (c: Case): RankGroup => ({ x: c.x, y: c.y });
const tuning = cases.filter((c) => c.page.half === "tune");
const full = trainRanker(tuning.map(groupOf), { name: "body-start", features: [...START_FEATURES], l2: L2 });
const folds = Array.from({ length: FOLDS }, (_, f) => trainRanker(tuning.filter((c) => foldOf(c.page.id) !== f).map(groupOf), { name: "body-start", features: [...START_FEATURES], l2: L2 }));
console.log("weights", JSON.stringify(full).slice(0, 1500));
if (process.env.OUT) writeFileSync(process.env.OUT, JSON.stringify({ full, folds }));

for (const margin of MARGINS) {
  const rows: string[] = [];
  for (const half of ["tune", "check"]) {
    for (const withUrl of [true, false]) {
      const cs = cases.filter((c) => c.page.half === half && c.withUrl === withUrl);
      let right = 0, now = 0, gained = 0, lost = 0, moved = 0, hit = 0, hitBase = 0, withT = 0;
      for (const c of cs) {
        const m = half === "tune" ? folds[foldOf(c.page.id)]! : full;
        const s = c.x.map((x) => score(m, x));
        let best = c.cands.indexOf(c.a);
        const base = s[best]!;
        for (let k = 0; k < s.length; k++) if (s[k]! > s[best]! ) best = k;
        const p = s[best]! - base > margin ? c.cands[best]! : c.a;
        if (c.t >= 0) (withT++, (hit += c.y[c.cands.indexOf(p)] ?? 0), (hitBase += c.y[c.cands.indexOf(c.a)] ?? 0));
        let ok2 = c.ok;
        if (p !== c.a) {
          moved++;
          const d = anchoredAt(c.doc, p);
          const pick = pickHeadline(d);
          ok2 = pick >= 0 && headlineF1(d.lines[pick]!.text, c.gold) >= AGREES;
        }
        if (c.ok) right++;
        if (ok2) now++;
        if (ok2 && !c.ok) gained++;
        if (c.ok && !ok2) lost++;
      }
      rows.push(`${half} ${withUrl ? "URL" : "noURL"} ${right}->${now} (+${gained} -${lost}, moved ${moved}; start right ${hitBase}->${hit} of ${withT})`);
    }
  }
  console.log(`margin ${margin}: ${rows.join(" | ")}`);
}

// The teacher's move by cause: which of the classes carries the headline gain (hl58's +12 −6 without the URL).
for (const half of ["tune", "check"]) {
  for (const withUrl of [true, false]) {
    const by = new Map<string, [number, number]>();
    for (const c of cases.filter((c) => c.page.half === half && c.withUrl === withUrl && c.t >= 0 && c.t !== c.a)) {
      const d = anchoredAt(c.doc, c.t);
      const pick = pickHeadline(d);
      const ok2 = pick >= 0 && headlineF1(d.lines[pick]!.text, c.gold) >= AGREES;
      const b = by.get(c.cause) ?? [0, 0];
      by.set(c.cause, b);
      if (ok2 && !c.ok) b[0]++;
      if (c.ok && !ok2) b[1]++;
      if (process.env.SHOW && half === "tune" && !withUrl && ok2 !== c.ok) {
        const show = (i: number) => JSON.stringify(c.doc.lines[i]?.text.slice(0, 70) ?? "");
        console.log(`${ok2 ? "gained" : "lost"} ${c.cause} ${c.page.id}: anchor ${c.a} ${show(c.a)} teacher ${c.t} ${show(c.t)}; gold ${JSON.stringify(c.gold.slice(0, 60))}`);
      }
    }
    console.log(`teacher move ${half} ${withUrl ? "with URL" : "without"}: ${[...by].sort().map(([k, [g, l]]) => `${k} +${g} -${l}`).join("; ")}`);
  }
}

// DIAG=1: on the pages the teacher's move changes (tuning, without the URL), where the ranker (its fold model) puts the start.
if (process.env.DIAG) {
  for (const c of cases.filter((c) => c.page.half === "tune" && !c.withUrl && c.t >= 0 && c.t !== c.a)) {
    const d = anchoredAt(c.doc, c.t);
    const pick = pickHeadline(d);
    const ok2 = pick >= 0 && headlineF1(d.lines[pick]!.text, c.gold) >= AGREES;
    if (ok2 === c.ok) continue;
    const m = folds[foldOf(c.page.id)]!;
    const s = c.x.map((x) => score(m, x));
    const order = c.cands.map((i, k) => [i, s[k]!] as const).sort((p, q) => q[1] - p[1]);
    const show = (i: number) => JSON.stringify(c.doc.lines[i]?.text.slice(0, 50) ?? "");
    console.log(`${ok2 ? "gain" : "loss"} ${c.cause} a=${c.a} t=${c.t} top: ${order.slice(0, 3).map(([i, z]) => `${i}(${z.toFixed(1)}${i === c.a ? " A" : ""}${i === c.t ? " T" : ""}) ${show(i)}`).join(" | ")}; A ${s[c.cands.indexOf(c.a)]!.toFixed(1)} T ${c.cands.includes(c.t) ? s[c.cands.indexOf(c.t)]!.toFixed(1) : "out"}`);
  }
}

// RULE=1: a hand move instead of the ranker: when the located anchor reads as a headline (headline-shaped, not
// prose, no sentence end), the anchor goes to the next kept line of 8+ words within RULE_REACH lines below it.
if (process.env.RULE) {
  const reach = Number(process.env.RULE_REACH ?? 3);
  const rows: string[] = [];
  for (const half of ["tune", "check"]) {
    for (const withUrl of [true, false]) {
      let right = 0, now = 0, gained = 0, lost = 0, moved = 0;
      for (const c of cases.filter((c) => c.page.half === half && c.withUrl === withUrl)) {
        const l = c.doc.lines[c.a]!;
        let p = c.a;
        if (l.headline && !l.prose && !/[.!?…:]["”»]?$/.test(l.text.trim()) && (!process.env.RULE_PICK || pickHeadline(c.doc) !== c.a)) {
          for (let j = c.a + 1; j <= c.a + reach && j < c.doc.lines.length; j++) if (c.doc.lines[j]!.drop === null && c.doc.lines[j]!.words >= MIN_WORDS) (p = j, (j = Infinity));
        }
        let ok2 = c.ok;
        if (p !== c.a) {
          moved++;
          const d = anchoredAt(c.doc, p);
          const pick = pickHeadline(d);
          ok2 = pick >= 0 && headlineF1(d.lines[pick]!.text, c.gold) >= AGREES;
          if (process.env.SHOW && half === "tune" && ok2 !== c.ok) console.log(`${ok2 ? "gain" : "loss"} ${withUrl ? "url" : "nourl"} ${c.page.id} ${JSON.stringify(l.text.slice(0, 60))}`);
        }
        if (c.ok) right++;
        if (ok2) now++;
        if (ok2 && !c.ok) gained++;
        if (c.ok && !ok2) lost++;
      }
      rows.push(`${half} ${withUrl ? "URL" : "noURL"} ${right}->${now} (+${gained} -${lost}, moved ${moved})`);
    }
  }
  console.log(`rule reach ${reach}: ${rows.join(" | ")}`);
}

// DECK=1: a binary second look at the one class that carries the teacher's gain (the anchor on a line of 8+ words the
// true body does not hold: a standfirst, a caption): logistic over the anchor's features and those of the next kept
// line of 8+ words below it; above DECK_BAR (log-odds) the anchor moves to that line. Tuning out of fold.
if (process.env.DECK) {
  const nextLong = (c: Case): number => {
    for (let j = c.a + 1; j < Math.min(c.doc.lines.length, c.a + 10); j++) if (c.doc.lines[j]!.drop === null && c.doc.lines[j]!.words >= MIN_WORDS) return j;
    return -1;
  };
  type Row = { c: Case; n: number; x: number[]; y: 0 | 1 };
  const rowsOf = (cs: readonly Case[]): Row[] =>
    cs.flatMap((c) => {
      const n = nextLong(c);
      if (c.doc.lines[c.a]!.words < MIN_WORDS || n < 0 || c.t < 0) return [];
      const xa = c.x[c.cands.indexOf(c.a)]!;
      const xn = c.cands.includes(n) ? c.x[c.cands.indexOf(n)]! : xa.map(() => 0);
      return [{ c, n, x: [...xa, ...xn], y: (c.cause.startsWith("early: anchor on a line of 8+") && c.t >= n ? 1 : 0) as 0 | 1 }];
    });
  const names = [...START_FEATURES.map((f) => `a-${f}`), ...START_FEATURES.map((f) => `n-${f}`)];
  const tuneRows = rowsOf(cases.filter((c) => c.page.half === "tune"));
  console.log(`deck rows: tuning ${tuneRows.length}, positive ${tuneRows.filter((r) => r.y).length}`);
  const fit = (rs: readonly Row[]) => trainLogistic(rs.map((r) => ({ x: r.x, y: r.y })), { name: "deck", features: names, l2: Number(process.env.DECK_L2 ?? 4) });
  const whole = fit(tuneRows);
  const foldModels = Array.from({ length: FOLDS }, (_, f) => fit(tuneRows.filter((r) => foldOf(r.c.page.id) !== f)));
  for (const bar of JSON.parse(process.env.DECK_BARS ?? "[0,1,2]") as number[]) {
    const out: string[] = [];
    for (const half of ["tune", "check"]) {
      const rows = half === "tune" ? tuneRows : rowsOf(cases.filter((c) => c.page.half === "check"));
      for (const withUrl of [true, false]) {
        let gained = 0, lost = 0, moved = 0, tp = 0, fp = 0;
        for (const r of rows.filter((r) => r.c.withUrl === withUrl)) {
          const m = half === "tune" ? foldModels[foldOf(r.c.page.id)]! : whole;
          if (logit(m, r.x) <= bar) continue;
          moved++;
          if (r.y) tp++;
          else fp++;
          const d = anchoredAt(r.c.doc, r.n);
          const pick = pickHeadline(d);
          const ok2 = pick >= 0 && headlineF1(d.lines[pick]!.text, r.c.gold) >= AGREES;
          if (ok2 && !r.c.ok) gained++;
          if (r.c.ok && !ok2) lost++;
        }
        out.push(`${half} ${withUrl ? "URL" : "noURL"} +${gained} -${lost} (moved ${moved}: ${tp} standfirsts, ${fp} not)`);
      }
    }
    console.log(`deck bar ${bar}: ${out.join(" | ")}`);
  }
}
