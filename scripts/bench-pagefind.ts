// npx tsx scripts/bench-pagefind.ts --site DIR [--bundles 1,4,8,17,32] [--modes write,get,none] [--rounds 3] [--out DIR] [--no-cpu]:
// Pagefind alone on the story pages of a built site (DIR/stories/*/index.html, each as the build sends it:
// src/site/search.ts's searchDocument), shared out into 1, 4, … bundles of consecutive pages, each bundle its
// own index, as a build makes them. The pages go in the site's order as its day pages list them (newest day
// first, a story where it is first listed): the model's order, near enough, so that each bundle holds pages
// of a few weeks as the build's bundles do. Per run, a fresh Pagefind process, and its CPU (all its
// threads, from /proc, as search.ts reads it) after each phase: every index created, every page added,
// every bundle written (`writeFiles` into OUT, emptied first; or `getFiles`, the same files made in memory and
// sent back over the pipe; or `none`: not written at all), every index deleted. The slope of the phases'
// CPU over the bundle count is the cost of a bundle, the rest the cost of the pages. The runs alternate the
// counts and modes (each round in another order), so they share the machine's moments. --as html,record: each
// page sent as its HTML (`addHTMLFile`, Pagefind parses it) or as the record scripts/search-record.ts makes of
// it (`addCustomRecord`, made during the add phase: "this process" then counts making them), alternated as the
// counts are. Never part of the tests.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import * as pagefind from "pagefind";
import { pagefindCpuMs, searchDocument } from "../src/site/search.ts";
import { searchRecord } from "./search-record.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    bundles: { type: "string", default: "1,4,8,17,32" },
    modes: { type: "string", default: "write,get" },
    rounds: { type: "string", default: "3" },
    out: { type: "string", default: "/tmp/bench-pagefind-out" },
    language: { type: "string", default: "en" },
    // Pagefind's maxFragments for every index, a list to alternate (its fragments then share files; 0: none, as
    // the build).
    "max-fragments": { type: "string", default: "0" },
    // For runs of Pagefind under another program (PAGEFIND_EXTENDED_BINARY_PATH naming a wrapper that runs it
    // under `strace -f -c`, say), where /proc shows no child named pagefind: its CPU is not read.
    "no-cpu": { type: "boolean", default: false },
    as: { type: "string", default: "html" },
  },
});
if (!values.site) throw new Error("--site DIR (a built site) is needed");
const site = resolve(values.site);
const out = resolve(values.out);
type Mode = "write" | "get" | "none";
const modes = values.modes.split(",") as Mode[];
for (const mode of modes) if (!["write", "get", "none"].includes(mode)) throw new Error(`--modes: ${mode}? (write, get, none)`);
const fragmentCaps = values["max-fragments"].split(",").map(Number);
const counts = values.bundles.split(",").map(Number);
type As = "html" | "record";
const sendings = values.as.split(",") as As[];
for (const as of sendings) if (!["html", "record"].includes(as)) throw new Error(`--as: ${as}? (html, record)`);

/** The story pages' URLs in the order the day pages list them, newest day first. */
function storyOrder(): string[] {
  const days: string[] = [];
  for (const year of readdirSync(site).filter((d) => /^\d{4}$/.test(d)))
    for (const month of readdirSync(join(site, year)).filter((d) => /^\d\d$/.test(d)))
      for (const day of readdirSync(join(site, year, month)).filter((d) => /^\d\d$/.test(d))) days.push(join(site, year, month, day, "index.html"));
  days.sort().reverse();
  const seen = new Set<string>();
  for (const day of days) for (const [, url] of readFileSync(day, "utf8").matchAll(/href="(\/stories\/[^"/]+\/)"/g)) seen.add(url!);
  // A story no day page lists (none in a built site) goes last.
  for (const folder of readdirSync(join(site, "stories")).sort()) seen.add(`/stories/${folder}/`);
  return [...seen];
}

const urls = storyOrder();
const documents = urls.map((url) => searchDocument(readFileSync(join(site, url, "index.html"), "utf8"), values.language));
const pageBytes = documents.reduce((n, d) => n + Buffer.byteLength(d), 0);
console.log(`${urls.length} story pages (${(pageBytes / 1e6).toFixed(1)} MB as sent to Pagefind) from ${site}`);

interface Run {
  create: number;
  add: number;
  output: number;
  drop: number;
  total: number;
  /** This process's CPU while the bundles were written or got (getFiles' decoding). */
  ownOutput: number;
  /** This process's CPU while the pages were sent (and, as records, made). */
  ownAdd: number;
  files: number;
  bytes: number;
}

