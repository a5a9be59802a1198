// npx tsx scripts/speed-articles.ts [--dir /tmp/l10k] [--n 3000] [--root ROOT] [--dump FILE] [--fresh]: the
// articles stage's per-article step (src/parallel/article-task.ts `prepareFile`: clean, its records, date,
// terms, the dated record) over the first N input files of DIR, on this one thread, in the compiled code of
// ROOT's dist/ (default: this checkout). Prints CPU ms of the process (user + system) and, summed over
// articles, the step's own clocks (clean, date, terms) and the rest (the records' JSON). `--dump FILE` writes
// one line per file: its path and a SHA-256 of its clean, prose and dated records (the cleaned text, the
// date, the terms key and record, every message), to compare two checkouts byte for byte (`cmp`).
// With --dev, the dev corpus's text dumps and HTML pages (as speed-text.ts reads them) after DIR's files.
// Profile with: node --cpu-prof --import tsx scripts/speed-articles.ts (the build's flags: see src/parallel).
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type * as Task from "../src/parallel/article-task.ts";
import type * as Ingest from "../src/ingest/index.ts";
import type * as Clean from "../src/clean/index.ts";
import type { SourceFile } from "../src/types.ts";
import { devSource, savedHtmlPages } from "../eval/lib/dev-source.ts";
import { readdirSync, readFileSync } from "node:fs";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "/tmp/l10k" },
    n: { type: "string", default: "3000" },
    root: { type: "string" },
    dump: { type: "string" },
    dev: { type: "boolean", default: false },
    corpus: { type: "string", default: resolve(import.meta.dirname, "../../shared/corpus") },
  },
});
const root = resolve(values.root ?? resolve(import.meta.dirname, ".."));
const dist = (path: string) => pathToFileURL(join(root, "dist/src", path)).href;

const importStart = process.cpuUsage();
const { prepareFile } = (await import(dist("parallel/article-task.js"))) as typeof Task;
const { defaultRules } = (await import(dist("clean/index.js"))) as typeof Clean;
const { ingest } = (await import(dist("ingest/index.js"))) as typeof Ingest;
const imported = process.cpuUsage(importStart);

const { files: all } = await ingest(resolve(values.dir));
const files: SourceFile[] = all.slice(0, Number(values.n));
if (values.dev) {
  for (const set of ["extraction-dev.jsonl", "webpages-dev.jsonl", "dates-dev.jsonl"]) {
    for (const line of readFileSync(join(values.corpus, set), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; url: string | null; text_dump?: string };
      if (typeof r.text_dump !== "string") continue;
      files.push(devSource(`${set}:${r.id}.txt`, "text", r.text_dump, r.url));
      files.push(devSource(`${set}:${r.id}-nourl.txt`, "text", r.text_dump, null));
    }
  }
  for (const page of savedHtmlPages(values.corpus)) files.push(devSource(`${page.dir}/${page.name}`, "html", page.text));
}

const cpu = process.cpuUsage();
const lines: string[] = [];
let clean = 0;
let date = 0;
let terms = 0;
let total = 0;
for (const file of files) {
  const start = performance.now();
  const p = prepareFile(file, "UTC", defaultRules);
  total += performance.now() - start;
  clean += p.ms[0];
  date += p.ms[1];
  terms += p.ms[2];
  if (values.dump) {
    const extra = p.outcome ? JSON.stringify(p.outcome, (k, v: unknown) => (k === "raw" || k === "mtime" ? undefined : v)) : "";
    const hash = createHash("sha256").update(`${p.clean}\n${p.prose}\n${p.dated}\n${extra}`).digest("hex");
    lines.push(`${file.path}\t${hash}`);
  }
}
const used = process.cpuUsage(cpu);
const ms = (x: number) => x.toFixed(0).padStart(6);
console.log(`${files.length} files  import CPU ${ms((imported.user + imported.system) / 1000)} ms  step CPU ${ms((used.user + used.system) / 1000)} ms  (thread clocks: clean ${ms(clean)}  date ${ms(date)}  terms ${ms(terms)}  records ${ms(total - clean - date - terms)}  ms)`);
if (values.dump) writeFileSync(values.dump, lines.join("\n") + "\n");
// CPU by thread name over the whole process (this thread, V8's compiler and collector helpers, libuv's pool).
const threads = new Map<string, number>();
for (const tid of readdirSync("/proc/self/task")) {
  try {
    const name = readFileSync(`/proc/self/task/${tid}/comm`, "utf8").trim();
    const f = readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const key = tid === String(process.pid) ? "main" : name;
    threads.set(key, (threads.get(key) ?? 0) + (Number(f[11]) + Number(f[12])) * 10);
  } catch {
    // a thread that ended
  }
}
console.log(`process CPU by thread (ms, import and ingest included): ${[...threads].map(([k, v]) => `${k} ${v}`).join(", ")}`);
