// Months of daily builds in one working folder (issue 12's reader: `npm run build` every day, for months),
// measured as a reader and a disk see them. Never part of the tests: a soak run, tens of minutes long.
//
//   npx tsx scripts/soak-long.ts --pool DIR [--days 120] [--work /tmp/soak-long] [--min 100] [--max 300]
//     [--kill 25:staged,50:mid,75:aside:output,100:swapped:output] [--cold 30,60,90] [--trace ID,…] [--bin TREE/bin/digest.js]
//
// Articles: the bench generator's pool (`python3 ../shared/tools/make-bench-corpus.py ../shared/corpus DIR N`,
// files `aNNNNNN.txt` whose first line is `date YYYY-MM-DD`), taken in the generator's order (an article's
// wire copies follow it), min..max a day, each written under articles/YYYY-MM/ with its first line set to the
// soak's day (2025-01-01 + day - 1; the build has no clock of its own: the days are the articles'). Every
// 13th day brings nothing; every 7th (from day 3) edits 3 earlier articles (a paragraph added) and deletes 4.
// On --kill days a build is first killed (SIGKILL) at a named point of the output stage (DIGEST_TEST_KILL_AT)
// or, for "mid", after a pseudo-random part of the last build's wall time; the live site and digests must
// then be the previous build's, byte for byte (or, killed after its swap, the next build's), before the
// day's build runs. On --cold days the day's digests and site are compared with a --no-cache build of the
// same articles from the same story-id state.
//
// After each build it records (WORK/days.csv, one line a day) the build's wall, CPU and peak RSS; the sizes
// and file counts of .digest-cache (and each pack's lines), digests/ and _site/ (each inode once), what
// else the folder holds beside them; each feed's bytes and items; and checks: the report lists every file
// once, every accepted one in one story; every id published before still has a page (its own or a
// redirect) unless all its articles were deleted; an id's story feed GUID never changes. It counts, in the
// JSON feeds, what a reader keeping each item meets: items new, changed with date_modified moved or kept,
// dated back, retitled, unchanged with the date moved (title and content as before).
// Findings are printed as "FAIL day N: ..." lines; the exit code is 1 when any check failed.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { option, rng, storyGuids } from "./lib/soak.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => option(args, name, fallback);
const DAYS = Number(opt("days", "120"));
const WORK = resolve(opt("work", "/tmp/soak-long"));
const POOL = resolve(opt("pool", "/tmp/l10k"));
const MIN = Number(opt("min", "100"));
const MAX = Number(opt("max", "300"));
const KILLS = new Map(
  opt("kill", "25:staged,50:mid,75:aside:output,100:swapped:output")
    .split(",")
    .filter(Boolean)
    .map((k) => [Number(k.slice(0, k.indexOf(":"))), k.slice(k.indexOf(":") + 1)] as const),
);
const COLD = new Set(opt("cold", "30,60,90").split(",").filter(Boolean).map(Number));
const bin = resolve(opt("bin", join(repo, "bin/digest.js")));
// Story ids whose articles are printed after each build.
const TRACE = opt("trace", "").split(",").filter(Boolean);

const failures: string[] = [];
function fail(day: number, what: string): void {
  const line = `FAIL day ${day}: ${what}`;
  failures.push(line);
  console.log(line);
}

/** The soak's day as a date: 2025-01-01 is day 1 (UTC arithmetic on numbers, no date strings read). */
function dayName(day: number): string {
  return new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
}

interface Timed {
  code: number;
  stderr: string;
  wall: number;
  cpu: number;
  rssMiB: number;
}

