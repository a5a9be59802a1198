// `digest summarize FILE` and `digest summarize --jsonl` (single articles or several outlets' articles).
import { cleanSource } from "../clean/index.ts";
import { summarise, type SummaryInput, type SummaryOptions } from "../summarise/index.ts";
import { answerLine, mapJsonLines, parseArgs, positiveInt, readSource } from "./io.ts";

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
  return answerLine(line, (input, id) => {
    const articles: SummaryInput[] = [];
    if (Array.isArray(input.articles)) {
      for (const a of input.articles as unknown[]) {
        if (a && typeof a === "object" && typeof (a as { text?: unknown }).text === "string") {
          const { title, text } = a as { title?: unknown; text: string };
          articles.push({ title: typeof title === "string" ? title : undefined, text });
        }
      }
    } else if (typeof input.text === "string") {
      articles.push({ title: typeof input.title === "string" ? input.title : undefined, text: input.text });
    }
    if (articles.length === 0) return { id, error: 'expected "text" or "articles" with texts' };
    return { id, summary: summarise(articles, options) };
  });
}
