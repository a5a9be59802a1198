// `digest serve`: builds, serves the site on 127.0.0.1, and rebuilds when an article is added.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

describe("digest serve", () => {
  const work = mkdtempSync(join(tmpdir(), "digest-serve-"));
  cpSync(join(root, "test/fixtures/site-hostile"), join(work, "in"), { recursive: true });
  let child: ChildProcess | null = null;
  let output = "";

  afterAll(() => {
    child?.kill("SIGTERM");
  });

  async function waitFor(pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
    const start = Date.now();
    for (;;) {
      const m = pattern.exec(output);
      if (m) return m;
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("serves the built site at 127.0.0.1, pointing its feeds at that address, and rebuilds when an article is added", async () => {
    child = spawn(process.execPath, [join(root, "bin/digest.js"), "serve", "--port", "0", "--input", join(work, "in"), "--digests", join(work, "digests"), "--output", join(work, "site")], { cwd: root });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const url = (await waitFor(/serving \S+ at (http:\/\/localhost:\d+\/)/))[1]!;
    const local = url.replace("localhost", "127.0.0.1");
    const home = await fetch(local);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await home.text()).toContain("Ferry workers strike");
    expect((await fetch(`${local}archive`, { redirect: "manual" })).headers.get("location")).toBe("/archive/");
    const missing = await fetch(`${local}no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<h1>Page not found</h1>");
    expect((await fetch(`${local}..%2f..%2fpackage.json`)).status).toBe(404);
    // Feeds and canonical links point at the address being served.
    expect(await (await fetch(`${local}atom.xml`)).text()).toContain(`<link rel="self" href="${url}atom.xml"/>`);

    writeFileSync(
      join(work, "in/keepers.md"),
      '---\ntitle: "Last lighthouse keepers retire from the islands"\ndate: 2025-03-16\nsource: "Coast Radio"\n---\n\nThe last lighthouse keepers on the islands retired on Sunday after forty years of service, the harbour authority said in a statement issued at noon.\n\nThe lights will now be run automatically from the mainland control room, which the authority said was both safer and cheaper to run.\n',
    );
    await waitFor(/9 inputs/);
    expect(await (await fetch(local)).text()).toContain("Last lighthouse keepers retire from the islands");
  });
});
