// The story-merging test set: the seeds, bbc-dev's exact duplicates, synthetic outlet rewrites of bbc-dev
// articles, and hard negatives (every article of a BBC category dated the same day).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanSource } from "../../src/clean/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import { dateArticles } from "../../src/date/index.ts";
import { addDays } from "../../src/text/dates.ts";
import { decode } from "../../src/ingest/decode.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import type { DatedArticle } from "../../src/types.ts";
import { random } from "./random.ts";
import { readJsonl } from "./jsonl.ts";


export interface LabelledArticle {
  article: DatedArticle;
  /** Articles with the same label tell the same story. */
  gold: string;
  kind: "seed" | "original" | "duplicate" | "rewrite" | "later" | "event";
  /** What the tuning/checking split is keyed on: the BBC id of the story, or the events-dev topic. */
  splitKey: string;
  /** events-dev: the topic whose two look-alike events this article belongs to. */
  topic?: string;
}

interface BbcRow {
  id: string;
  title: string;
  text: string;
  category: string;
}

const SEED_STORIES: Record<string, string> = { "000": "seed-A", "001": "seed-A", "002": "seed-A", "003": "seed-A", "004": "seed-B" };
const CATEGORY_DAY: Record<string, string> = {
  business: "2005-03-07",
  entertainment: "2005-03-07",
  politics: "2005-03-08",
  sport: "2005-03-08",
  tech: "2005-03-09",
};

/** An article as the clean and date stages would give it, dated `day` by its front matter. */
export function dated(path: string, title: string, paragraphs: string[], day: string): DatedArticle {
  return {
    path,
    format: "text",
    title,
    paragraphs,
    meta: { ...emptyMeta(), title, date: day, dateOrigin: "front-matter" },
    raw: paragraphs.join("\n\n"),
    context: "",
    mtime: new Date(`${day}T12:00:00Z`),
    messages: [],
    evidence: { date: day, dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: day },
  };
}

/**
 * An outlet's rewrite made only from the original's sentences: the lead kept, a share of the other
 * sentences dropped, later paragraphs reordered, and a new headline made from the lead's opening words.
 */
export function rewrite(paragraphs: string[], rand: () => number, drop: number): { title: string; paragraphs: string[] } {
  const kept = paragraphs.map((p, i) => splitSentences(p).filter((_, j) => (i === 0 && j === 0) || rand() >= drop).join(" ")).filter(Boolean);
  const [lead, ...rest] = kept;
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const title = (lead ?? "").split(/\s+/).slice(0, 9).join(" ");
  return { title, paragraphs: [lead ?? "", ...rest] };
}

/** The seed scrapes, cleaned and dated as the build does, labelled with their hand-checked stories. */
export function seedArticles(seedDir: string, zone = "UTC"): LabelledArticle[] {
  const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith(".txt")).sort();
  const cleaned = seedFiles.map((f) => {
    const decoded = decode(readFileSync(join(seedDir, f)));
    if (!decoded.ok) throw new Error(`${f}: ${decoded.reason}`);
    return cleanSource({ path: f, format: "text", text: decoded.text, encoding: decoded.encoding, mtime: new Date("2025-07-01T00:00:00Z") });
  });
  return dateArticles(cleaned, { zone }).map((a) => ({ article: a, gold: SEED_STORIES[a.path.slice(0, 3)] ?? a.path, kind: "seed", splitKey: "seeds" }));
}

export function buildMergeSet(seedDir: string, bbcPath: string, zone = "UTC"): LabelledArticle[] {
  const out: LabelledArticle[] = seedArticles(seedDir, zone);

  const rows = readJsonl<BbcRow>(bbcPath);
  const firstIdOf = new Map<string, string>();
  const rand = random(20250529);
  rows.forEach((row, i) => {
    const key = row.text;
    const original = firstIdOf.get(key);
    const day = CATEGORY_DAY[row.category] ?? "2005-03-10";
    const paragraphs = row.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
    if (original) {
      out.push({ article: dated(`bbc/${row.id}.txt`, row.title, paragraphs, day), gold: original, kind: "duplicate", splitKey: original });
      return;
    }
    firstIdOf.set(key, row.id);
    out.push({ article: dated(`bbc/${row.id}.txt`, row.title, paragraphs, day), gold: row.id, kind: "original", splitKey: row.id });
    // Every third article gets one or two other outlets' rewrites, on the same or the next day.
    if (i % 3 === 0) {
      const copies = i % 2 === 0 ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        const r = rewrite(paragraphs, rand, c === 0 ? 0.4 : 0.75);
        out.push({ article: dated(`rewrite/${row.id}-${c}.txt`, r.title, r.paragraphs, addDays(day, c)), gold: row.id, kind: "rewrite", splitKey: row.id });
      }
    }
    // Every twentieth article is written up again three weeks later: a follow-up, a separate story.
    if (i % 20 === 10) {
      const r = rewrite(paragraphs, rand, 0.6);
      out.push({ article: dated(`later/${row.id}.txt`, r.title, r.paragraphs, addDays(day, 21)), gold: `${row.id}-later`, kind: "later", splitKey: row.id });
    }
  });
  return out;
}

/**
 * A harder set: each BBC article told by two outlets that report different facts. One keeps the
 * headline, the lead and the odd sentences; the other has only the even sentences after the lead and
 * a headline of its own. No sentence is shared, as when outlets write their own copy of one event.
 */