const cpu = (): number => {
  if (values["no-cpu"]) return 0;
  const ms = pagefindCpuMs();
  if (ms === null) throw new Error("no Pagefind process to read in /proc");
  return ms;
};
const ownCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function run(count: number, mode: Mode, maxFragments: number, as: As): Promise<Run> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const size = Math.ceil(urls.length / count);
  const shares = Array.from({ length: count }, (_, b) => ({ from: b * size, to: Math.min(urls.length, (b + 1) * size) }));
  const made = await Promise.all(shares.map(() => pagefind.createIndex({ forceLanguage: values.language, ...(maxFragments ? { maxFragments } : {}) })));
  const indexes = made.map((m) => {
    if (!m.index) throw new Error(m.errors.join("; "));
    return m.index;
  });
  const created = cpu();
  const ownBefore = ownCpu();
  const send = (index: pagefind.PagefindIndex, url: string, content: string) => {
    const record = as === "record" ? searchRecord(content) : null;
    return record ? index.addCustomRecord({ url, content: record.content, language: values.language, meta: record.meta }) : index.addHTMLFile({ url, content });
  };
  const added = await Promise.all(shares.flatMap((s, b) => documents.slice(s.from, s.to).map((content, k) => send(indexes[b]!, urls[s.from + k]!, content))));
  for (const a of added) if (a.errors.length) throw new Error(a.errors.join("; "));
  const afterAdd = cpu();
  const own = ownCpu();
  const ownAdd = own - ownBefore;
  let files = 0;
  let bytes = 0;
  if (mode === "write") {
    const written = await Promise.all(indexes.map((index, b) => index.writeFiles({ outputPath: join(out, `pagefind-${b}`) })));
    for (const w of written) if (w.errors.length) throw new Error(w.errors.join("; "));
  } else if (mode === "get") {
    for (const got of await Promise.all(indexes.map((index) => index.getFiles()))) {
      if (got.errors.length) throw new Error(got.errors.join("; "));
      files += got.files.length;
      for (const file of got.files) bytes += file.content.length;
    }
  }
  const afterOutput = cpu();
  const ownOutput = ownCpu() - own;
  await Promise.all(indexes.map((index) => index.deleteIndex()));
  const afterDrop = cpu();
  await pagefind.close();
  // The next run's process is read alone: wait until this one has gone from /proc.
  while (pagefindCpuMs() !== null) await new Promise((r) => setTimeout(r, 20));
  return { create: created, add: afterAdd - created, output: afterOutput - afterAdd, drop: afterDrop - afterOutput, total: afterDrop, ownOutput, ownAdd, files, bytes };
}

const results = new Map<string, Run[]>();
const plan = sendings.flatMap((as) => fragmentCaps.flatMap((cap) => modes.flatMap((mode) => counts.map((count) => ({ mode, count, cap, as })))));
const variant = (mode: Mode, count: number, cap: number, as: As = sendings[0]!) => `${sendings.length > 1 ? `${as.padEnd(6)} ` : ""}${mode.padEnd(5)} ${String(count).padStart(3)} bundles${cap ? `, maxFragments ${cap}` : ""}`;
for (let round = 1; round <= Number(values.rounds); round++) {
  // Each round starts one further along the plan, and every other round goes backwards.
  const order = plan.map((_, i) => plan[(i + round - 1) % plan.length]!);
  if (round % 2 === 0) order.reverse();
  for (const { mode, count, cap, as } of order) {
    const load = loadavg()[0]!.toFixed(1);
    const r = await run(count, mode, cap, as);
    const key = variant(mode, count, cap, as);
    results.set(key, [...(results.get(key) ?? []), r]);
    const got = mode === "get" ? `, ${r.files} files ${(r.bytes / 1e6).toFixed(2)} MB, this process ${r.ownOutput.toFixed(0)} ms` : "";
    console.log(`round ${round} ${key}: Pagefind CPU ms create ${r.create}, add ${r.add}, ${mode} ${r.output}, delete ${r.drop}, total ${r.total}${got}; this process while adding ${r.ownAdd.toFixed(0)} ms; load ${load}`);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log("\nmedians (Pagefind CPU ms)");
for (const { mode, cap, as } of sendings.flatMap((as) => fragmentCaps.flatMap((cap) => modes.map((mode) => ({ mode, cap, as }))))) {
  const rows = counts.map((count) => {
    const rs = results.get(variant(mode, count, cap, as))!;
    return { count, add: median(rs.map((r) => r.add)), output: median(rs.map((r) => r.output)), total: median(rs.map((r) => r.total)), ownAdd: median(rs.map((r) => r.ownAdd)) };
  });
  for (const row of rows) console.log(`${variant(mode, row.count, cap, as)}: add ${row.add}, ${mode} ${row.output}, total ${row.total}; this process while adding ${row.ownAdd.toFixed(0)}`);
  // Least squares of each phase over the bundle count: ms per bundle, and what is left at no bundle.
  const fit = (pick: (r: (typeof rows)[number]) => number) => {
    const n = rows.length;
    const mx = rows.reduce((s, r) => s + r.count, 0) / n;
    const my = rows.reduce((s, r) => s + pick(r), 0) / n;
    const slope = rows.reduce((s, r) => s + (r.count - mx) * (pick(r) - my), 0) / rows.reduce((s, r) => s + (r.count - mx) ** 2, 0);
    return `${slope.toFixed(1)} ms a bundle + ${(my - slope * mx).toFixed(0)} ms`;
  };
  if (rows.length > 1) console.log(`${variant(mode, 0, cap, as)} fit: add ${fit((r) => r.add)}; ${mode} ${fit((r) => r.output)}; total ${fit((r) => r.total)}`);
}
rmSync(out, { recursive: true, force: true });
