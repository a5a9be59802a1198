// Two months of daily `digest fetch && digest build` against local outlets (127.0.0.1) whose feeds change
// day by day, with feed readers consuming Digest's feeds each day. Never part of the tests: a soak run.
//
//   npx tsx scripts/soak-fetch.ts [--days 60] [--work /tmp/soak-fetch] [--bin TREE/bin/digest.js] [--keep]
//
// Outlets: four local servers (RSS 2.0, Atom 1.0, JSON Feed 1.1, RSS with full text), each a host of its own.
// Their articles: events-dev's multi-outlet events (an event's reports spread over the outlets and over its
// first two days; a topic's next event days later) and bbc-dev singles. A feed lists its last four days'
// items. Some items are posted a day late (dated the day before they appear), some are updated the next
// day (new title and date, a paragraph added to the page), some are taken down the next day (gone from the
// feed, the page 404).
//
// Each day, after the build, a reader's view of Digest's six feeds (rss-parser, feed-extractor, and
// newsboat with a cache kept from day to day) is checked: an item is seen once (no second GUID for one
// link or one story), a story's GUID and link never change, an updated item keeps its GUID, no title is
// shown with its escapes ("&quot;"), the feeds stay a bounded size; item dates that go back are counted, and so
// are (JSON feeds, read raw) day items dated before a story of their day and items whose content changed while
// their date stayed the same.
// On the last day: every story page and day page is reachable by links from the front page, every
// internal link resolves.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { corpusRows, option, rng, type CorpusRow } from "./lib/soak.ts";
import { DateTime } from "luxon";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const corpus = resolve(repo, "../shared/corpus");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => option(args, name, fallback);
const DAYS = Number(opt("days", "60"));
const WORK = resolve(opt("work", "/tmp/soak-fetch"));
const bin = resolve(opt("bin", join(repo, "bin/digest.js")));
const KEEP = args.includes("--keep");
const START = DateTime.fromISO("2026-08-01", { zone: "utc" });
const dayIso = (d: number) => START.plus({ days: d - 1 }).toISODate()!;

type Row = CorpusRow;
interface Item {
  slug: string;
  outlet: number;
  day: number; // the item's own date
  appears: number; // the day it first shows in the feed (day, or day + 1 when posted late)
  minute: number;
  title: string;
  paragraphs: string[];
  updatedOn?: number; // changed on this day: new title and date, a paragraph added
  removedOn?: number; // taken down on this day
}

const rows = (name: string): Row[] => corpusRows<Row>(corpus, name);

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function plan(): Item[] {
  const r = rng(49);
  const out: Item[] = [];
  let k = 0;
  const add = (row: Row, outlet: number, day: number) => {
    const paragraphs = row.text.split("\n\n").map((p) => p.trim()).filter(Boolean);
    const title = (row.title ?? paragraphs[0]!.split(/(?<=[.!?])\s/)[0]!).slice(0, 110);
    const item: Item = { slug: row.id.replace(/[^\w-]/g, "-"), outlet, day, appears: day, minute: 60 * 6 + ((k * 37) % 900), title, paragraphs };
    if (k % 11 === 3) item.appears = day + 1;
    if (k % 13 === 5) item.updatedOn = item.appears + 1;
    if (k % 17 === 7) item.removedOn = item.appears + 1;
    k++;
    if (day <= DAYS) out.push(item);
  };
  const events = rows("events-dev.jsonl");
  const topics = [...new Set(events.map((e) => e.topic!))].sort((a, b) => a - b);
  for (const topic of topics) {
    let start = 1 + Math.floor(r() * (DAYS - 12));
    const clusters = [...new Set(events.filter((e) => e.topic === topic).map((e) => e.cluster!))].sort();
    for (const cluster of clusters) {
      events
        .filter((e) => e.cluster === cluster)
        .forEach((row, i) => add(row, i % 4, Math.min(DAYS, start + (r() < 0.7 ? 0 : 1))));
      start += 4 + Math.floor(r() * 10);
    }
  }
  for (const row of rows("bbc-dev.jsonl").slice(0, 180)) add(row, Math.floor(r() * 4), 1 + Math.floor(r() * DAYS));
  return out;
}

