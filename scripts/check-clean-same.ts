// npx tsx scripts/check-clean-same.ts ROOT_A ROOT_B [--dir /tmp/l10k] [--corpus DIR]: whether two compiled
// checkouts clean every input the same, for a change meant to cut CPU only. Both dist/ trees in one process;
// every input through each side's `cleanArticle` (src/pipeline/article.ts: cleaning, the word count, the
// not-language test, the gate's doubt, the refusal and its rule) and, for text, `cleanText` (the lines each rule
// dropped, by rule). Inputs: every dev text dump with and without its URL (extraction, webpages, dates), every
// saved dev HTML page, the events and bbc sets' texts as text dumps (title, blank line, text), and DIR's .txt
// files (the bench's articles). Prints counts by set and the ids of the first inputs that differ (never their
// text: the checking half's text is not to be printed); exits 1 when any differs.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { SourceFile } from "../src/types.ts";
import type * as Article from "../src/pipeline/article.ts";
import type * as Text from "../src/clean/text.ts";
import { devSource, savedHtmlPages } from "../eval/lib/dev-source.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: "string", default: "/tmp/l10k" }, corpus: { type: "string", default: resolve(import.meta.dirname, "../../shared/corpus") } },
});
if (positionals.length !== 2) throw new Error("usage: check-clean-same.ts ROOT_A ROOT_B [--dir DIR] [--corpus DIR]");

interface Side {
  cleanArticle: typeof Article.cleanArticle;
  cleanText: typeof Text.cleanText;
}

async function side(root: string): Promise<Side> {
  const dist = (path: string) => pathToFileURL(join(resolve(root), "dist/src", path)).href;
  const { cleanArticle } = (await import(dist("pipeline/article.js"))) as typeof Article;
  const { cleanText } = (await import(dist("clean/text.js"))) as typeof Text;
  return { cleanArticle, cleanText };
}

/** Everything the two sides must agree on for one input, as one string. */
function outcome(s: Side, file: SourceFile): string {
  let cleaned: string;
  try {
    cleaned = JSON.stringify(s.cleanArticle(file), (k, v: unknown) => (k === "raw" || k === "mtime" ? undefined : v));
  } catch (error) {
    cleaned = `threw ${(error as Error).message}`;
  }
  if (file.format !== "text") return cleaned;
  let lines: string;
  try {
    const t = s.cleanText(file.path, file.text);
    lines = JSON.stringify([t.title, t.paragraphs, t.context, t.dropped, t.rejected, t.messages, t.meta]);
  } catch (error) {
    lines = `threw ${(error as Error).message}`;
  }
  return `${cleaned}\n${lines}`;
}

const a = await side(positionals[0]!);
const b = await side(positionals[1]!);
const jsonl = <T>(file: string): T[] => readFileSync(join(values.corpus, file), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

const sets = new Map<string, SourceFile[]>();
const add = (set: string, file: SourceFile) => (sets.get(set) ?? sets.set(set, []).get(set)!).push(file);
for (const set of ["extraction-dev.jsonl", "webpages-dev.jsonl", "dates-dev.jsonl"]) {
  for (const r of jsonl<{ id: string; url: string | null; text_dump?: string }>(set)) {
    if (typeof r.text_dump !== "string") continue;
    add(set, devSource(`${set}:${r.id}.txt`, "text", r.text_dump, r.url));
    add(set, devSource(`${set}:${r.id}-nourl.txt`, "text", r.text_dump, null));
  }
}
for (const page of savedHtmlPages(values.corpus)) add("html pages", devSource(`${page.dir}/${page.name}`, "html", page.text));
for (const set of ["events-dev.jsonl", "bbc-dev.jsonl"]) {
  for (const r of jsonl<{ id: string; title: string | null; text: string }>(set)) add(set, devSource(`${set}:${r.id}.txt`, "text", r.title ? `${r.title}\n\n${r.text}` : r.text));
}
const dir = values.dir;
for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) add(dir, devSource(join(dir, name), "text", readFileSync(join(dir, name), "utf8")));

let differing = 0;
for (const [set, files] of sets) {
  const ids: string[] = [];
  for (const file of files) if (outcome(a, file) !== outcome(b, file)) ids.push(file.path);
  differing += ids.length;
  console.log(`${set}: ${files.length} inputs, ${ids.length} differ${ids.length ? ` (first: ${ids.slice(0, 5).join(", ")})` : ""}`);
}
console.log(differing === 0 ? "same: every input cleaned the same on both sides" : `DIFFERENT: ${differing} inputs`);
process.exitCode = differing === 0 ? 0 : 1;
