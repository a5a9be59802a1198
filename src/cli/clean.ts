// `digest clean FILE` and `digest clean --jsonl`.
import { cleanSource } from "../clean/index.ts";
import { ownDate } from "../date/index.ts";
import { outletOf } from "../digest/index.ts";
import type { CleanArticle, SourceFile } from "../types.ts";
import { webUrl } from "../text/paths.ts";
import { answerLine, mapJsonLines, parseArgs, readSource } from "./io.ts";

export async function runClean(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { jsonl: { type: "boolean" }, timezone: { type: "string" } },
  });
  const zone = values.timezone ?? "UTC";
  if (values.jsonl) {
    await mapJsonLines((line) => cleanJsonLine(line, zone));
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new Error("give a file to clean, or --jsonl");
  const article = cleanSource(await readSource(file));
  for (const m of article.messages) process.stderr.write(`${file}: ${m.level}: ${m.text}\n`);
  const { date, dateSource, evidence } = ownDate(article, zone);
  for (const m of evidence.messages ?? []) process.stderr.write(`${file}: ${m.level}: ${m.text}\n`);
  // The url as the build takes it: an absolute http(s) address, else null (a relative or bare one links nowhere);
  // the source as the build credits it (src/digest's outletOf), null when nothing names one.
  process.stdout.write(
    `${JSON.stringify({ title: article.title, date, dateSource, body: article.paragraphs.join("\n\n"), paragraphs: article.paragraphs, source: outletOf(article).name, url: webUrl(article.meta.url) })}\n`,
  );
  return 0;
}


type CleanLineResult = { id: unknown; title: string; date: string | null; body: string } | { id: unknown; error: string };

export function cleanJsonLine(line: string, zone: string): CleanLineResult {
  return answerLine(line, (input, id): CleanLineResult => {
    const html = typeof input.html === "string" ? input.html : null;
    const text = typeof input.text === "string" ? input.text : null;
    if (html === null && text === null) return { id, error: 'expected a "text" or "html" string' };
    const source: SourceFile = { path: String(id), format: html !== null ? "html" : "text", text: (html ?? text)!, encoding: "utf-8", mtime: new Date(0), url: typeof input.url === "string" ? input.url : null };
    const article: CleanArticle = cleanSource(source);
    return { id, title: article.title, date: ownDate(article, zone).date, body: article.paragraphs.join("\n\n") };
  });
}