/** One build under /usr/bin/time (the child's own CPU and peak RSS). */
function build(dir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Timed {
  const timeFile = join(WORK, ".time");
  const res = spawnSync("/usr/bin/time", ["-o", timeFile, "-f", "%e %U %S %M", process.execPath, bin, "build", "--input", "articles", "--digests", "digests", "--output", "_site", "--quiet", ...extra], {
    cwd: dir,
    env: { ...process.env, TZ: "UTC", ...env },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const last = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return { code: res.status ?? -1, stderr: res.stderr, wall: last[0]!, cpu: last[1]! + last[2]!, rssMiB: last[3]! / 1024 };
}

/** Starts a build and SIGKILLs it after `ms`; whether it had finished first. */
async function killedAfter(dir: string, ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [bin, "build", "--input", "articles", "--digests", "digests", "--output", "_site", "--quiet"], { cwd: dir, env: { ...process.env, TZ: "UTC" }, stdio: "ignore" });
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  const code = await exited;
  clearTimeout(timer);
  return code === 0;
}

function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

/** Bytes and files under a folder, each inode counted once (a site carries files over as hard links). */
function sizeOf(dir: string): { bytes: number; files: number } {
  const seen = new Set<string>();
  let bytes = 0;
  let files = 0;
  for (const rel of filesUnder(dir)) {
    const st = lstatSync(join(dir, rel));
    files++;
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) continue;
    seen.add(key);
    bytes += st.size;
  }
  return { bytes, files };
}

/** path → MD5 of every file under a folder. */
function manifest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of filesUnder(dir)) out.set(rel, createHash("md5").update(readFileSync(join(dir, rel))).digest("hex"));
  return out;
}

function sameManifest(a: Map<string, string>, b: Map<string, string>): string[] {
  const diffs: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) diffs.push(b.has(k) ? `changed ${k}` : `missing ${k}`);
  for (const k of b.keys()) if (!a.has(k)) diffs.push(`extra ${k}`);
  return diffs;
}