export function buildSplitSet(bbcPath: string): LabelledArticle[] {
  const out: LabelledArticle[] = [];
  const seen = new Set<string>();
  for (const line of readFileSync(bbcPath, "utf8").split("\n").filter(Boolean)) {
    const row = JSON.parse(line) as BbcRow;
    if (seen.has(row.text)) continue;
    seen.add(row.text);
    const day = CATEGORY_DAY[row.category] ?? "2005-03-10";
    const sentences = row.text.split(/\n+/).flatMap((p) => splitSentences(p.trim()));
    const first = sentences.filter((_, i) => i === 0 || i % 2 === 1);
    const second = sentences.filter((_, i) => i > 0 && i % 2 === 0);
    out.push({ article: dated(`split/${row.id}-a.txt`, row.title, first, day), gold: row.id, kind: "original", splitKey: row.id });
    if (second.length >= 3) {
      const title = second[0]!.split(/\s+/).slice(0, 9).join(" ");
      out.push({ article: dated(`split/${row.id}-b.txt`, title, second, day), gold: row.id, kind: "rewrite", splitKey: row.id });
    }
  }
  return out;
}

export interface EventRow {
  id: string;
  cluster: string;
  topic: number | string;
  title: string | null;
  text: string;
}

/** The day every events-dev article is given: the corpus has no usable publication dates. */
export const EVENTS_DAY = "2024-01-15";

/**
 * events-dev (ECB+): each topic holds two look-alike real events, each covered by several outlets in
 * their own words. Every article gets one shared day; an article without a headline gets its lead's
 * first words, as the build does.
 */
export function buildEventsSet(eventsPath: string): LabelledArticle[] {
  return readFileSync(eventsPath, "utf8").split("\n").filter(Boolean).map((line) => {
    const row = JSON.parse(line) as EventRow;
    const paragraphs = row.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
    const lead = (paragraphs[0] ?? "").split(/\s+/);
    const title = row.title ?? (lead.length > 12 ? `${lead.slice(0, 12).join(" ")} …` : lead.join(" "));
    const topic = String(row.topic);
    return { article: dated(`events/${row.id}.txt`, title, paragraphs, EVENTS_DAY), gold: row.cluster, kind: "event", splitKey: topic, topic };
  });
}

/** How many seeded draws the few-outlets set makes (outletDraws): odd draws keep both events of every topic, even ones one. */
export const OUTLET_DRAWS = 16;

/**
 * Articles of one event that are one copy: they share a sentence of 8+ words (a wire story run by two
 * outlets). events-dev gives no outlet (`source` is null in every row), so "different outlets" is read
 * as "not the same copy": 162 of its 2925 same-event pairs share such a sentence.
 */
function copyGroups(texts: readonly string[]): number[] {
  const group = texts.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
  const firstWith = new Map<string, number>();
  texts.forEach((text, i) => {
    for (const p of text.split(/\n+/)) {
      const words = p.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
      if (words.length < 8) continue;
      const key = words.join(" ");
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else group[find(i)] = find(j);
    }
  });
  return texts.map((_, i) => find(i));
}

/**
 * Multi-News-style days made from events-dev alone (issue 9: 2-3 outlets an event, many topics on one
 * day, no chain of many reports to join them): draw d keeps, for each topic, both look-alike events
 * (odd d) or one of them (even d, drawn), and of each kept event 2 or 3 articles of different copies
 * (copyGroups), drawn with a seeded generator. Each draw is one day's batch, clustered whole; halves by topic.
 */
export function outletDraws(eventsPath: string, draws = OUTLET_DRAWS): LabelledArticle[][] {
  const all = buildEventsSet(eventsPath);
  const texts = new Map(readFileSync(eventsPath, "utf8").split("\n").filter(Boolean).map((line) => {
    const row = JSON.parse(line) as EventRow;
    return [`events/${row.id}.txt`, row.text] as [string, string];
  }));
  const byEvent = new Map<string, LabelledArticle[]>();
  for (const x of all) (byEvent.get(x.gold) ?? byEvent.set(x.gold, []).get(x.gold)!).push(x);
  const groupOf = new Map<string, number>();
  for (const members of byEvent.values()) copyGroups(members.map((x) => texts.get(x.article.path)!)).forEach((g, i) => groupOf.set(members[i]!.article.path, g));
  const topics = [...new Set(all.map((x) => x.topic!))].sort((a, b) => Number(a) - Number(b));
  const eventsOf = (topic: string) => [...byEvent.keys()].filter((e) => byEvent.get(e)![0]!.topic === topic).sort();
  return Array.from({ length: draws }, (_, d) => {
    const rand = random(5900 + d);
    const both = d % 2 === 1;
    const out: LabelledArticle[] = [];
    for (const topic of topics) {
      const events = eventsOf(topic);
      const kept = both ? events : [events[Math.floor(rand() * events.length)]!];
      for (const event of kept) {
        const want = 2 + Math.floor(rand() * 2);
        const pool = [...byEvent.get(event)!];
        const copies = new Set<number>();
        while (copies.size < want && pool.length) {
          const x = pool.splice(Math.floor(rand() * pool.length), 1)[0]!;
          const g = groupOf.get(x.article.path)!;
          if (copies.has(g)) continue;
          copies.add(g);
          out.push({ ...x, article: { ...x.article, path: `outlets/${d}/${x.article.path.slice("events/".length)}` } });
        }
      }
    }
    return out;
  });
}