const OUTLETS = ["Harbour Gazette", "Northern Ledger", "Daily Wire Service", "Metro Times"];
const FORMATS = ["rss", "atom", "json", "rss-full"] as const;

function itemState(it: Item, today: number) {
  const updated = it.updatedOn !== undefined && today >= it.updatedOn;
  const date = START.plus({ days: (updated ? it.updatedOn! : it.day) - 1, minutes: it.minute + (updated ? 30 : 0) });
  const title = updated ? `${it.title} (updated)` : it.title;
  const paragraphs = updated ? [...it.paragraphs, "This report was updated with new details from officials later in the day."] : it.paragraphs;
  return { date, title, paragraphs };
}

function page(it: Item, today: number): string {
  const s = itemState(it, today);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(s.title)} | ${OUTLETS[it.outlet]}</title>
<meta property="og:site_name" content="${OUTLETS[it.outlet]}"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${esc(s.title)}</h1><p class="byline">By Staff Reporter</p>
${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</article><footer>© ${OUTLETS[it.outlet]}</footer></body></html>`;
}

function feed(outlet: number, origin: string, items: Item[], today: number): { type: string; body: string } {
  const live = items
    .filter((it) => it.outlet === outlet && it.appears <= today && it.appears > today - 4 && !(it.removedOn !== undefined && today >= it.removedOn))
    .map((it) => ({ it, s: itemState(it, today) }))
    .sort((a, b) => b.s.date.toMillis() - a.s.date.toMillis());
  const link = (it: Item) => `${origin}/a/${it.slug}.html`;
  const name = OUTLETS[outlet]!;
  switch (FORMATS[outlet]) {
    case "json":
      return {
        type: "application/feed+json",
        body: JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: name,
          home_page_url: origin + "/",
          items: live.map(({ it, s }) => ({ id: link(it), url: link(it), title: s.title, date_published: START.plus({ days: it.day - 1, minutes: it.minute }).toISO(), date_modified: s.date.toISO(), summary: s.paragraphs[0] })),
        }),
      };
    case "atom":
      return {
        type: "application/atom+xml",
        body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(name)}</title><id>${origin}/</id><updated>${live[0]?.s.date.toISO() ?? START.toISO()}</updated>
${live.map(({ it, s }) => `<entry><title>${esc(s.title)}</title><id>${link(it)}</id><link href="${link(it)}"/><published>${START.plus({ days: it.day - 1, minutes: it.minute }).toISO()}</published><updated>${s.date.toISO()}</updated><summary>${esc(s.paragraphs[0]!)}</summary></entry>`).join("\n")}
</feed>`,
      };
    default:
      return {
        type: "application/rss+xml",
        body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(name)}</title><link>${origin}/</link><description>News</description>
