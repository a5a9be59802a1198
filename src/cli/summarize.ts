// `digest summarize FILE` and `digest summarize --jsonl` (single articles or several outlets' articles).
import { cleanSource } from "../clean/index.ts";
import { summarise, type SummaryInput, type SummaryOptions } from "../summarise/index.ts";
import { mapJsonLines, parseArgs, positiveInt, readSource } from "./io.ts";

export async function runSummarize(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { jsonl: { type: "boolean" }, sentences: { type: "string" }, words: { type: "string" } },
  });
  const options: SummaryOptions = { sentences: positiveInt(values.sentences, "--sentences"), words: positiveInt(values.words, "--words") };
  if (options.sentences && options.words) throw new Error("give --sentences or --words, not both");
  if (values.jsonl) {
    await mapJsonLines((line) => summarizeJsonLine(line, options));
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new Error("give a file to summarize, or --jsonl");
  const article = cleanSource(await readSource(file));
  const summary = summarise([{ title: article.title, text: article.paragraphs.join("\n") }], options);
  process.stdout.write(`${JSON.stringify({ title: article.title, summary })}\n`);
  return 0;
}

export function summarizeJsonLine(line: string, options: SummaryOptions): { id: unknown; summary: string[] } | { id: unknown; error: string } {
  let input: { id?: unknown; title?: unknown; text?: unknown; articles?: unknown };
  try {
    input = JSON.parse(line) as typeof input;
  } catch {
    return { id: null, error: "line is not JSON" };
  }
  const id = input.id ?? null;
  const articles: SummaryInput[] = [];
  if (Array.isArray(input.articles)) {
    for (const a of input.articles as Array<{ title?: unknown; text?: unknown }>) {
      if (a && typeof a.text === "string") articles.push({ title: typeof a.title === "string" ? a.title : undefined, text: a.text });
    }
  } else if (typeof input.text === "string") {
    articles.push({ title: typeof input.title === "string" ? input.title : undefined, text: input.text });
  }
  if (articles.length === 0) return { id, error: 'expected "text" or "articles" with texts' };
  return { id, summary: summarise(articles, options) };
}
