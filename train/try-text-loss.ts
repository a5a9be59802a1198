// `npx tsx train/try-text-loss.ts [tune|check]`: where the text path loses on the worst pages of a half,
// by class (start cut late / early, end cut early / late, inner article lines dropped and by which
// rule, furniture kept inside the run, the headline line taken, the page refused), beside the HTML
// path's score on the same page. Writes nothing; reads the committed models. URL=0: without URLs.
import { prepare } from "../src/clean/index.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { finish } from "../src/clean/text.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { collapse, scorePage, scoreSnippets, snippetPageF1, tokens } from "../eval/lib/extraction-score.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { cleanSource } from "../src/clean/index.ts";
import { labelsOf } from "./lib/clean-items.ts";

const half = process.argv[2] === "check" ? "check" : "tune";
const withUrl = process.env.URL !== "0";
const worst = Number(process.env.N ?? 20);
const verbose = process.env.V === "1";

interface Loss {
  id: string;
  f1: number;
  html: number;
  classes: Record<string, number>;
  notes: string[];
}

function htmlBody(page: DevPage): string {
  try {
    return cleanSource(devSource(page.id, "html", page.html, withUrl ? page.url : null)).paragraphs.join("\n\n");
  } catch {
    return "";
  }
}

function analyse(page: DevPage): Loss {
  const file = devSource(page.id, "text", page.text, withUrl ? page.url : null);
  const { doc } = prepare(file);
  // Labels on the prepared lines: the same lines the rules then mark.
  const labelDoc = prepare(file).doc;
  for (const rule of defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "locate-article"))) rule.apply(labelDoc);
  const labels = labelsOf(page, labelDoc);
  for (const rule of defaultRules) rule.apply(doc);
  const r = finish(doc);
  const body = r.rejected ? "" : r.paragraphs.join("\n\n");
  const html = htmlBody(page);
  const score = page.truth !== undefined ? scorePage(body, page.truth).f1 : snippetPageF1(scoreSnippets(body, page.with ?? [], page.without ?? []));
  const htmlScore = page.truth !== undefined ? scorePage(html, page.truth).f1 : snippetPageF1(scoreSnippets(html, page.with ?? [], page.without ?? []));
  const classes: Record<string, number> = {};
  const notes: string[] = [];
  const add = (k: string, w: number) => (classes[k] = (classes[k] ?? 0) + w);
  const kept = (i: number) => !r.rejected && doc.lines[i]!.drop === null && i !== doc.title && i >= doc.start && i < doc.end;
  const firstArt = labels.findIndex((y) => y === 1 || y === 2);
  let lastArt = -1;
  labels.forEach((y, i) => (y === 1 || y === 2) && (lastArt = i));
  const where = (i: number): string => {
    if (r.rejected) return "refused";
    const l = doc.lines[i]!;
    if (i === doc.title) return "headline-taken";
    if (i < doc.start) return "start-late";
    if (i >= doc.end) return "end-early";
    return `inner-dropped:${l.drop}`;
  };
  const whereKept = (i: number): string => (i < firstArt ? "kept-before-body" : i > lastArt ? "kept-after-body" : "kept-inside");
  const weightOf = (i: number) => Math.max(1, tokens(doc.lines[i]!.text).length);
  if (page.truth !== undefined) {
    doc.lines.forEach((l, i) => {
      const y = labels[i]!;
      if ((y === 1 || y === 2) && !kept(i)) add(where(i), weightOf(i));
      if (y === 0 && kept(i)) add(whereKept(i), weightOf(i));
    });
  } else {
    const s = scoreSnippets(body, page.with ?? [], page.without ?? []);
    const lineOf = (snippet: string) => doc.lines.findIndex((l) => collapse(l.text).includes(collapse(snippet)) || collapse(snippet).includes(collapse(l.text)) && l.words >= 3);
    for (const m of s.missing) {
      const i = lineOf(m);
      add(i < 0 ? "missing:not-one-line" : where(i), 1);
      if (verbose) notes.push(`  missing [${i} ${i >= 0 ? doc.lines[i]!.drop : ""}] ${m.slice(0, 70)}`);
    }
    for (const u of s.unwanted) {
      const i = lineOf(u);
      add(i < 0 ? "kept:not-one-line" : whereKept(i), 1);
      if (verbose) notes.push(`  kept [${i}] ${u.slice(0, 70)}`);
    }
  }
  if (verbose) notes.push(`  lines ${doc.lines.length} run [${doc.start},${doc.end}) title ${doc.title} first/last article ${firstArt}/${lastArt}`);
  return { id: page.id, f1: score, html: htmlScore, classes, notes };
}

for (const [name, pages] of [["extraction", loadExtraction()], ["webpages", loadWebpages()]] as const) {
  const losses = pages.filter((p) => p.half === half).map(analyse).sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id));
  const top = losses.slice(0, worst);
  console.log(`${name}, ${half} half, ${withUrl ? "with" : "without"} URL: ${worst} worst text pages (f1 text / html, loss by class: ${name === "extraction" ? "tokens" : "snippets"})`);
  const totals: Record<string, number> = {};
  const pagesBy: Record<string, number> = {};
  for (const l of top) {
    const parts = Object.entries(l.classes).sort((a, b) => b[1] - a[1]);
    for (const [k, v] of parts) (totals[k] = (totals[k] ?? 0) + v, (pagesBy[k] = (pagesBy[k] ?? 0) + 1));
    console.log(`  ${l.f1.toFixed(3)} / ${l.html.toFixed(3)} ${l.id.slice(0, 16)} ${parts.map(([k, v]) => `${k} ${v}`).join(", ")}`);
    for (const n of l.notes) console.log(n);
  }
  console.log(`  totals: ${Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v} (${pagesBy[k]} pages)`).join("; ")}`);
}
