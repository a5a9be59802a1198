// Sentence pairs of merged stories built from real coverage (events-dev: each event's outlets, all of them
// and seeded subsets of 2-5), as the summariser meets them: every pair within the summaries it makes, and
// pairs of different outlets' opening sentences. For labelling, training and measuring the same-fact model.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { summarise, type SummaryInput, type SummaryOptions } from "../../src/summarise/index.ts";
import { splitSentences, datelineLength } from "../../src/text/sentences.ts";
import type { EventRow } from "../../eval/lib/merge-set.ts";
import { random } from "../../eval/lib/random.ts";
import { halfOf, type Half } from "../../eval/lib/split.ts";
import { readJsonl } from "../../eval/lib/jsonl.ts";

export interface StoryCase {
  /** The event and which of its outlets: "ecbplus-39-ecb" or "ecbplus-39-ecb/s2". */
  id: string;
  event: string;
  inputs: SummaryInput[];
}

export interface SentencePair {
  /** Stable id: the event and the two sentences' hashes (order-free). */
  id: string;
  event: string;
  a: string;
  b: string;
  /** Where it came from: two sentences of one summary, or two outlets' openings. */
  origin: "summary" | "openings";
}

const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 10);
export const pairId = (event: string, a: string, b: string) => `${event}|${[hash(a), hash(b)].sort().join("|")}`;

export function eventStories(eventsPath: string, half: Half | "both"): StoryCase[] {
  const rows = readJsonl<EventRow>(eventsPath);
  const byEvent = new Map<string, EventRow[]>();
  for (const r of rows) byEvent.set(r.cluster, [...(byEvent.get(r.cluster) ?? []), r]);
  const out: StoryCase[] = [];
  const rand = random(11);
  for (const [event, articles] of [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const inputs = articles.map((a) => ({ title: a.title ?? undefined, text: a.text }));
    const draws = [...Array(4)].map(() => {
      const size = 2 + Math.floor(rand() * 4);
      const order = inputs.map((_, i) => i).sort(() => 0).map((i) => [rand(), i] as const).sort((x, y) => x[0] - y[0]).map((x) => x[1]);
      return order.slice(0, size).sort((x, y) => x - y);
    });
    if (half !== "both" && halfOf(String(articles[0]!.topic)) !== half) continue;
    out.push({ id: event, event, inputs });
    draws.forEach((d, k) => out.push({ id: `${event}/s${k}`, event, inputs: d.map((i) => inputs[i]!) }));
  }
  return out;
}

export const SUMMARY_SHAPES: ReadonlyArray<{ name: string; options: SummaryOptions }> = [
  { name: "3s", options: {} },
  { name: "100w", options: { words: 100 } },
  { name: "150w", options: { words: 150 } },
];

/** The first `n` sentences of a text, a dateline not counted. */
export function openings(text: string, n: number): string[] {
  return text.split(/\n+/).map((p) => p.trim()).filter(Boolean).flatMap((p) => splitSentences(p.slice(datelineLength(p)))).slice(0, n);
}

/** Every distinct pair within the stories' summaries, and of different outlets' first two sentences (full events only). */
export function storyPairs(stories: readonly StoryCase[], summariser = summarise): SentencePair[] {
  const seen = new Map<string, SentencePair>();
  const add = (event: string, a: string, b: string, origin: SentencePair["origin"]) => {
    if (a === b) return;
    const id = pairId(event, a, b);
    if (!seen.has(id)) seen.set(id, { id, event, a, b, origin });
  };
  for (const story of stories) {
    for (const shape of SUMMARY_SHAPES) {
      const s = summariser(story.inputs, shape.options);
      for (let j = 1; j < s.length; j++) for (let i = 0; i < j; i++) add(story.event, s[i]!, s[j]!, "summary");
    }
    if (story.id !== story.event) continue;
    const leads = story.inputs.map((x) => openings(x.text, 2));
    for (let x = 0; x < leads.length; x++) for (let y = x + 1; y < leads.length; y++) for (const a of leads[x]!) for (const b of leads[y]!) add(story.event, a, b, "openings");
  }
  return [...seen.values()];
}

/**
 * bbc-dev's stories told by two outlets sharing no sentence (eval:merge's harder set): one has the lead and
 * the odd sentences, the other the even ones after the lead and a headline of its own. Event "bbc-<id>".
 */
export function harderStories(bbcPath: string, half: Half | "both"): StoryCase[] {
  const out: StoryCase[] = [];
  for (const line of readFileSync(bbcPath, "utf8").split("\n").filter(Boolean)) {
    const r = JSON.parse(line) as { id: string; title: string; text: string };
    if (half !== "both" && halfOf(r.id) !== half) continue;
    const all = r.text.split(/\n+/).map((p) => p.trim()).filter(Boolean).flatMap((p) => splitSentences(p));
    const a = all.filter((_, i) => i === 0 || i % 2 === 1);
    const b = all.filter((_, i) => i > 0 && i % 2 === 0);
    if (b.length < 3) continue;
    const inputs = [{ title: r.title, text: a.join("\n") }, { title: b[0]!.split(/\s+/).slice(0, 9).join(" "), text: b.join("\n") }];
    out.push({ id: `bbc-${r.id}`, event: `bbc-${r.id}`, inputs });
  }
  return out;
}