${live.map(({ it, s }) => `<item><title>${esc(s.title)}</title><link>${link(it)}</link><guid>${link(it)}</guid><pubDate>${s.date.toRFC2822()}</pubDate><description>${esc(s.paragraphs[0]!)}</description>${FORMATS[outlet] === "rss-full" ? `<content:encoded><![CDATA[${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}]]></content:encoded>` : ""}</item>`).join("\n")}
</channel></rss>`,
      };
  }
}

const failures: string[] = [];
const notes: string[] = [];
function fail(day: number, what: string): void {
  const line = `FAIL day ${day}: ${what}`;
  failures.push(line);
  console.log(line);
}

/** Asynchronous: the outlets' servers live in this process. */
function run(dir: string, argv: string[]): Promise<{ code: number; stderr: string; cpu: number }> {
  const t = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, ...argv], { cwd: dir, env: { ...process.env, TZ: "UTC" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on("close", (code) => res({ code: code ?? -1, stderr, cpu: Number(process.hrtime.bigint() - t) / 1e9 })));
}

interface Seen {
  title: string;
  link: string;
  date: string;
  firstDay: number;
  lastDay: number;
}
type ReaderState = Map<string, Seen>;

interface ParsedItem {
  guid: string;
  title: string;
  link: string;
  date: string;
}

async function parseFeed(file: string): Promise<ParsedItem[]> {
  const text = readFileSync(file, "utf8");
  if (file.endsWith(".json")) {
    const { extractFromJson } = (await import("@extractus/feed-extractor")) as { extractFromJson: (j: unknown, o: object) => { entries?: { id: string; title: string; link: string; published: string }[] } };
    const parsed = extractFromJson(JSON.parse(text), { useISODateFormat: true, getExtraEntryFields: (e: { date_modified?: string }) => ({ modified: e.date_modified }) });
    return (parsed.entries ?? []).map((e) => ({ guid: e.id, title: e.title, link: e.link, date: e.published }));
  }
  const Parser = require("rss-parser") as new () => { parseString(x: string): Promise<{ items: { guid?: string; id?: string; title?: string; link?: string; pubDate?: string; isoDate?: string }[] }> };
  const parsed = await new Parser().parseString(text);
  return parsed.items.map((i) => ({ guid: i.guid ?? i.id ?? "", title: i.title ?? "", link: i.link ?? "", date: i.isoDate ?? i.pubDate ?? "" }));
}

const FEEDS = ["feed.xml", "atom.xml", "feed.json", "stories.xml", "stories-atom.xml", "stories.json"];

function newsboat(day: number, site: string, home: string): void {
  mkdirSync(home, { recursive: true });
  const urls = FEEDS.filter((f) => !f.endsWith(".json")).map((f) => `file://${join(site, f)}`);
  writeFileSync(join(home, "urls"), urls.join("\n") + "\n");
  writeFileSync(join(home, "config"), "");
  const res = spawnSync("newsboat", ["-u", join(home, "urls"), "-c", join(home, "cache.db"), "-C", join(home, "config"), "-x", "reload"], { env: { ...process.env, HOME: home, TZ: "UTC" }, encoding: "utf8" });
  if (res.status !== 0) fail(day, `newsboat exited ${res.status}: ${res.stderr.slice(0, 300)}`);
  for (const url of urls) {
    const q = spawnSync("sqlite3", [join(home, "cache.db"), `select title, count(*) from rss_item where feedurl='${url}' group by title having count(*) > 1;`], { encoding: "utf8" });
    if (q.stdout.trim()) fail(day, `newsboat shows one title as several items in ${url.split("/").pop()}: ${q.stdout.trim().split("\n").slice(0, 5).join(" | ")}`);
  }
}

