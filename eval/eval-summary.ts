// `npm run eval:summary`: ROUGE of `digest summarize --jsonl --sentences 3` and of Lead-3 on bbc-dev, same run.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { meanF1, rouge, type RougeScores } from "./lib/rouge.ts";
import { splitSentences } from "../src/text/sentences.ts";
import { random, rewrite } from "./lib/merge-set.ts";

interface Row {
  id: string;
  title: string;
  text: string;
  summary: string;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = process.argv[2] ?? new URL("../../shared/corpus/bbc-dev.jsonl", import.meta.url).pathname;
const sentences = Number(process.env.SENTENCES ?? 3);
const rows: Row[] = readFileSync(corpus, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row);

function summarizeJsonl(lines: object[]): Map<string, string[]> {
  const run = spawnSync(process.execPath, [`${root}bin/digest.js`, "summarize", "--jsonl", "--sentences", String(sentences)], {
    input: lines.map((l) => JSON.stringify(l)).join("\n") + "\n",
    cwd: root,
    maxBuffer: 1 << 28,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`digest summarize failed: ${run.stderr}`);
  const summaries = new Map<string, string[]>();
  for (const line of run.stdout.split("\n").filter(Boolean)) {
    const out = JSON.parse(line) as { id: string; summary?: string[]; error?: string };
    if (out.error) throw new Error(`${out.id}: ${out.error}`);
    summaries.set(out.id, out.summary ?? []);
  }
  return summaries;
}

const summaries = summarizeJsonl(rows.map((r) => ({ id: r.id, title: r.title, text: r.text })));
// Two outlets: a shortened, reordered rewrite first (as if it arrived first) and the full article.
const rand = random(7);
const outlets = rows.map((r) => {
  const copy = rewrite(r.text.split(/\n+/).filter(Boolean), rand, 0.4);
  return { id: r.id, articles: [{ title: copy.title, text: copy.paragraphs.join("\n\n") }, { title: r.title, text: r.text }] };
});
const multi = summarizeJsonl(outlets);

function lead(text: string, n: number): string[] {
  return text.split(/\n+/).flatMap((p) => splitSentences(p.trim())).slice(0, n);
}

const digest: RougeScores[] = [];
const digestMulti: RougeScores[] = [];
const leadMulti: RougeScores[] = [];
const lead3: RougeScores[] = [];
for (const r of rows) {
  const reference = r.summary.split("\n").map((s) => s.trim()).filter(Boolean);
  digest.push(rouge(summaries.get(r.id) ?? [], reference));
  lead3.push(rouge(lead(r.text, sentences), reference));
  digestMulti.push(rouge(multi.get(r.id) ?? [], reference));
  leadMulti.push(rouge(lead(outlets[digest.length - 1]!.articles[0]!.text, sentences), reference));
}
const fmt = (s: ReturnType<typeof meanF1>) => `R1 ${s.rouge1.toFixed(2)}  R2 ${s.rouge2.toFixed(2)}  RLsum ${s.rougeLsum.toFixed(2)}`;
console.log(`bbc-dev: ${rows.length} articles, --sentences ${sentences}, ROUGE F1 (ROUGE-1.5.5 style, Porter stems)`);
console.log(`Digest   ${fmt(meanF1(digest))}`);
console.log(`Lead-${sentences}   ${fmt(meanF1(lead3))}`);
console.log(`two outlets (a synthetic rewrite + the article, "articles" form):`);
console.log(`Digest   ${fmt(meanF1(digestMulti))}`);
console.log(`Lead-${sentences} of the first outlet   ${fmt(meanF1(leadMulti))}`);