function lines(file: string): number {
  const bytes = readFileSync(file);
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

interface Report {
  inputs: { path: string; status: string; story?: string }[];
  stories: { id: string; date: string; members: string[]; formerIds?: string[] }[];
}

const FEEDS = ["feed.xml", "atom.xml", "feed.json", "stories.xml", "stories-atom.xml", "stories.json"];

function feedItems(site: string, name: string): number {
  const text = readFileSync(join(site, name), "utf8");
  if (name.endsWith(".json")) return (JSON.parse(text) as { items: unknown[] }).items.length;
  return (text.match(name.includes("atom") ? /<entry>/g : /<item>/g) ?? []).length;
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  const live = join(WORK, "live");
  mkdirSync(join(live, "articles"), { recursive: true });
  const pool = readdirSync(POOL).filter((n) => n.endsWith(".txt")).sort();
  const r = rng(59);
  const csv = join(WORK, "days.csv");
  const cols = ["day", "articles", "new", "edited", "deleted", "stories", "wall_s", "cpu_s", "rss_mib", "cache_bytes", "cache_files", "article_lines", "dated_lines", "prose_lines", "cluster_rows_lines", "summary_lines", "categories_lines", "feed_items_lines", "digests_bytes", "digests_files", "site_bytes", "site_files", "beside", "ids_bytes", ...FEEDS.flatMap((f) => [`${f}_bytes`, `${f}_items`])];
  writeFileSync(csv, `${cols.join(",")}\n`);
  console.log(`pool ${pool.length} articles from ${POOL}; ${DAYS} days in ${WORK}; bin ${bin}`);

  let next = 0;
  const deleted = new Set<string>();
  const published = new Map<string, number>(); // story id → the day it was first published
  const firstMembers = new Map<string, string[]>(); // story id → its articles when first published
  const guids = new Map<string, string>();
  let lastWall = 10;
  // What a feed reader keeps: each JSON feed item's title, content and date_modified as last seen.
  // `rest`: the item's other fields (tags, authors, summary, language) as JSON, its dates left out.
  type Seen = { title: string; content: string; modified: string; rest: string };
  const restOf = (it: object) => JSON.stringify({ ...it, date_modified: undefined });
  const seen: Record<string, Map<string, Seen>> = { "feed.json": new Map(), "stories.json": new Map() };
  const churn: Record<string, { new: number; changed: number; silent: number; back: number; retitled: number; moved: number }> = {};
  let stamp = 0;

  for (let day = 1; day <= DAYS; day++) {
    const date = dayName(day);
    let added = 0;
    let edited = 0;
    let gone = 0;
    if (day % 13 !== 0) {
      const n = Math.min(pool.length - next, MIN + Math.floor(r() * (MAX - MIN + 1)));
      const folder = join(live, "articles", date.slice(0, 7));
      mkdirSync(folder, { recursive: true });
      for (let i = 0; i < n; i++, next++) {
        const body = readFileSync(join(POOL, pool[next]!), "utf8").replace(/^date \d{4}-\d{2}-\d{2}/, `date ${date}`);
        writeFileSync(join(folder, pool[next]!), body);
      }
      added = n;
    }
    if (day % 7 === 3 && day > 3) {
      const all = filesUnder(join(live, "articles")).sort();
      for (let i = 0; i < 3; i++) {
        const f = all[Math.floor(r() * all.length)]!;
        appendFileSync(join(live, "articles", f), `\nThis article was updated on ${date} with further details on the events described above.\n`);
        edited++;
      }
      for (let i = 0; i < 4; i++) {
        const f = all[Math.floor(r() * all.length)]!;
        if (!existsSync(join(live, "articles", f))) continue;
        unlinkSync(join(live, "articles", f));
        deleted.add(f);
        gone++;
      }
    }

    const kill = KILLS.get(day);
    if (kill && existsSync(join(live, "_site"))) {
      const siteBefore = manifest(join(live, "_site"));
      const digestsBefore = manifest(join(live, "digests"));
      let how: string;
      if (kill === "mid") {
        const ms = Math.round(lastWall * 1000 * (0.2 + 0.6 * r()));
        const finished = await killedAfter(live, ms);
        how = `killed after ${ms} ms${finished ? " (it had finished)" : ""}`;
      } else {
        build(live, [], { DIGEST_TEST_KILL_AT: kill });
        how = `killed at ${kill}`;
      }
      const siteDiff = sameManifest(siteBefore, manifest(join(live, "_site")));
      const digestsDiff = sameManifest(digestsBefore, manifest(join(live, "digests")));
      const beside = readdirSync(live).filter((n) => !["articles", "digests", "_site", ".digest-cache"].includes(n));
      console.log(`day ${day}: ${how}: site ${siteDiff.length ? `${siteDiff.length} files differ` : "whole"}, digests ${digestsDiff.length ? `${digestsDiff.length} differ` : "whole"}; beside: ${beside.join(" ") || "nothing"}`);
      // Killed after its swap, the live folders are the new build's: the day's build must then give them again.
      // Killed between a swap's two renames, a live folder is missing until the next build rolls the swap forward.
      const missing = ["_site", "digests"].filter((f) => !existsSync(join(live, f)));
      if (missing.length) console.log(`day ${day}: ${missing.join(" and ")} missing until the next build finishes the swap`);
      stamp = (siteDiff.length || digestsDiff.length) && !missing.length ? day : 0;
      if (stamp) writeFileSync(join(WORK, "killed-site.json"), JSON.stringify([...manifest(join(live, "_site"))]));
    }

    const stateBefore = existsSync(join(live, "digests/story-ids.json")) ? readFileSync(join(live, "digests/story-ids.json"), "utf8") : null;
    const res = build(live);
    lastWall = res.wall;
    if (res.code !== 0) fail(day, `build exited ${res.code}: ${res.stderr.slice(0, 500)}`);
    const site = join(live, "_site");
    if (stamp === day) {
      const after = new Map(JSON.parse(readFileSync(join(WORK, "killed-site.json"), "utf8")) as [string, string][]);
      const d = sameManifest(after, manifest(site));
      if (d.length) fail(day, `the killed build left a site that is neither the previous one nor the next build's: ${d.slice(0, 8).join("; ")}`);
    }
    const report = JSON.parse(readFileSync(join(site, "build-report.json"), "utf8")) as Report;

    // The report accounts for every input.
    const onDisk = filesUnder(join(live, "articles")).sort();
    const listed = report.inputs.map((i) => i.path).sort();
    if (JSON.stringify(onDisk) !== JSON.stringify(listed)) fail(day, `report inputs differ from the files: ${onDisk.length} files, ${listed.length} listed`);
    const memberOf = new Map<string, number>();
    for (const s of report.stories) for (const m of s.members) memberOf.set(m, (memberOf.get(m) ?? 0) + 1);
    let bad = 0;
    for (const i of report.inputs) if (i.status !== "rejected" && memberOf.get(i.path) !== 1) bad++;
    if (bad) fail(day, `${bad} accepted inputs are not in exactly one story`);

    // Published ids keep a page (their own or a redirect) and their GUID.
    const current = new Set(report.stories.map((s) => s.id));
    const inputsNow = new Set(onDisk);
    let lost = 0;
    for (const [id, first] of published) {
      if (current.has(id)) continue;
      if (existsSync(join(site, "stories", id, "index.html"))) continue;
      if (firstMembers.get(id)!.every((m) => !inputsNow.has(m))) continue; // withdrawn: all its articles deleted
      lost++;
      const now = firstMembers.get(id)!.map((m) => `${m} ${inputsNow.has(m) ? `in ${report.inputs.find((i) => i.path === m)?.story}` : "deleted"}`);
      if (lost <= 5) fail(day, `story ${id} (published day ${first}) has no page at /stories/${id}/; its first articles: ${now.join(", ")}`);
    }
    for (const id of TRACE) {
      const s = report.stories.find((x) => x.id === id);
      console.log(`day ${day}: trace ${id}: ${s ? s.members.join(" ") : "not a story"}`);
    }
    for (const s of report.stories)
      if (!published.has(s.id)) {
        published.set(s.id, day);
        firstMembers.set(s.id, s.members);
      }
    for (const [id, guid] of storyGuids(site)) {
      const was = guids.get(id);
      if (was && was !== guid) fail(day, `story ${id}'s feed GUID changed: ${was} → ${guid}`);
      guids.set(id, guid);
    }

    // A cold build of the same articles from the same story-id state.
    if (COLD.has(day)) {
      const cold = join(WORK, `cold-${day}`);
      rmSync(cold, { recursive: true, force: true });
      mkdirSync(join(cold, "digests"), { recursive: true });
      cpSync(join(live, "articles"), join(cold, "articles"), { recursive: true });
      if (stateBefore !== null) writeFileSync(join(cold, "digests/story-ids.json"), stateBefore);
      const c = build(cold, ["--no-cache"]);
      for (const part of ["digests", "_site"]) {
        const d = spawnSync("diff", ["-r", "-q", join(live, part), join(cold, part)], { encoding: "utf8" }).stdout.trim();
        if (d) fail(day, `incremental ${part} differ from a cold build:\n${d.split("\n").slice(0, 12).join("\n")}`);
      }
      console.log(`day ${day}: cold build ${c.wall.toFixed(1)} s wall, ${c.cpu.toFixed(1)} s CPU, ${c.rssMiB.toFixed(0)} MiB`);
      if (!failures.some((f) => f.startsWith(`FAIL day ${day}:`))) rmSync(cold, { recursive: true, force: true });
    }

    // Feed items as a reader sees them day by day: changed with date_modified moved, changed silently (same
    // date_modified: a reader that goes by the date misses it), date_modified gone back, title changed.
    const today: string[] = [];
    for (const name of Object.keys(seen)) {
      const c = (churn[name] ??= { new: 0, changed: 0, silent: 0, back: 0, retitled: 0, moved: 0 });
      const d = { new: 0, changed: 0, silent: 0, back: 0, retitled: 0, moved: 0 };
      const feed = JSON.parse(readFileSync(join(site, name), "utf8")) as { items: { id: string; title: string; content_html: string; date_modified: string }[] };
      for (const it of feed.items) {
        const was = seen[name]!.get(it.id);
        if (!was) d.new++;
        else if (was.content !== it.content_html || was.title !== it.title) {
          if (was.modified === it.date_modified) d.silent++;
          else d.changed++;
          if (was.title !== it.title) d.retitled++;
        } else if (was && was.modified !== it.date_modified) {
          d.moved++; // the same title and content, a new date: a change a reader looks for, perhaps in its tags or authors
          if (d.moved <= 3) console.log(`day ${day}: ${name} ${it.id} title and content unchanged, dated ${was.modified} → ${it.date_modified}; ${was.rest === restOf(it) ? "nothing else changed" : `changed: ${Object.keys(it).filter((k) => k !== "date_modified" && JSON.stringify((JSON.parse(was.rest) as Record<string, unknown>)[k]) !== JSON.stringify((it as Record<string, unknown>)[k])).join(", ")}`}`);
        }
        if (was && it.date_modified < was.modified) {
          d.back++;
          // What a reader met, the first few a day: the item, its dates, and whether what it shows changed.
          if (d.back <= 3) console.log(`day ${day}: ${name} ${it.id} dated back ${was.modified} → ${it.date_modified}, ${was.content === it.content_html && was.title === it.title ? "unchanged" : "changed"}`);
        }
        seen[name]!.set(it.id, { title: it.title, content: it.content_html, modified: it.date_modified, rest: restOf(it) });
      }
      for (const k of Object.keys(d) as (keyof typeof d)[]) c[k] += d[k];
      today.push(`${name} +${d.new} changed ${d.changed} silently ${d.silent} back ${d.back} retitled ${d.retitled} moved unchanged ${d.moved}`);
    }
    if (day > 1) console.log(`day ${day}: feeds: ${today.join("; ")}`);

    const cache = join(live, ".digest-cache");
    const packLines = (name: string) => (existsSync(join(cache, `${name}.pack`)) ? lines(join(cache, `${name}.pack`)) - 1 : 0);
    const cs = sizeOf(cache);
    const ds = sizeOf(join(live, "digests"));
    const ss = sizeOf(site);
    const beside = readdirSync(live).filter((n) => !["articles", "digests", "_site", ".digest-cache"].includes(n));
    const row = [day, onDisk.length, added, edited, gone, report.stories.length, res.wall, res.cpu.toFixed(2), res.rssMiB.toFixed(0), cs.bytes, cs.files, packLines("article"), packLines("dated"), packLines("prose"), packLines("cluster-rows"), packLines("summary"), packLines("categories"), packLines("feed-items"), ds.bytes, ds.files, ss.bytes, ss.files, beside.join(" ") || "-", existsSync(join(live, "digests/story-ids.json")) ? lstatSync(join(live, "digests/story-ids.json")).size : 0, ...FEEDS.flatMap((f) => [lstatSync(join(site, f)).size, feedItems(site, f)])];
    appendFileSync(csv, `${row.join(",")}\n`);
    console.log(`day ${day} ${date}: ${onDisk.length} articles (+${added} ~${edited} -${gone}), ${report.stories.length} stories; ${res.wall.toFixed(1)} s wall ${res.cpu.toFixed(1)} s CPU ${res.rssMiB.toFixed(0)} MiB; cache ${(cs.bytes / 2 ** 20).toFixed(1)} MiB/${cs.files} (article ${packLines("article")}, summary ${packLines("summary")}); digests ${(ds.bytes / 2 ** 20).toFixed(1)} MiB/${ds.files}; site ${(ss.bytes / 2 ** 20).toFixed(1)} MiB/${ss.files}; beside ${beside.join(" ") || "-"}`);
  }
  for (const [name, c] of Object.entries(churn)) console.log(`${name}: ${c.new} items new, ${c.changed} changed with date_modified moved, ${c.silent} changed with it kept, ${c.back} dated back, ${c.retitled} retitled, ${c.moved} unchanged with date_modified moved`);
  console.log(`\n${DAYS} days, ${next} articles taken, ${deleted.size} deleted, ${published.size} ids published; ${failures.length} failures`);
  process.exitCode = failures.length ? 1 : 0;
}

await main();
