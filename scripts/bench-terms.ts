// npx tsx scripts/bench-terms.ts --articles DIR [--base ROOT] [--passes 6] [--dump FILE] [--chunk 0]: clustering's
// per-article terms step (`articleTerms`, src/cluster/mentions.ts) alone, over the cleaned and dated articles of
// DIR (cleaned once on one thread and kept in FILE, JSON, for later runs). Runs the compiled code of this checkout
// (dist/) and, with --base, of another checkout's dist/ in the same process, in alternating passes (base, this,
// this, base, …: each pass all articles, or with --chunk K alternating every K articles): CPU per pass (user +
// system), the medians and their ratio. Every pass's records are compared with the first pass's, record by record
// (SHA-256 of each), so a pass that writes other bytes fails. Prints the hash of all records (one line per article).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type * as Mentions from "../src/cluster/mentions.ts";
import type * as Articles from "../src/parallel/articles.ts";
import type * as Ingest from "../src/ingest/index.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "/tmp/l10k/articles" },
    base: { type: "string" },
    passes: { type: "string", default: "6" },
    chunk: { type: "string", default: "0" },
    dump: { type: "string" },
    only: { type: "string" },
  },
});
const here = resolve(import.meta.dirname, "..");
const dist = (root: string, path: string) => pathToFileURL(join(root, "dist/src", path)).href;

interface Text {
  title: string;
  paragraphs: string[];
}

async function cleaned(): Promise<Text[]> {
  if (values.dump && existsSync(values.dump)) return JSON.parse(readFileSync(values.dump, "utf8")) as Text[];
  const { ingest } = (await import(dist(here, "ingest/index.js"))) as typeof Ingest;
  const { prepareArticles } = (await import(dist(here, "parallel/articles.js"))) as typeof Articles;
  const { files } = await ingest(resolve(values.articles!));
  const outcomes = await prepareArticles(files, { zone: "UTC", workers: 0 });
  const texts: Text[] = [];
  for (const o of outcomes) if ("article" in o) texts.push({ title: o.article.title, paragraphs: o.article.paragraphs });
  if (values.dump) writeFileSync(values.dump, JSON.stringify(texts));
  return texts;
}

const texts = await cleaned();
const chars = texts.reduce((sum, t) => sum + t.title.length + t.paragraphs.reduce((s, p) => s + p.length, 0), 0);
console.log(`${texts.length} articles, ${(chars / 2 ** 20).toFixed(1)} M characters`);

type Terms = typeof Mentions.articleTerms;
const versions: { label: string; terms: Terms }[] = [];
if (values.base) versions.push({ label: "base", terms: ((await import(dist(resolve(values.base), "cluster/mentions.js"))) as typeof Mentions).articleTerms });
versions.push({ label: "this", terms: ((await import(dist(here, "cluster/mentions.js"))) as typeof Mentions).articleTerms });
const run = values.only ? versions.filter((v) => v.label === values.only) : versions;

const passes = Number(values.passes);
const chunk = Number(values.chunk) || texts.length;
const cpu = new Map<string, number[]>(run.map((v) => [v.label, []]));
/** Per chunk of a pass after the first, this version's CPU over the base's (the same articles, run back to back). */
const chunkRatios: number[] = [];
let reference: string[] | null = null;
let failed = false;

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
for (let pass = 0; pass < passes; pass++) {
  // ABBA order: each version goes first as often as the other.
  const order = pass % 2 === 0 ? run : [...run].reverse();
  const used = new Map<string, number>(run.map((v) => [v.label, 0]));
  // Each record hashed once its chunk is timed, so that a pass holds no more than a chunk's records.
  const hashes = new Map<string, string[]>(run.map((v) => [v.label, []]));
  for (let from = 0; from < texts.length; from += chunk) {
    const to = Math.min(from + chunk, texts.length);
    const here = new Map<string, number>();
    for (const v of order) {
      const out: string[] = [];
      const start = process.cpuUsage();
      for (let i = from; i < to; i++) out.push(v.terms(texts[i]!.title, texts[i]!.paragraphs));
      const d = process.cpuUsage(start);
      here.set(v.label, (d.user + d.system) / 1000);
      used.set(v.label, used.get(v.label)! + (d.user + d.system) / 1000);
      for (const record of out) hashes.get(v.label)!.push(sha(record));
    }
    if (pass > 0 && run.length === 2 && chunk < texts.length) chunkRatios.push(here.get("this")! / here.get("base")!);
  }
  const line: string[] = [];
  for (const v of run) {
    cpu.get(v.label)!.push(used.get(v.label)!);
    line.push(`${v.label} ${used.get(v.label)!.toFixed(0)} ms`);
    const mine = hashes.get(v.label)!;
    if (reference === null) {
      reference = mine;
      console.log(`records: ${sha(mine.join("\n"))} (${mine.length})`);
    } else {
      const diff = mine.findIndex((h, i) => h !== reference![i]);
      if (diff >= 0 || mine.length !== reference.length) {
        failed = true;
        console.log(`DIFFERENT records: ${v.label}, pass ${pass}, article ${diff}`);
      }
    }
  }
  console.log(`pass ${pass}: ${line.join("  ")}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
for (const v of run) console.log(`${v.label}: median ${median(cpu.get(v.label)!).toFixed(0)} ms, later passes ${median(cpu.get(v.label)!.slice(1)).toFixed(0)} ms`);
if (run.length === 2) {
  const ratios = cpu.get("this")!.map((x, i) => x / cpu.get("base")![i]!);
  console.log(`ratio this/base per pass: ${ratios.map((r) => r.toFixed(3)).join(" ")}; median ${median(ratios).toFixed(3)}`);
  if (chunkRatios.length > 0) {
    const sorted = [...chunkRatios].sort((a, b) => a - b);
    const q = (f: number) => sorted[Math.floor(f * (sorted.length - 1))]!.toFixed(3);
    console.log(`per-chunk ratio, passes after the first (${sorted.length} chunks): median ${median(sorted).toFixed(3)}, quartiles ${q(0.25)}-${q(0.75)}, lower in ${sorted.filter((r) => r < 1).length}`);
  }
}
if (failed) process.exit(1);
