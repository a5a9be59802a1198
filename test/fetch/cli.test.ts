// `digest fetch` as a user runs it, then `digest build` over what it saved: real processes, a real
// server on 127.0.0.1 holding real news pages (from ../shared/corpus/extraction-html).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { startServer, type TestServer } from "./server.ts";
import { pageFile } from "../../src/fetch/save.ts";
import { parseHtml } from "../../src/clean/html.ts";
import { digest as runDigest } from "../output/run.ts";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/digest.js");
const pagesDir = join(root, "test/fixtures/fetch/pages");

const digest = (args: string[], cwd: string) => runDigest(args, {}, undefined, { cwd });
const digestWith = (args: string[], cwd: string, env: Record<string, string>) => runDigest(args, env, undefined, { cwd });

function workdir(config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "digest-fetch-cli-"));
  if (config !== undefined) writeFileSync(join(dir, "digest.config.json"), JSON.stringify(config));
  return dir;
}

const FAST = { perHostDelayMs: 0, timeoutMs: 10_000 };

describe("digest fetch: the command", () => {
  it("--help lists the options and exits 0", async () => {
    const { code, stdout } = await digest(["fetch", "--help"], workdir());
    expect(code).toBe(0);
    for (const option of ["--config FILE", "--input DIR", "--cache DIR", "--allow-private", "--quiet"]) expect(stdout).toContain(option);
  });

  it("exits non-zero with one line for no subscriptions, a broken config, or an input folder it cannot write", async () => {
    const none = await digest(["fetch"], workdir({}));
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('digest fetch: no subscriptions: add "feeds" (a list of feed URLs) or "opml" (an OPML file) to digest.config.json\n');
    const broken = await digest(["fetch"], workdir({ feeds: ["https://a.example/feed"], fetch: { concurrency: 99 } }));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^digest fetch: .*"fetch.concurrency" must be at most 16, not the number 99\n$/);
    const dir = workdir({ feeds: ["https://a.example/feed"] });
    writeFileSync(join(dir, "a-file"), "");
    const unwritable = await digest(["fetch", "--input", "a-file/articles"], dir);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^digest fetch: input folder .*a-file\/articles cannot be written \(ENOTDIR\)\n$/);
  });

  it("without --allow-private refuses a feed on 127.0.0.1, names it and the address, and still exits 0", async () => {
    const server = await startServer({ "/rss.xml": { type: "application/rss+xml", body: "<rss/>" } });
    try {
      const { code, stdout, stderr } = await digest(["fetch"], workdir({ feeds: [`${server.origin}/rss.xml`], fetch: FAST }));
      expect(code).toBe(0);
      expect(stderr).toBe(`digest fetch: feed ${server.origin}/rss.xml: refused: 127.0.0.1, not a public address (loopback); run with --allow-private to allow it\n`);
      expect(stdout).toBe("digest fetch: feeds: 0 read, 0 not modified, 1 failed; pages: 0 saved, 0 skipped (saved or given up on before), 0 failed\n");
      expect(server.log).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("digest fetch over https", () => {
  const tls = { key: readFileSync(join(root, "test/fixtures/fetch/tls/key.pem")), cert: readFileSync(join(root, "test/fixtures/fetch/tls/cert.pem")) };

  it("verifies certificates: a certificate nobody vouches for is a named failure, a trusted one works", async () => {
    const server = await startServer({}, tls);
    const o = server.origin;
    server.routes.set("/feed.json", { type: "application/feed+json", body: JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Secure Times", items: [{ id: "1", url: `${o}/a`, content_text: "The harbour council voted on Thursday to approve a new bridge across the river, ending a debate that has lasted more than ten years in the town." }] }) });
    try {
      const dir = workdir({ feeds: [`${o}/feed.json`], fetch: FAST });
      const untrusted = await digest(["fetch", "--allow-private"], dir);
      expect(untrusted.code).toBe(0);
      expect(untrusted.stderr).toMatch(new RegExp(`^digest fetch: feed ${o}/feed.json: TLS: self[- ]signed certificate\n$`));
      const trusted = await digestWith(["fetch", "--allow-private"], dir, { NODE_EXTRA_CA_CERTS: join(root, "test/fixtures/fetch/tls/cert.pem") });
      expect(trusted.stdout).toMatch(/feeds: 1 read, .* pages: 1 saved \(1 from the feed's text\)/);
      expect(server.log.map((l) => l.path).sort()).toEqual(["/a", "/feed.json", "/robots.txt"]);
    } finally {
      await server.close();
    }
  });
});

interface Report {
  inputs: { path: string; status: string; reason?: string }[];
  stories: { id: string; members: string[] }[];
}

describe("digest fetch, then digest build, over real news pages", () => {
  let server: TestServer;
  let dir: string;
  const pages = readdirSync(pagesDir).sort();
  const served: { path: string; html: string }[] = pages.map((f, i) => ({ path: `/news/${i + 1}/story.html`, html: gunzipSync(readFileSync(join(pagesDir, f))).toString("utf8") }));
  const textOnly = "/news/gone.html";
  const fetched = { code: 0, stdout: "", stderr: "" };
  const built = { code: 0, stdout: "", stderr: "" };

  beforeAll(async () => {
    server = await startServer();
    const o = server.origin;
    // The first page travels gzip-compressed, the way most servers send pages.
    served.forEach((p, i) => server.routes.set(p.path, i === 0 ? { type: "text/html; charset=utf-8", body: readFileSync(join(pagesDir, pages[0]!)), headers: { "content-encoding": "gzip" } } : { type: "text/html; charset=utf-8", body: p.html }));
    const full = "<p>The port authority said on Friday that the new container terminal will open in March, two months later than planned, because of delays in delivering the cranes.</p><p>Shipping companies had been told to expect the opening in January. The authority said the cost of the project had not changed.</p>";
    server.routes.set("/rss.xml", {
      type: "application/rss+xml",
      body: `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire Desk</title>
${served.slice(0, 2).map((p) => `<item><title>t</title><link>${o}${p.path}</link></item>`).join("\n")}
<item><title>Terminal opening delayed</title><link>${o}${textOnly}</link><pubDate>Fri, 22 Nov 2019 09:30:00 +0000</pubDate><content:encoded><![CDATA[${full}]]></content:encoded></item>
</channel></rss>`,
    });
    server.routes.set("/feed.json", { type: "application/feed+json", body: JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "World Briefing", items: served.slice(2).map((p, i) => ({ id: String(i), url: `${o}${p.path}` })) }) });
    dir = workdir({ feeds: [`${o}/rss.xml`, `${o}/feed.json`], fetch: FAST });
    Object.assign(fetched, await digest(["fetch", "--allow-private", "--input", "in", "--cache", "cache"], dir));
    Object.assign(built, await digest(["build", "--input", "in", "--digests", "digests", "--output", "site"], dir));
  });

  afterAll(async () => {
    await server.close();
  });

  it("fetch saves every page and the feed-text stand-in, and says so", () => {
    expect(fetched.code).toBe(0);
    expect(fetched.stderr).toBe(`digest fetch: page ${server.origin}${textOnly}: HTTP 404 Not Found; saved the feed's full text instead\n`);
    expect(fetched.stdout).toBe("digest fetch: feeds: 2 read, 0 not modified, 0 failed; pages: 5 saved (1 from the feed's text), 0 skipped (saved or given up on before), 0 failed\n");
  });

  it("build reads every saved page as an article: none rejected, each in one story", () => {
    expect(built.code).toBe(0);
    expect(built.stderr).not.toMatch(/rejected/);
    const report = JSON.parse(readFileSync(join(dir, "site/build-report.json"), "utf8")) as Report;
    const expected = [...served.map((p) => p.path), textOnly].map((p) => pageFile(`${server.origin}${p}`)).sort();
    expect(report.inputs.map((i) => i.path).sort()).toEqual(expected);
    expect(report.inputs.filter((i) => i.status === "rejected")).toEqual([]);
    expect(report.stories.flatMap((s) => s.members).sort()).toEqual(expected);
  });

  it("the digests credit each page by the URL it was fetched from, or the canonical URL the page gives", () => {
    const markdown = readdirSync(join(dir, "digests"))
      .map((f) => readFileSync(join(dir, "digests", f), "utf8"))
      .join("\n");
    for (const p of served) {
      const canonical = parseHtml(p.html).meta.url;
      expect(markdown, p.path).toContain(`](${canonical ?? `${server.origin}${p.path}`})`);
    }
    expect(markdown).toContain(`](${server.origin}${textOnly})`);
    // The feed's date dates the stand-in page.
    expect(readdirSync(join(dir, "digests"))).toContain("2019-11-22.md");
  });
});
