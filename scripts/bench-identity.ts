// assignStoryIds on a synthetic story-id state of a long-lived site: many stories merged away over the
// months (story-ids.json `merged`), a day's worth of new stories that match none of them, a few that are
// merged-away stories parting again. Not a test: CPU per call, this tree against another's, alternated,
// and the ids and state compared byte for byte.
//
//   npx tsx scripts/bench-identity.ts [--base /work/wt/base48] [--merged 20000] [--stories 10000] [--new 2000] [--rounds 5]
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatedArticle, StoryCluster } from "../src/types.ts";
import type { IdentityState, StoryRecord } from "../src/cluster/identity.ts";

type Module = typeof import("../src/cluster/identity.ts");

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const here = dirname(fileURLToPath(import.meta.url));
const base = resolve(opt("base", "/work/wt/base48"));
const MERGED = Number(opt("merged", "20000"));
const STORIES = Number(opt("stories", "10000"));
const NEW = Number(opt("new", "2000"));
const ROUNDS = Number(opt("rounds", "5"));

const ours = (await import(join(here, "../src/cluster/identity.ts"))) as Module;
const theirs = (await import(join(base, "src/cluster/identity.ts"))) as Module;

/** An article with a precomputed text hash (as the cache gives them back), so that hashing is not timed. */
const article = (path: string): DatedArticle => ({ path, title: path, paragraphs: [], text: { hash: `h-${path}`, words: 100 } }) as unknown as DatedArticle;
const ref = (path: string) => ({ path, hash: `h-${path}` });

// Live stories: two articles each, the first STORIES - NEW of them published before; NEW are new today.
const clusters: StoryCluster[] = [];
for (let c = 0; c < STORIES; c++) clusters.push({ id: `s-${String(c).padStart(10, "0")}`, members: [article(`a/${c}-1.md`), article(`a/${c}-2.md`)], followUpOf: null });
const stories: StoryRecord[] = clusters.slice(0, STORIES - NEW).map((c, k) => ({ id: `p-${k}`, serial: k, members: c.members.map((m) => ref(m.path)) }));
// Merged-away stories: most hold articles since deleted (renamed files are found by hash), each absorbed by
// a live story; one in a hundred holds an article of a new cluster (it parts again today and comes back).
const merged: StoryRecord[] = [];
for (let d = 0; d < MERGED; d++) {
  const back = d % 100 === 0 && d / 100 < NEW;
  const members = back ? [ref(`a/${STORIES - NEW + d / 100}-1.md`)] : [ref(`gone/${d}-1.md`), ref(`gone/${d}-2.md`), ref(`gone/${d}-3.md`)];
  merged.push({ id: `m-${d}`, serial: STORIES + d, members });
  const absorber = stories[d % stories.length]!;
  absorber.formerIds = [...(absorber.formerIds ?? []), `m-${d}`];
}
const state: IdentityState = { version: 1, next: STORIES + MERGED, stories, merged };

const run = (m: Module) => {
  const t = process.cpuUsage();
  const out = m.assignStoryIds(clusters, state);
  const u = process.cpuUsage(t);
  return { ms: (u.user + u.system) / 1000, bytes: m.serializeIdentityState(out.state) + JSON.stringify(out.clusters.map((c) => [c.id, c.formerIds ?? null])) };
};

console.log(`${STORIES} stories (${NEW} new), ${MERGED} merged-away records; ${ROUNDS} rounds, base ${base}`);
const times: Record<"base" | "this", number[]> = { base: [], this: [] };
for (let r = 0; r < ROUNDS; r++) {
  const b = run(theirs);
  const t = run(ours);
  if (b.bytes !== t.bytes) throw new Error("ids or state differ between the trees");
  times.base.push(b.ms);
  times.this.push(t.ms);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of Object.entries(times)) console.log(`${name}: ${xs.map((x) => x.toFixed(0)).join(" / ")} ms CPU (median ${median(xs).toFixed(0)})`);
console.log("ids and state byte-identical");
