// npx tsx scripts/speed-text.ts [--passes 7] [--dump out.jsonl] [--dir DIR]: text-dump cleaning alone, for speed work.
// Cleans every dev text dump (extraction-, webpages-, dates-dev; with and without its URL) and prints
// pages per second from this process's CPU time (median of the passes, after one warm-up), so the
// other processes on the machine do not count. `--dump` writes every page's whole cleaned result
// (title, paragraphs, meta, context, messages, dropped lines, a hash of the block model's log-odds)
// to compare runs byte for byte; with `--html`, the dev HTML pages' results as well.
// With `--dir`, the .txt files of DIR instead, read as UTF-8 without a URL (the bench's articles:
// `--dir /tmp/cb10000`). Profile with: node --cpu-prof --import tsx scripts/speed-text.ts --passes 3
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createHash } from "node:crypto";
import { cleanDoc } from "../src/clean/text.ts";
import { cleanSource, prepare } from "../src/clean/index.ts";
import type { SourceFile } from "../src/types.ts";
import { devSource, savedHtmlPages } from "../eval/lib/dev-source.ts";
import { cleanAll, cpuPasses } from "../eval/lib/clean-speed.ts";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { passes: { type: "string", default: "7" }, dump: { type: "string" }, html: { type: "boolean" }, corpus: { type: "string", default: join(root, "../shared/corpus") }, dir: { type: "string" } } });

const files: SourceFile[] = [];
if (values.dir) {
  const dir = values.dir;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) files.push(devSource(name, "text", readFileSync(join(dir, name), "utf8")));
}
for (const set of values.dir ? [] : ["extraction-dev.jsonl", "webpages-dev.jsonl", "dates-dev.jsonl"]) {
  for (const line of readFileSync(join(values.corpus, set), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; url: string | null; text_dump?: string };
    if (!r.text_dump) continue;
    for (const url of [r.url, null]) files.push(devSource(`${set}:${r.id}`, "text", r.text_dump, url));
  }
}

if (values.dump) {
  const out: string[] = [];
  const pages = [...files];
  if (values.html) {
    for (const p of savedHtmlPages(values.corpus)) pages.push(devSource(`${p.dir}:${p.name}`, "html", p.text));
  }
  for (const f of pages) {
    let row: unknown;
    try {
      const a = cleanSource(f);
      const { doc } = prepare(f);
      const t = cleanDoc(doc);
      const scores = doc.scores ? createHash("sha256").update(new Uint8Array(doc.scores.buffer, doc.scores.byteOffset, doc.scores.byteLength)).digest("hex").slice(0, 16) : null;
      row = { path: f.path, url: f.url, title: a.title, paragraphs: a.paragraphs, meta: a.meta, context: a.context, messages: a.messages, dropped: t.dropped, scores };
    } catch (error) {
      row = { path: f.path, url: f.url, error: (error as Error).message };
    }
    out.push(JSON.stringify(row));
  }
  writeFileSync(values.dump, `${out.join("\n")}\n`);
  console.log(`wrote ${pages.length} results to ${values.dump}`);
}

const passes = Number(values.passes);
if (passes > 0) {
  const ms = cpuPasses(() => cleanAll(files), passes).map((us) => us / 1000);
  const mid = ms[ms.length >> 1]!;
  console.log(`${files.length} text cleanings, CPU ms per pass: ${ms.map((m) => m.toFixed(0)).join(" ")}; median ${mid.toFixed(0)} ms = ${Math.round(files.length / (mid / 1000))} pages/s`);
}
