// A story's categories as a feed reader sees them (src/digest/categories.ts), on the dev sets' stories:
// bbc-dev's articles one by one (halves by id) and events-dev's events (each event's articles, halves by
// topic). Never part of the tests: a reader's check. Counts categories that hold a comma-free run of two
// names a punctuation mark parts in the text ("Paris London", "Industry METI"), pairs of a name and its
// acronym ("GM", "General Motors") and, with `--base TREE`,
// the stories whose categories differ from that tree's, with both lists.
//
//   npx tsx scripts/qa-categories.ts [--base /work/wt/base57] [--show N]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { storyCategories } from "../src/digest/categories.ts";
import { HALVES, halfOf, type Half } from "../eval/lib/split.ts";

type Categories = typeof storyCategories;
const args = process.argv.slice(2);
const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const baseTree = at("--base");
const base: Categories | null = baseTree ? ((await import(resolve(baseTree, "src/digest/categories.ts"))) as { storyCategories: Categories }).storyCategories : null;
const SHOW = Number(at("--show") ?? 10);

const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const readJsonl = <T>(path: string): T[] => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
/** The first six paragraphs, as the digest reads an article's prose. */
const prose = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean).slice(0, 6).join("\n");

const stories: Array<{ half: Half; texts: string[] }> = [];
for (const r of readJsonl<{ id: string; text: string }>(`${corpus}bbc-dev.jsonl`)) stories.push({ half: halfOf(r.id), texts: [prose(r.text)] });
const events = new Map<string, { topic: string; texts: string[] }>();
for (const e of readJsonl<{ cluster: string; topic: number | string; text: string }>(`${corpus}events-dev.jsonl`)) {
  const event = events.get(e.cluster) ?? { topic: String(e.topic), texts: [] };
  event.texts.push(prose(e.text));
  events.set(e.cluster, event);
}
for (const e of events.values()) stories.push({ half: halfOf(e.topic), texts: e.texts });

/** Two categories of which one is the other's acronym ("GM" and "General Motors"): one name told twice. */
function acronymPairs(categories: string[]): number {
  const initials = (name: string) => name.split(/[\s-]+/).filter((w) => w && /^\p{Lu}/u.test(w)).map((w) => w[0]).join("").toUpperCase();
  let pairs = 0;
  for (const a of categories) for (const b of categories) if (a !== b && /^\p{Lu}{2,8}$/u.test(a) && b.includes(" ") && initials(b) === a) pairs++;
  return pairs;
}

/** A category whose words stand in the text only with punctuation between two of them, never as written. */
function fused(category: string, texts: string[]): boolean {
  if (!category.includes(" ")) return false;
  return !texts.some((t) => t.includes(category)) && texts.some((t) => t.replace(/[^\p{L}\p{N}&'’.\s-]+/gu, " ").replace(/\s+/g, " ").includes(category));
}

for (const half of HALVES) {
  let n = 0;
  let categories = 0;
  let fusedNow = 0;
  let fusedBase = 0;
  let differ = 0;
  let pairsNow = 0;
  let pairsBase = 0;
  const shown: string[] = [];
  for (const s of stories) {
    if (s.half !== half) continue;
    n++;
    const mine = storyCategories(s.texts, []);
    categories += mine.length;
    fusedNow += mine.filter((c) => fused(c, s.texts)).length;
    pairsNow += acronymPairs(mine);
    if (!base) continue;
    const theirs = base(s.texts, []);
    fusedBase += theirs.filter((c) => fused(c, s.texts)).length;
    pairsBase += acronymPairs(theirs);
    if (theirs.join("|") !== mine.join("|")) {
      differ++;
      if (shown.length < SHOW) shown.push(`${theirs.join(" · ")}  ->  ${mine.join(" · ")}`);
    }
  }
  console.log(`${half}: ${n} stories, ${categories} categories, fused from punctuated names ${fusedNow}${base ? ` (base ${fusedBase})` : ""}, a name beside its acronym ${pairsNow}${base ? ` (base ${pairsBase}); stories whose categories differ from base: ${differ}` : ""}`);
  for (const line of shown) console.log(`    ${line}`);
}
