// How far a built site's story-feed dates run ahead of the moments its articles state (never part of the
// tests: a reader's check). A build made on a story's own day shows a reader a feed date that has not come
// yet when an item is stamped after the newest time its newest day's articles state.
//
//   npx tsx scripts/qa-feed-dates.ts ARTICLES_DIR SITE_DIR [--zone UTC] [--verbose]
//
// The stated times are read here on their own (each input cleaned by the build's cleaner, its published
// time, the item date its feed stated (a fetched page's digest:date tag) and its feed's stated change read
// with luxon; an input dated by its file's time states that time), not through src/digest, so that the check does not
// share the code it checks. Stories are split into the dev sets' halves by a hash of the newest member's
// file name (its corpus id). Prints, per half: stories in stories.json, those whose newest day's
// articles state a time, items dated after that time (or after the item's own published date, its day's
// start, when that is later) by more than a second per source, and by more than an hour; the largest
// lead; items that share their date (or its second, as RSS writes it) with another of the feed; and the
// stories whose newest day's articles state no time (bare days), and those of them dated more than
// 15 minutes into their day in the site's zone.
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { DateTime } from "luxon";
import { cleanSource } from "../src/clean/index.ts";
import { ingest } from "../src/ingest/index.ts";
import { halfOf, HALVES, type Half } from "../eval/lib/split.ts";

const args = process.argv.slice(2);
const [articles, site] = [resolve(args[0] ?? "articles"), resolve(args[1] ?? "_site")];
const zoneAt = args.indexOf("--zone");
const zone = zoneAt >= 0 ? args[zoneAt + 1]! : "UTC";

interface Report {
  inputs: { path: string; date?: string; dateSource?: string }[];
  stories: { id: string; date: string; members: string[] }[];
}

const report = JSON.parse(readFileSync(join(site, "build-report.json"), "utf8")) as Report;
const feed = JSON.parse(readFileSync(join(site, "stories.json"), "utf8")) as { items: { id: string; date_published?: string; date_modified?: string }[] };
const dayOf = new Map(report.inputs.map((i) => [i.path, i.date ?? ""]));
const byFileTime = new Set(report.inputs.filter((i) => i.dateSource === "file-mtime").map((i) => i.path));

const RFC2822_ZONES: Record<string, string> = { UTC: "Z", GMT: "Z", UT: "Z", EST: "-05:00", EDT: "-04:00", CST: "-06:00", CDT: "-05:00", MST: "-07:00", MDT: "-06:00", PST: "-08:00", PDT: "-07:00" };

/** A published time with a time of day (not midnight), as an instant, when written on `day`. */
function statedOn(value: string | null | undefined, day: string): number | null {
  if (!value) return null;
  // An ISO time followed by a zone name ("16:02:50CDT"): the offset RFC 2822 gives that name (luxon's RFC 2822 reader knows them).
  const s = value.trim().replace(/^(\d{4}-?\d{2}-?\d{2}[T ][\d:.,]*\d)\s*(UTC|GMT|UT|[ECMP][SD]T)$/i, (_all, digit: string, name: string) => `${digit}${RFC2822_ZONES[name.toUpperCase()]!}`);
  let dt = /^\d{4}-?\d{2}-?\d{2}[T ]\d{2}:?\d{2}/.test(s) ? DateTime.fromISO(s.replace(" ", "T"), { setZone: true, zone }) : DateTime.invalid("no time");
  if (!dt.isValid) dt = DateTime.fromRFC2822(s, { setZone: true });
  if (!dt.isValid) dt = DateTime.fromHTTP(s, { setZone: true });
  // JavaScript's Date.toString, as some JSON-LD writes it: "Tue Nov 19 2019 03:05:46 GMT+0000 (UTC)".
  if (!dt.isValid) dt = DateTime.fromFormat(s.replace(/\s*\([^)]*\)$/, ""), "EEE MMM d yyyy HH:mm:ss 'GMT'ZZZ", { setZone: true, locale: "en-US" });
  if (!dt.isValid || (dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0)) return null;
  return dt.toISODate() === day ? dt.toMillis() : null;
}

