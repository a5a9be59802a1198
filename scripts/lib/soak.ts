// What the soak scripts (soak-daily.ts, soak-fetch.ts, soak-long.ts) share: their options, the corpus rows they
// plan from, the generator that makes each run's plan the same, and the story feed's GUIDs they watch.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readJsonl } from "../../eval/lib/jsonl.ts";

/** `--name value` from the command line, else the fallback. */
export function option(args: readonly string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

/** A row of the corpus's article sets (bbc-dev, events-dev): the fields the soaks plan from. */
export interface CorpusRow {
  id: string;
  cluster?: string;
  topic?: number;
  title: string | null;
  text: string;
  source?: string;
}

/** The rows of one of the corpus's JSON-lines files. */
export function corpusRows<T>(corpus: string, name: string): T[] {
  return readJsonl<T>(join(corpus, name));
}

/** A small deterministic generator (the plan must be the same on every run; the soaks' recorded figures used this one). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Story id → the GUID the story RSS feed (SITE/stories.xml) gives it. */
export function storyGuids(site: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of readFileSync(join(site, "stories.xml"), "utf8").matchAll(/<guid[^>]*>([^<]+)<\/guid>/g)) {
    const id = /\/stories\/([^/]+)\//.exec(m[1]!)?.[1];
    if (id) out.set(id, m[1]!);
  }
  return out;
}
