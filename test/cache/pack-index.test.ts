// A pack read unparsed (the articles' prose) is found through an index its last build left beside it
// (src/cache/pack.ts readIndex), not by scanning every line: the same entries come back, and an index that
// is damaged, foreign, cut short or of a pack changed since is never trusted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { proseNamespace, storedProse } from "../../src/cache/articles.ts";
import { cacheKey, DiskCache } from "../../src/cache/pack.ts";

const keys = [0, 1, 2, 3].map((k) => cacheKey("prose", k));
// Multi-byte UTF-8 first (offsets are in bytes).
const lists = [
  { paragraphs: ["ünïcode “quoted” 😀", "line\nbreak"], context: "€" },
  { paragraphs: ["second"], context: "" },
  { paragraphs: ["third", "of three"], context: "c" },
  { paragraphs: ["added later"], context: "" },
];

// The pack's last change is older than the clock's granularity at once (src/ingest/known.ts racyMargins).
const racy = process.env.DIGEST_TEST_RACY_MS;
beforeEach(() => void (process.env.DIGEST_TEST_RACY_MS = "0"));
afterEach(() => {
  if (racy === undefined) delete process.env.DIGEST_TEST_RACY_MS;
  else process.env.DIGEST_TEST_RACY_MS = racy;
});

/** One build's use of the prose pack: the entries it wants read back (undefined: not found), then `which` put, committed, closed. */
async function build(dir: string, warnings: string[], which: number[] = []): Promise<Array<(typeof lists)[number] | undefined>> {
  const cache = new DiskCache(dir, (w) => warnings.push(w));
  const pack = await cache.open(proseNamespace, new Set(keys));
  const source = storedProse(pack);
  const found = keys.map((k) => {
    const at = pack.get(k);
    return at === undefined ? undefined : source.read(at);
  });
  for (const i of which) pack.putJson(keys[i]!, JSON.stringify(lists[i]));
  await pack.commit();
  cache.close();
  return found;
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "digest-pack-index-"));
  return { dir, file: join(dir, "prose.pack"), index: join(dir, "prose.pack.index"), warnings: [] as string[] };
}

/** The index's listing: each entry's key, and the JSON its place and length point at in the pack. */
function listing(index: string, pack: string): Array<[string, string]> {
  const bytes = readFileSync(index);
  const body = bytes.subarray(bytes.indexOf(0x0a) + 1);
  const data = readFileSync(pack);
  const out: Array<[string, string]> = [];
  for (let at = 0; at < body.length; at += 32) {
    const offset = body.readDoubleLE(at + 16);
    out.push([body.toString("hex", at, at + 16), data.toString("utf8", offset, offset + body.readUInt32LE(at + 24))]);
  }
  return out;
}

describe("the prose pack's index", () => {
  it("is left by the build that wrote the pack, lists every entry where it is, and is kept up by the builds that add to it", async () => {
    const { dir, file, index, warnings } = setup();
    expect(await build(dir, warnings, [0, 1, 2])).toEqual([undefined, undefined, undefined, undefined]);
    expect(listing(index, file)).toEqual([0, 1, 2].map((i) => [keys[i], JSON.stringify(lists[i])]));
    // Found through it; one more put (appended in place), and the index lists it after them.
    expect(await build(dir, warnings, [3])).toEqual([lists[0], lists[1], lists[2], undefined]);
    expect(listing(index, file)).toEqual([0, 1, 2, 3].map((i) => [keys[i], JSON.stringify(lists[i])]));
    expect(await build(dir, warnings)).toEqual(lists);
    expect(warnings).toEqual([]);
  });

  it("lists the entries where they are after the pack is written whole", async () => {
    const { dir, file, index, warnings } = setup();
    await build(dir, warnings, [0, 1, 2, 3]);
    // A build that wants only the last: the others go (more than one in STALE_SHARE unused), the pack is written whole.
    const cache = new DiskCache(dir, (w) => warnings.push(w));
    const pack = await cache.open(proseNamespace, new Set([keys[3]!]));
    expect(storedProse(pack).read(pack.get(keys[3]!)!)).toEqual(lists[3]);
    pack.putJson(keys[1]!, JSON.stringify(lists[1]));
    await pack.commit();
    cache.close();
    expect(listing(index, file)).toEqual([3, 1].map((i) => [keys[i], JSON.stringify(lists[i])]));
    expect(await build(dir, warnings)).toEqual([undefined, lists[1], undefined, lists[3]]);
    expect(warnings).toEqual([]);
  });

  it("damaged, foreign or cut short: ignored with one warning, and the pack read whole gives the same entries", async () => {
    for (const spoil of [
      (b: Buffer) => void (b[b.length - 5] ^= 0x01), // a flipped bit in the listing
      (b: Buffer) => b.subarray(0, b.length - 7), // cut short
      (b: Buffer) => Buffer.from(b.toString("latin1").replace("DIGEST-INDEX 1 prose", "DIGEST-INDEX 1 other"), "latin1"), // another namespace's
      () => Buffer.from("not an index\n"),
    ]) {
      const { dir, index, warnings } = setup();
      await build(dir, warnings, [0, 1, 2]);
      const bytes = readFileSync(index);
      writeFileSync(index, spoil(bytes) ?? bytes);
      expect(await build(dir, warnings)).toEqual([lists[0], lists[1], lists[2], undefined]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/prose\.pack\.index (is damaged or cut short|is not an index of this version and namespace); reading .* whole/);
    }
  });

  it("is not trusted once the pack changed after it: a damaged entry is found by the scan, with the pack's one warning", async () => {
    const { dir, file, warnings } = setup();
    await build(dir, warnings, [0, 1, 2]);
    // Same size, one entry's bytes changed (its checksum no longer holds).
    writeFileSync(file, readFileSync(file, "utf8").replace("third", "thirD"));
    expect(await build(dir, warnings)).toEqual([lists[0], lists[1], undefined, undefined]);
    expect(warnings).toEqual([`cache: ignored 1 damaged entry in ${file}`]);
  });

  it("a build stopped after it changed the pack leaves no index, and the next reads the pack whole", async () => {
    const { dir, file, index, warnings } = setup();
    await build(dir, warnings, [0, 1]);
    expect(existsSync(index)).toBe(true);
    // Committed, never closed (the process ended there); then a line cut short, as a killed append leaves it.
    const cache = new DiskCache(dir, (w) => warnings.push(w));
    const pack = await cache.open(proseNamespace, new Set(keys));
    expect([pack.get(keys[0]!), pack.get(keys[1]!)]).not.toContain(undefined);
    pack.putJson(keys[2]!, JSON.stringify(lists[2]));
    await pack.commit();
    expect(existsSync(index)).toBe(false);
    appendFileSync(file, `${keys[3]} 0000`);
    expect(await build(dir, warnings)).toEqual([lists[0], lists[1], lists[2], undefined]);
    // The cut-short line counted once, then the pack written whole with its index.
    expect(warnings).toEqual([`cache: ignored 1 damaged entry in ${file}`]);
    expect(listing(index, file).map(([k]) => k)).toEqual([keys[0], keys[1], keys[2]]);
    cache.close();
  });
});
