// `digest serve` tells a browser which files it already has: each answer carries a tag of the file, and a
// request naming that tag gets 304 with no body, so a returning reader's search does not fetch every bundle's
// files again; a file a rebuild changed gets a new tag and is sent whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveFolder } from "../../src/cli/serve.ts";

describe("digest serve: revalidation", () => {
  const site = mkdtempSync(join(tmpdir(), "digest-serve-tags-"));
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    mkdirSync(join(site, "pagefind"));
    writeFileSync(join(site, "pagefind", "pagefind-entry.json"), '{"version":"1.6.0"}');
    writeFileSync(join(site, "index.html"), "<!doctype html><title>Digest</title>");
    ({ server, url: origin } = await serveFolder({ root: site, port: 0, host: "127.0.0.1" }));
  });
  afterAll(() => server?.close());

  const get = (path: string, tag?: string) => fetch(new URL(path, origin), { headers: tag ? { "if-none-match": tag } : {} });

  it("answers a request naming the file's tag with 304 and no body, and asks the browser to check each time", async () => {
    const first = await get("pagefind/pagefind-entry.json");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/".+"$/);
    const again = await get("pagefind/pagefind-entry.json", tag!);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Another file's tag does not stand for this one.
    const other = (await get("index.html")).headers.get("etag")!;
    expect((await get("pagefind/pagefind-entry.json", other)).status).toBe(200);
  });

  it("sends a file a rebuild replaced whole, with a new tag; a file carried over as a link keeps its tag", async () => {
    const before = (await get("pagefind/pagefind-entry.json")).headers.get("etag")!;
    const page = (await get("index.html")).headers.get("etag")!;
    // As a build swaps a site in: the changed file is a new file, the unchanged one a hard link to the old.
    const next = `${site}.next`;
    mkdirSync(join(next, "pagefind"), { recursive: true });
    writeFileSync(join(next, "pagefind", "pagefind-entry.json"), '{"version":"1.6.0","languages":{}}');
    linkSync(join(site, "index.html"), join(next, "index.html"));
    renameSync(site, `${site}.old`);
    renameSync(next, site);
    const changed = await get("pagefind/pagefind-entry.json", before);
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('{"version":"1.6.0","languages":{}}');
    expect(changed.headers.get("etag")).not.toBe(before);
    expect((await get("index.html", page)).status).toBe(304);
  });
});