function internalLinks(html: string): string[] {
  return [...html.matchAll(/\shref="(\/[^"#?]*)[^"]*"/g)].map((m) => m[1]!);
}

function fileFor(site: string, path: string): string | null {
  const p = join(site, decodeURIComponent(path));
  if (existsSync(p) && statSync(p).isFile()) return p;
  if (existsSync(join(p, "index.html"))) return join(p, "index.html");
  return null;
}

function crawl(day: number, site: string, storyIds: string[], days: string[]): void {
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  const broken = new Set<string>();
  while (queue.length) {
    const path = queue.shift()!;
    const f = fileFor(site, path);
    if (!f) {
      broken.add(path);
      continue;
    }
    if (!f.endsWith(".html")) continue;
    for (const l of internalLinks(readFileSync(f, "utf8"))) {
      if (l.startsWith("//")) continue;
      if (!seen.has(l)) {
        seen.add(l);
        queue.push(l);
      }
    }
  }
  if (broken.size) fail(day, `${broken.size} internal links lead nowhere: ${[...broken].slice(0, 5).join(" ")}`);
  const unreached = storyIds.filter((id) => !seen.has(`/stories/${id}/`));
  if (unreached.length) fail(day, `${unreached.length} of ${storyIds.length} story pages are not reachable by links from the front page: ${unreached.slice(0, 5).join(" ")}`);
  const unreachedDays = days.filter((d) => !seen.has(`/${d.replace(/-/g, "/")}/`));
  if (unreachedDays.length) fail(day, `${unreachedDays.length} day pages are not reachable from the front page: ${unreachedDays.slice(0, 5).join(" ")}`);
  console.log(`day ${day}: crawled ${seen.size} internal addresses from the front page`);
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  const live = join(WORK, "live");
  mkdirSync(join(live, "articles"), { recursive: true });
  const items = plan();
  console.log(`${items.length} items planned over ${DAYS} days in ${WORK}`);
  let today = 1;
  const servers: Server[] = [];
  const origins: string[] = [];
  for (let o = 0; o < OUTLETS.length; o++) {
    const server = createServer((req, res) => {
      const path = req.url ?? "/";
      const origin = origins[o]!;
      if (path === "/feed") {
        const f = feed(o, origin, items, today);
        const etag = `"${createHash("sha1").update(f.body).digest("hex").slice(0, 16)}"`;
        if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
        return void res.writeHead(200, { "content-type": f.type, etag }).end(f.body);
      }
      const m = /^\/a\/([\w-]+)\.html$/.exec(path);
      const it = m && items.find((i) => i.slug === m[1] && i.outlet === o);
      if (it && it.appears <= today && !(it.removedOn !== undefined && today >= it.removedOn)) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(it, today));
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push(server);
    origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  writeFileSync(
    join(live, "digest.config.json"),
    JSON.stringify({ title: "Soak Digest", baseUrl: "https://digest.example.org/", feeds: origins.map((o) => `${o}/feed`), fetch: { perHostDelayMs: 0 } }, null, 2),
  );

  const readers = new Map<string, ReaderState>(FEEDS.map((f) => [f, new Map()]));
  const storyLinks = new Map<string, string>(); // story GUID → link
  const sizes: string[] = [];
  const firstDayOfStory = new Map<string, number>();
  const storyDay = new Map<string, string>();
  const mergedSeen = new Set<string>();
  let moves = 0;
  let backwards = 0;
  let buildCpu = 0;
  // Raw JSON feeds, by item id: what a reader's "changed since" rests on (the date) and what changed (the content).
  const jsonItems = new Map<string, { modified: string; content: string }>();
  let unseenChanges = 0;
  let contentChanges = 0;
  let dayBeforeStory = 0;
  for (; today <= DAYS; today++) {
    const day = today;
    const f = await run(live, ["fetch", "--allow-private", "--quiet"]);
    if (f.code !== 0 || f.stderr.trim()) {
      // A corpus text too short to be an article is refused by fetch, as it should be.
      const lines = f.stderr.trim().split("\n").filter((l) => !/404|would not read it as an article/.test(l));
      if (f.code !== 0 || lines.length) fail(day, `fetch exited ${f.code}: ${f.stderr.trim().slice(0, 400)}`);
    }
    const b = await run(live, ["build", "--quiet"]);
    buildCpu += b.cpu;
    if (b.code !== 0) fail(day, `build exited ${b.code}: ${b.stderr.slice(0, 400)}`);
    else if (b.stderr.trim()) notes.push(`day ${day} build stderr: ${b.stderr.trim().slice(0, 300)}`);
    const site = join(live, "_site");
    // --keep: each day's articles and feeds as built, to see what a change between two days came from.
    if (KEEP) for (const [from, to] of [["articles", "articles"], ["_site/build-report.json", "build-report.json"], ["_site/stories.json", "stories.json"]]) cpSync(join(live, from), join(WORK, "days", String(day), to), { recursive: true, preserveTimestamps: true });
    const report = JSON.parse(readFileSync(join(site, "build-report.json"), "utf8")) as {
      inputs: { path: string; status: string; reason?: string }[];
      stories: { id: string; date: string; title: string; members: string[]; formerIds?: string[] }[];
    };
    const rejected = report.inputs.filter((i) => i.status === "rejected");
    if (rejected.length) fail(day, `${rejected.length} fetched pages rejected by the build: ${rejected.slice(0, 3).map((i) => `${i.path} (${i.reason})`).join(", ")}`);
    for (const s of report.stories) {
      if (!firstDayOfStory.has(s.id)) firstDayOfStory.set(s.id, day);
      // A story whose day moves leaves the day page (and daily feed item) a reader already read for another one.
      const was = storyDay.get(s.id);
      if (was && was !== s.date) {
        moves++;
        notes.push(`day ${day}: story ${s.id} moved from ${was} to ${s.date} ("${s.title.slice(0, 60)}", ${s.members.length} articles)`);
      }
      storyDay.set(s.id, s.date);
      // Two stories published apart and merged: which id lives on (the older one; in one build, the first cluster).
      for (const f of s.formerIds ?? []) if (!mergedSeen.has(f)) {
        mergedSeen.add(f);
        notes.push(`day ${day}: ${f} (first built day ${firstDayOfStory.get(f) ?? "?"}) merged into ${s.id} (first built day ${firstDayOfStory.get(s.id)}), now "${s.title.slice(0, 60)}"`);
      }
    }
    const expected = items.filter((i) => i.appears <= day).length;
    const saved = report.inputs.length;

    // The readers.
    const line: string[] = [];
    for (const name of FEEDS) {
      const state = readers.get(name)!;
      const file = join(site, name);
      if (!existsSync(file)) {
        fail(day, `${name} missing`);
        continue;
      }
      let parsed: ParsedItem[];
      try {
        parsed = await parseFeed(file);
      } catch (e) {
        fail(day, `${name} does not parse: ${(e as Error).message}`);
        continue;
      }
      const guidsToday = new Set<string>();
      let fresh = 0;
      let changed = 0;
      for (const it of parsed) {
        if (!it.guid) fail(day, `${name}: an item without a GUID (${it.title})`);
        // The reader's list shows the title as the parser gives it: an escape there is what the reader reads.
        if (/&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/i.test(it.title)) fail(day, `${name}: a title shown with its escapes: "${it.title}"`);
        if (guidsToday.has(it.guid)) fail(day, `${name}: GUID ${it.guid} twice in one feed`);
        guidsToday.add(it.guid);
        const was = state.get(it.guid);
        if (!was) {
          fresh++;
          for (const [g, s] of state) {
            if (s.link === it.link) fail(day, `${name}: new GUID ${it.guid} for a link a reader already has under ${g} (${it.link})`);
            else if (s.title === it.title && name.startsWith("stories")) notes.push(`day ${day} ${name}: new item ${it.guid} has the title of ${g} (seen day ${s.firstDay}): "${it.title}"`);
          }
          state.set(it.guid, { title: it.title, link: it.link, date: it.date, firstDay: day, lastDay: day });
        } else {
          if (was.link !== it.link) fail(day, `${name}: ${it.guid} changed its link ${was.link} → ${it.link}`);
          if (was.lastDay < day - 1) notes.push(`day ${day} ${name}: ${it.guid} came back after leaving the feed on day ${was.lastDay + 1}`);
          if (was.title !== it.title || was.date !== it.date) changed++;
          if (was.date !== it.date && name.startsWith("stories") && name !== "stories-atom.xml") notes.push(`day ${day} ${name}: ${it.guid} date ${was.date} → ${it.date}`);
          // A reader asking for what changed since a date never sees an item whose date went back.
          if (it.date < was.date) {
            backwards++;
            notes.push(`day ${day} ${name}: ${it.guid} date went back ${was.date} → ${it.date}`);
          }
          Object.assign(was, { title: it.title, date: it.date, lastDay: day });
        }
        if (name.startsWith("stories")) {
          const prev = storyLinks.get(it.guid);
          if (prev && prev !== it.link) fail(day, `story GUID ${it.guid} link changed`);
          storyLinks.set(it.guid, it.link);
        }
      }
      line.push(`${name} ${parsed.length} items ${(statSync(file).size / 1024).toFixed(0)} KiB +${fresh} ~${changed}`);
    }
    // A day item (feed.json) dated before a story of that day (stories.json) changed; an item whose content
    // changed while its date stayed (a reader that goes by the date does not show it again).
    const readJson = (name: string) => (JSON.parse(readFileSync(join(site, name), "utf8")) as { items: { id: string; content_html?: string; date_published?: string; date_modified?: string }[] }).items;
    const dayItems = readJson("feed.json");
    const storyItems = readJson("stories.json");
    const newestOfDay = new Map<string, string>();
    for (const it of storyItems) {
      const d = (it.date_published ?? "").slice(0, 10);
      if ((it.date_modified ?? "") > (newestOfDay.get(d) ?? "")) newestOfDay.set(d, it.date_modified ?? "");
    }
    for (const it of dayItems) {
      const newest = newestOfDay.get((it.date_published ?? "").slice(0, 10));
      if (newest && (it.date_modified ?? "") < newest) {
        dayBeforeStory++;
        notes.push(`day ${day} feed.json: ${it.id} dated ${it.date_modified} before a story of that day dated ${newest}`);
      }
    }
    for (const [name, list] of [["feed.json", dayItems], ["stories.json", storyItems]] as const) {
      for (const it of list) {
        const key = `${name} ${it.id}`;
        const was = jsonItems.get(key);
        const now = { modified: it.date_modified ?? "", content: it.content_html ?? "" };
        if (was && was.content !== now.content) {
          contentChanges++;
          if (was.modified === now.modified) {
            unseenChanges++;
            // Where the two contents part, to tell a new source from a changed link or category.
            let at = 0;
            while (at < was.content.length && was.content[at] === now.content[at]) at++;
            const around = (t: string) => t.slice(Math.max(0, at - 40), at + 60).replace(/\s+/g, " ");
            notes.push(`day ${day} ${name}: ${it.id} changed with its date kept (${now.modified}): "${around(was.content)}" → "${around(now.content)}"`);
          }
        }
        jsonItems.set(key, now);
      }
    }
    sizes.push(`day ${day}: ${line.join("; ")}`);
    newsboat(day, site, join(WORK, "newsboat"));
    console.log(`day ${day} (${dayIso(day)}): ${saved} inputs (${expected} items published so far), ${report.stories.length} stories, build ${b.cpu.toFixed(1)} s wall; ${line.join("; ")}`);
    if (day === DAYS || day % 20 === 0) {
      const days = [...new Set(report.stories.map((s) => s.date))].sort();
      crawl(day, site, report.stories.map((s) => s.id), days);
    }
  }
  for (const s of servers) s.close();
  console.log(`\n${failures.length} failing checks; ${moves} story day moves, ${mergedSeen.size} ids merged away, ${backwards} feed item dates that went back; ${dayBeforeStory} day items dated before a story of their day, ${unseenChanges} of ${contentChanges} JSON feed item changes with their date kept; build wall total ${buildCpu.toFixed(0)} s`);
  for (const n of notes.slice(0, 80)) console.log(`NOTE ${n}`);
  if (notes.length > 80) console.log(`(${notes.length - 80} more notes)`);
  writeFileSync(join(WORK, "sizes.txt"), sizes.join("\n") + "\n");
  writeFileSync(join(WORK, "notes.txt"), notes.join("\n") + "\n");
  process.exit(failures.length ? 1 : 0);
}

void main();
