// The inputs the date stage is checked and timed on (scripts/dump-dates.ts, scripts/bench-dates.ts):
// every dates-dev page as HTML and as its text dump (as `npm run eval:dates` reads them), and the bench's
// text files (the 10,000 of `npm run bench`, when a folder of them is given), each already cleaned.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../src/clean/index.ts";
import { decode } from "../src/ingest/decode.ts";
import type { CleanArticle } from "../src/types.ts";
import { devSource } from "../eval/lib/dev-source.ts";

export interface DateInput {
  group: "dates-html" | "dates-text" | "bench-text";
  id: string;
  article: CleanArticle | null;
  error?: string;
}

function cleaned(group: DateInput["group"], id: string, run: () => CleanArticle): DateInput {
  try {
    return { group, id, article: run() };
  } catch (error) {
    return { group, id, article: null, error: (error as Error).message };
  }
}

export function dateInputs(corpus: string, benchDir: string | null): DateInput[] {
  const out: DateInput[] = [];
  const pages = readFileSync(join(corpus, "dates-dev.jsonl"), "utf8").split("\n").filter((l) => l.trim());
  for (const line of pages) {
    const p = JSON.parse(line) as { id: string; url: string | null; text_dump: string };
    const decoded = decode(gunzipSync(readFileSync(join(corpus, "dates-html", `${p.id}.html.gz`))));
    const html = decoded.ok ? decoded.text : "";
    out.push(cleaned("dates-html", p.id, () => cleanSource(devSource(p.id, "html", html, p.url))));
    out.push(cleaned("dates-text", p.id, () => cleanSource(devSource(p.id, "text", p.text_dump, p.url))));
  }
  if (benchDir) {
    for (const name of readdirSync(benchDir).filter((n) => n.endsWith(".txt")).sort()) {
      const text = readFileSync(join(benchDir, name), "utf8");
      out.push(cleaned("bench-text", name, () => cleanSource(devSource(name, "text", text))));
    }
  }
  return out;
}
