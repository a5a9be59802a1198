// `digest serve`: builds, serves the site on 127.0.0.1, and rebuilds when an article is added.
import { afterAll, describe, expect, it } from "vitest";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { cpSync, existsSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

describe("digest serve", () => {
  const work = mkdtempSync(join(tmpdir(), "digest-serve-"));
  cpSync(join(root, "test/fixtures/site-hostile"), join(work, "in"), { recursive: true });
  let child: ChildProcess | null = null;
  let output = "";

  let configChild: ChildProcess | null = null;

  afterAll(() => {
    child?.kill("SIGTERM");
    configChild?.kill("SIGTERM");
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
    await waitFor(/rebuilds when \S+ or digest\.config\.json changes/); // the banner names both things it watches
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

  it("rebuilds when the config is created after the start and again after each save by rename, as editors save", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-serve-config-"));
    cpSync(join(root, "test/fixtures/site-hostile"), join(dir, "in"), { recursive: true });
    let log = "";
    configChild = spawn(process.execPath, [join(root, "bin/digest.js"), "serve", "--port", "0", "--input", "in", "--digests", "digests", "--output", "site"], { cwd: dir });
    configChild.stdout!.on("data", (d) => (log += d));
    configChild.stderr!.on("data", (d) => (log += d));
    const start = Date.now();
    const until = async (check: () => Promise<boolean>, what: string) => {
      while (!(await check())) {
        if (Date.now() - start > 90_000) throw new Error(`timed out waiting for ${what}; output so far:\n${log}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await until(async () => /serving \S+ at http:\/\/localhost:\d+\//.test(log), "the server");
    const local = /at (http:\/\/localhost:\d+\/)/.exec(log)![1]!.replace("localhost", "127.0.0.1");
    const titled = (title: string) => async () => (await (await fetch(local)).text()).includes(`<title>${title}</title>`);
    expect(await titled("Digest")()).toBe(true);

    writeFileSync(join(dir, "digest.config.json"), '{"title": "Harbour Notes"}\n');
    await until(titled("Harbour Notes"), "the config written after the start");
    for (const title of ["Island Notes", "Coast Notes"]) {
      writeFileSync(join(dir, "digest.config.json.tmp"), `{"title": "${title}"}\n`);
      renameSync(join(dir, "digest.config.json.tmp"), join(dir, "digest.config.json"));
      await until(titled(title), `the config saved by rename as "${title}"`);
    }
  }, 150_000);

  it("says in one line which port is taken and what to do when another program holds it, and exits 1 without building", async () => {
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(0, "127.0.0.1", done));
    const { port } = holder.address() as AddressInfo;
    const dir = mkdtempSync(join(tmpdir(), "digest-serve-busy-"));
    try {
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        execFile(process.execPath, [join(root, "bin/digest.js"), "serve", "--port", String(port), "--input", join(root, "test/fixtures/site-hostile"), "--digests", "digests", "--output", "site"], { cwd: dir }, (error, stdout, stderr) =>
          done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
        );
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      const lines = result.stderr.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(lines[0]).toMatch(/--port \d+, or --port 0 for any free one$/);
      expect(lines[0]).not.toMatch(/EADDRINUSE|listen /);
      expect(existsSync(join(dir, "site"))).toBe(false);
    } finally {
      holder.close();
    }
  });
});
