// A build from the cache writes exactly what a cold build writes; a damaged or foreign cache is not trusted.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-cache-build-"));
const input = join(work, "articles");
for (const sub of ["seeds", "site-hostile"]) cpSync(join(root, "test/fixtures", sub), join(input, sub), { recursive: true });
cpSync(join(root, "test/parallel/fixtures"), join(input, "pages"), { recursive: true });

let builds = 0;
/** One build in `work` (so the cache is its .digest-cache/ unless `args` say otherwise) into fresh folders. */
async function build(args: string[] = []) {
  const out = join(work, `build-${++builds}`);
  const timings = join(out, "timings.json");
  mkdirSync(out);
  const { stderr } = await run(process.execPath, [join(root, "bin/digest.js"), "build", "--input", input, "--digests", join(out, "digests"), "--output", join(out, "site"), "--quiet", "--timings", timings, ...args], { cwd: work, maxBuffer: 64 << 20 });
  const stats = JSON.parse(readFileSync(timings, "utf8")) as { articles: { cleanHits: number; datedHits: number; computed: number }; summaries: { calls: number; hits: number } };
  return { files: tree(out, ["digests", "site"]), warnings: stderr.split("\n").filter((l) => l.includes("cache")), stats: stats.articles, summaries: stats.summaries };
}

function tree(dir: string, subs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      if (statSync(join(d, n)).isDirectory()) walk(join(d, n), `${rel}${n}/`);
      else out[`${rel}${n}`] = readFileSync(join(d, n), "latin1");
    }
  };
  for (const s of subs) walk(join(dir, s), `${s}/`);
  return out;
}

describe("builds with the cache", () => {
  it("write the same digests, site and feeds cold, warm, damaged, foreign and deleted, and after a new article", async () => {
    const cold = await build();
    const inputs = readdirSync(input, { recursive: true }).filter((p) => statSync(join(input, String(p))).isFile()).length;
    expect(Object.keys(cold.files).length).toBeGreaterThan(10);
    expect(cold.stats).toMatchObject({ cleanHits: 0, computed: inputs });
    expect(readdirSync(join(work, ".digest-cache")).sort()).toEqual(["article.pack", "build.state", "categories.pack", "cluster-rows.pack", "copies.pack", "dated.pack", "feed-items.pack", "ingest.state", "prose.pack", "site.state", "story-ids.copy", "story-views.pack", "summary.pack"]);
    expect(cold.summaries.hits).toBe(0);

    const warm = await build();
    expect(warm.stats).toMatchObject({ cleanHits: inputs, computed: 0 });
    expect(warm.summaries.calls).toBeGreaterThan(5);
    expect(warm.summaries.hits).toBe(warm.summaries.calls);
    expect(warm.files).toEqual(cold.files);
    expect(warm.warnings).toEqual([]);

    // Damage: one entry's text changed (its checksum no longer holds), another's paragraphs too, the
    // other pack cut short.
    const pack = join(work, ".digest-cache/article.pack");
    const lines = readFileSync(pack, "utf8").split("\n");
    lines[1] = lines[1]!.replace(/"title":"[^"]/, '"title":"X');
    writeFileSync(pack, lines.join("\n"));
    const prose = join(work, ".digest-cache/prose.pack");
    const texts = readFileSync(prose, "utf8").split("\n");
    const other = texts.findIndex((l, i) => i > 0 && l.slice(0, 32) !== lines[1]!.slice(0, 32));
    texts[other] = texts[other]!.replace(/\["./, '["X');
    writeFileSync(prose, texts.join("\n"));
    const dated = join(work, ".digest-cache/dated.pack");
    writeFileSync(dated, readFileSync(dated).subarray(0, 300));
    // And a feed item's text changed: the item is written again, not taken as it is.
    const feedItems = join(work, ".digest-cache/feed-items.pack");
    const items = readFileSync(feedItems, "utf8").split("\n");
    items[1] = items[1]!.replace("<", "[");
    writeFileSync(feedItems, items.join("\n"));
    const damaged = await build();
    expect(damaged.files).toEqual(cold.files);
    expect(damaged.stats.computed).toBe(2);
    expect(damaged.warnings).toHaveLength(4);
    expect(damaged.warnings.every((w) => /^digest: cache: ignored \d+ damaged entr/.test(w))).toBe(true);

    // Foreign: a pack of another format version is ignored whole.
    writeFileSync(pack, readFileSync(pack, "utf8").replace(/^DIGEST-CACHE 2 /, "DIGEST-CACHE 7 "));
    const foreign = await build();
    expect(foreign.files).toEqual(cold.files);
    expect(foreign.stats.computed).toBe(inputs);
    expect(foreign.warnings).toEqual([`digest: cache: ${pack} is not a Digest cache of this version (format 2, article); ignoring it`]);

    rmSync(join(work, ".digest-cache"), { recursive: true });
    expect((await build()).files).toEqual(cold.files);

    // One more article: built on the cache, as a cold build of all of them in a new cache would be.
    cpSync(join(root, "test/fixtures/inputs/no-front-matter.md"), join(input, "new-article.md"));
    const added = await build();
    expect(added.stats).toMatchObject({ cleanHits: inputs, computed: 1 });
    // Only the story the new article joined or made is summarised again.
    expect(added.summaries.calls - added.summaries.hits).toBe(1);
    const fresh = await build(["--cache", join(work, "other-cache")]);
    expect(fresh.stats.cleanHits).toBe(0);
    expect(added.files).toEqual(fresh.files);
    expect(added.files).not.toEqual(cold.files);
  }, 240_000); // eight whole builds: 30–80 s on 2 cores, longer when the machine is busy
});