const { files } = await ingest(articles);
const meta = new Map<string, ReturnType<typeof cleanSource>["meta"]>();
const written = new Map(files.map((f) => [f.path, f.mtime.getTime()]));
// The item's date `digest fetch` saved with the page (src/fetch/save.ts writes this tag first in the document).
const fed = new Map(files.map((f) => [f.path, /<meta name="digest:date" content="([^"<>]*)">/.exec(f.text.slice(0, 4096))?.[1] ?? null]));
for (const f of files) {
  try {
    meta.set(f.path, cleanSource(f).meta);
  } catch {
    // Rejected inputs are in no story.
  }
}

interface Tally {
  stories: number;
  stating: number;
  ahead: number;
  aheadHour: number;
  maxLeadHours: number;
  shared: number;
  sharedSecond: number;
  dayAfter: number;
  bare: number;
  bareLate: number;
  bareMaxMinutes: number;
}
const tally = Object.fromEntries(HALVES.map((h) => [h, { stories: 0, stating: 0, ahead: 0, aheadHour: 0, maxLeadHours: 0, shared: 0, sharedSecond: 0, dayAfter: 0, bare: 0, bareLate: 0, bareMaxMinutes: 0 }])) as Record<Half, Tally>;
const stamps = new Map<string, number>();
const seconds = new Map<string, number>();
for (const item of feed.items) if (item.date_modified) stamps.set(item.date_modified, (stamps.get(item.date_modified) ?? 0) + 1);
const secondOf = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
for (const item of feed.items) if (item.date_modified) seconds.set(secondOf(item.date_modified), (seconds.get(secondOf(item.date_modified)) ?? 0) + 1);
const byUrl = new Map(feed.items.map((i) => [i.id.replace(/\/$/, "").split("/").pop()!, i]));

for (const story of report.stories) {
  const item = byUrl.get(story.id);
  if (!item?.date_modified) continue;
  const newest = story.members.reduce((d, p) => ((dayOf.get(p) ?? "") > d ? dayOf.get(p)! : d), "");
  const members = story.members.filter((p) => dayOf.get(p) === newest);
  const half = halfOf(basename(members.sort()[0]!).replace(/\.html?$/, ""));
  const t = tally[half];
  t.stories++;
  if ((stamps.get(item.date_modified) ?? 0) > 1) t.shared++;
  if ((seconds.get(secondOf(item.date_modified)) ?? 0) > 1) t.sharedSecond++;
  const dayStart = DateTime.fromISO(newest, { zone }).startOf("day").toMillis();
  let stated: number | null = null;
  for (const p of story.members) {
    const m = meta.get(p);
    // An article dated by its file's time states that time (its day is that time's); a correction its
    // feed stated counts whatever the article's day (an item corrected the next day), from the newest
    // day's start on.
    const own = dayOf.get(p) === newest ? [statedOn(m?.date, newest), statedOn(fed.get(p), newest), byFileTime.has(p) ? written.get(p) ?? null : null] : [];
    // A time without an offset is the site's zone's (never this machine's); a bare day states no moment.
    const changedAt = m?.changed && /^\d{4}-\d{2}-\d{2}T/.test(m.changed) ? DateTime.fromISO(m.changed, { setZone: true, zone }) : null;
    const changed = changedAt?.isValid ? changedAt.toMillis() : null;
    const times = [...own, changed !== null && changed >= dayStart ? changed : null];
    for (const at of times) if (at !== null && Number.isFinite(at) && (stated === null || at > stated)) stated = at;
  }
  if (stated === null) {
    t.bare++;
    const minutes = (Date.parse(item.date_modified) - dayStart) / 60_000;
    if (minutes > 15) {
      t.bareLate++;
      if (args.includes("--verbose")) console.log(`  bare day dated ${(minutes / 60).toFixed(2)} h in: ${story.id} ${item.date_modified} ${story.members.map((p) => `${p} [${meta.get(p)?.date} | ${fed.get(p) ?? ""} | ${meta.get(p)?.changed ?? ""}]`).join(" ")}`);
    }
    t.bareMaxMinutes = Math.max(t.bareMaxMinutes, minutes);
    continue;
  }
  t.stating++;
  // A day written in an offset east of the site's zone starts after the moment it states: the newest
  // day's start (the item's published date is its first day's) is after it already, and the stamp can be no earlier.
  const published = Math.max(dayStart, item.date_published ? Date.parse(item.date_published) : Number.NEGATIVE_INFINITY);
  if (published > stated) t.dayAfter++;
  const lead = Date.parse(item.date_modified) - Math.max(stated, published);
  if (lead > 1000 * story.members.length) {
    t.ahead++;
    if (args.includes("--verbose")) console.log(`  ahead ${(lead / 3_600_000).toFixed(2)} h: ${story.id} ${item.date_modified} stated ${new Date(stated).toISOString()} ${members.map((p) => `${p} [${meta.get(p)?.date} | ${meta.get(p)?.changed ?? ""}]`).join(" ")}`);
  }
  if (lead > 3_600_000) t.aheadHour++;
  t.maxLeadHours = Math.max(t.maxLeadHours, lead / 3_600_000);
}

for (const h of HALVES) {
  const t = tally[h];
  console.log(`${h === "tune" ? "tuning" : "checking"}: ${t.stories} stories in the feed, ${t.stating} stating a time; dated after it (or after the item's day start, when that is later: ${t.dayAfter}): ${t.ahead} (over an hour: ${t.aheadHour}, at most ${t.maxLeadHours.toFixed(1)} h); sharing their date with another item: ${t.shared} (its second: ${t.sharedSecond}); bare days ${t.bare}, dated over 15 min into their day: ${t.bareLate} (at most ${(t.bareMaxMinutes / 60).toFixed(1)} h)`);
}
