// npx tsx scripts/story-id-month.ts [--digest bin/digest.js] [--corpus /tmp/l10k] [--work /tmp/story-id-month] [--every 4] [--half tune|check]:
// a reader's month of daily builds (cache and story-id state kept), counting what a reader sees of story ids:
// stories retitled, splits and which part kept the id, articles whose story id changed, feed items (GUIDs) that
// change title or leave the story feed while their articles are still there. Inputs: every `every`-th file of a
// bench corpus (its first line "date 2025-03-DD" is the day it arrives), and the articles of one half's (TUNING by default)
// events-dev topics (eval/lib/split.ts, halves by topic) as text files arriving over a week each, the topic's
// two look-alike events interleaved, so that stories merge and split as the days go. Prints one line a day and
// the month's totals. `--digest` runs another tree's command (say /work/wt/base72/bin/digest.js).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { halfOf } from "../eval/lib/split.ts";

const { values } = parseArgs({ options: { digest: { type: "string", default: "bin/digest.js" }, corpus: { type: "string", default: "/tmp/l10k" }, work: { type: "string", default: "/tmp/story-id-month" }, every: { type: "string", default: "4" }, half: { type: "string", default: "tune" }, events: { type: "string", default: join(import.meta.dirname, "../../shared/corpus/events-dev.jsonl") } } });
const work = values.work!;
const every = Number(values.every);
const day = (d: number) => `2025-03-${String(d).padStart(2, "0")}`;
const h = (s: string) => createHash("sha256").update(s).digest()[0]!;

rmSync(work, { recursive: true, force: true });
const pool = join(work, "pool");
const input = join(work, "in");
mkdirSync(pool, { recursive: true });
mkdirSync(input, { recursive: true });

// Arrivals: file name → (pool path, day number).
const arrivals: { name: string; from: string; on: number }[] = [];
for (const name of readdirSync(values.corpus!).sort()) {
  if (Number(/\d+/.exec(name)?.[0] ?? 1) % every !== 0) continue;
  const first = readFileSync(join(values.corpus!, name), "utf8").slice(0, 20);
  const m = /^date 2025-03-(\d\d)/.exec(first);
  if (m) arrivals.push({ name, from: join(values.corpus!, name), on: Number(m[1]) });
}
interface EventRow { id: string; cluster: string; topic: number; text: string }
const rows = readFileSync(values.events!, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EventRow).filter((r) => halfOf(String(r.topic)) === values.half);
const topics = [...new Set(rows.map((r) => r.topic))].sort((a, b) => a - b);
topics.forEach((topic, t) => {
  const events = [...new Set(rows.filter((r) => r.topic === topic).map((r) => r.cluster))].sort();
  const start = 2 + ((t * 3) % 20);
  events.forEach((ev, e) => {
    for (const r of rows.filter((x) => x.cluster === ev)) {
      // Event A over days start..start+4, event B over start+2..start+7: the two look-alikes interleave.
      const on = Math.min(30, start + e * 2 + (h(r.id) % (e ? 6 : 5)));
      const name = `ev-${r.id.replace(/[^A-Za-z0-9_-]/g, "_")}.txt`;
      writeFileSync(join(pool, name), `date ${day(on)}\n\n${r.text}\n`);
      arrivals.push({ name, from: join(pool, name), on });
    }
  });
});

const build = () =>
  execFileSync(process.execPath, [values.digest!, "build", "--input", input, "--digests", join(work, "digests"), "--output", join(work, "site"), "--cache", join(work, "cache"), "--base-url", "https://digest.example/", "--quiet"], { env: { ...process.env, TZ: "UTC" }, stdio: ["ignore", "ignore", "ignore"] });

interface Report {
  inputs: { path: string; story?: string; date?: string }[];
  stories: { id: string; date: string; title: string; members: string[]; formerIds?: string[] }[];
}
interface Feed { items: { id: string; title: string }[] }
const totals = { retitles: 0, retitlesOnSplit: 0, splits: 0, splitsIdToLaterPart: 0, dayMoved: 0, articlesIdChanged: 0, feedItemsRetitled: 0, feedItemsGone: 0 };
let last: { report: Report; feed: Feed } | null = null;
const examples: string[] = [];
for (let d = 1; d <= 30; d++) {
  for (const a of arrivals) if (a.on === d && !existsSync(join(input, a.name))) linkSync(a.from, join(input, a.name));
  build();
  const report = JSON.parse(readFileSync(join(work, "site", "build-report.json"), "utf8")) as Report;
  const feed = JSON.parse(readFileSync(join(work, "site", "stories.json"), "utf8")) as Feed;
  const row = { day: day(d), stories: report.stories.length, retitles: 0, retitlesOnSplit: 0, splits: 0, splitsIdToLaterPart: 0, dayMoved: 0, articlesIdChanged: 0, feedItemsRetitled: 0, feedItemsGone: 0 };
  if (last) {
    const storyOf = new Map(report.inputs.filter((i) => i.story).map((i) => [i.path, i.story!]));
    const dateOf = new Map(report.inputs.filter((i) => i.date).map((i) => [i.path, i.date!]));
    const now = new Map(report.stories.map((s) => [s.id, s]));
    for (const s of last.report.stories) {
      for (const m of s.members) if (storyOf.has(m) && storyOf.get(m) !== s.id) row.articlesIdChanged++;
      const parts = new Set(s.members.map((m) => storyOf.get(m)).filter((x) => x !== undefined));
      const split = parts.size > 1;
      if (split) {
        row.splits++;
        // The part holding the old story's earliest article (by its date now): did it keep the id?
        const kept = s.members.filter((m) => storyOf.get(m) === s.id);
        const first = (ms: string[]) => ms.map((m) => dateOf.get(m) ?? "9").sort()[0] ?? "9";
        const present = s.members.filter((m) => storyOf.has(m));
        if (kept.length && first(kept) > first(present)) row.splitsIdToLaterPart++;
      }
      const c = now.get(s.id);
      if (!c) continue;
      if (c.title !== s.title) {
        row.retitles++;
        if (split) row.retitlesOnSplit++;
        if (examples.length < 40) examples.push(`${day(d)} ${s.id}${split ? " (split)" : ""}: "${s.title.slice(0, 60)}" → "${c.title.slice(0, 60)}"`);
      }
      if (c.date !== s.date) row.dayMoved++;
    }
    const items = new Map(feed.items.map((i) => [i.id, i.title]));
    const members = new Set(report.inputs.filter((i) => i.story).map((i) => i.path));
    const lastStory = new Map(last.report.stories.map((s) => [s.id, s]));
    for (const item of last.feed.items) {
      const t = items.get(item.id);
      if (t !== undefined && t !== item.title) row.feedItemsRetitled++;
      const id = /\/stories\/([^/]+)\//.exec(item.id)?.[1];
      const s = id ? lastStory.get(id) : undefined;
      // Gone from the feed while the story's articles are all still built (not pushed off the end: its story is gone too).
      if (t === undefined && s && !now.has(s.id) && s.members.every((m) => members.has(m))) row.feedItemsGone++;
    }
  }
  for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += row[k];
  console.log(JSON.stringify(row));
  last = { report, feed };
}
console.log(examples.join("\n"));
console.log(JSON.stringify({ month: "totals", inputs: arrivals.length, ...totals }));
