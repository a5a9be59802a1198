// `fetchSubscriptions` against a real HTTP server on 127.0.0.1, started here; requests are counted there.
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fetchSubscriptions, type FetchOptions, type FetchSummary } from "../../src/fetch/index.ts";
import { pageFile } from "../../src/fetch/save.ts";
import { startServer, type TestServer } from "./server.ts";
import { articleHtml, rss } from "./pages.ts";

const HTML = "text/html; charset=utf-8";
const RSS = "application/rss+xml";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

interface Run {
  summary: FetchSummary;
  messages: string[];
  input: string;
  stateFile: string;
}

function dirs(): { input: string; stateFile: string } {
  const work = mkdtempSync(join(tmpdir(), "digest-fetch-"));
  return { input: join(work, "articles"), stateFile: join(work, "cache", "fetch-state.json") };
}

async function run(feeds: string[], where = dirs(), options: Partial<FetchOptions> = {}): Promise<Run> {
  const messages: string[] = [];
  const summary = await fetchSubscriptions({
    feeds,
    inputDir: where.input,
    stateFile: where.stateFile,
    // Generous timeouts: the suite runs files in parallel on a loaded 2-core machine.
    settings: { concurrency: 4, perHostDelayMs: 0, timeoutMs: 10_000, maxRedirects: 5, userAgent: "Digest/test (+http://127.0.0.1/)" },
    allowPrivate: true,
    onMessage: (m) => messages.push(m),
    ...options,
  });
  return { summary, messages, ...where };
}

function saved(input: string, url: string): string {
  return readFileSync(join(input, pageFile(url)), "utf8");
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const requested = (s: TestServer, path: string) => s.log.filter((l) => l.path === path).length;

describe("digest fetch: feeds of every kind", () => {
  it("reads RSS, Atom and JSON feeds and saves each item's page with its URL, outlet and date", async () => {
    server = await startServer();
    const o = server.origin;
    server.routes.set("/rss.xml", { type: RSS, body: rss("Harbour Gazette", [{ link: `${o}/news/bridge`, title: "Bridge", date: "Thu, 29 May 2025 10:15:00 +0300" }]) });
    server.routes.set("/atom.xml", {
      type: "application/atom+xml",
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${o}/atom/"><title>Atom Observer</title><id>x</id><updated>2025-05-29T12:00:00Z</updated><entry><title>Ferry</title><id>1</id><link href="ferry"/><published>2025-05-29T08:00:00-04:00</published><updated>2025-05-29T09:00:00-04:00</updated></entry></feed>`,
    });
    server.routes.set("/feed.json", { type: "application/feed+json", body: JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "JSON Ledger", items: [{ id: "1", url: "/json/quay", title: "Quay", date_published: "2025-05-29T10:00:00+05:30" }] }) });
    for (const [path, title] of [["/news/bridge", "Bridge"], ["/atom/ferry", "Ferry"], ["/json/quay", "Quay"]]) server.routes.set(path!, { type: HTML, body: articleHtml(title!) });

    const r = await run([`${o}/rss.xml`, `${o}/atom.xml`, `${o}/feed.json`]);
    expect(r.messages).toEqual([]);
    expect(r.summary.feeds).toMatchObject({ read: 3, notModified: 0, failed: 0 });
    expect(r.summary.pages).toMatchObject({ saved: 3, skipped: 0, failed: 0 });
    const host = `127.0.0.1_${server.port}`;
    expect(files(r.input).every((f) => f.startsWith(`${host}/`) && f.endsWith(".html"))).toBe(true);
    expect(saved(r.input, `${o}/news/bridge`)).toContain(`<meta name="digest:url" content="${o}/news/bridge">\n<meta name="digest:outlet" content="Harbour Gazette">\n<meta name="digest:date" content="2025-05-29T10:15:00+03:00">`);
    expect(saved(r.input, `${o}/atom/ferry`)).toContain(`<meta name="digest:outlet" content="Atom Observer">\n<meta name="digest:date" content="2025-05-29T08:00:00-04:00">`);
    expect(saved(r.input, `${o}/json/quay`)).toContain(`<meta name="digest:url" content="${o}/json/quay">\n<meta name="digest:outlet" content="JSON Ledger">`);
    // Polite: every request names Digest, and robots.txt was asked once for the host.
    expect(server.log.every((l) => l.headers["user-agent"] === "Digest/test (+http://127.0.0.1/)")).toBe(true);
    expect(requested(server, "/robots.txt")).toBe(1);
    expect(existsSync(r.stateFile)).toBe(true);
    expect(files(r.input).some((f) => f.endsWith(".json"))).toBe(false);
  });

  it("reads a broken feed, and names a feed that is not one, a 404 and an HTML page served instead", async () => {
    server = await startServer();
    const o = server.origin;
    server.routes.set("/broken.xml", { type: "text/html", body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Fish & Chips</title><item><title>Salt & vinegar</title><link>${o}/p?id=1&ref=rss</link></item></channel></rss>` });
    server.routes.set("/p?id=1&ref=rss", { type: HTML, body: articleHtml("Salt") });
    server.routes.set("/home.html", { type: HTML, body: "<html><body><h1>Welcome</h1></body></html>" });
    server.routes.set("/empty.xml", { type: RSS, body: "" });
    const r = await run([`${o}/broken.xml`, `${o}/home.html`, `${o}/missing.xml`, `${o}/empty.xml`]);
    expect(r.summary.feeds).toMatchObject({ read: 1, failed: 3 });
    expect(r.summary.pages.saved).toBe(1);
    expect(saved(r.input, `${o}/p?id=1&ref=rss`)).toContain('<meta name="digest:outlet" content="Fish &amp; Chips">');
    expect(r.messages.sort()).toEqual([
      `feed ${o}/empty.xml: empty response (the server sent application/rss+xml)`,
      `feed ${o}/home.html: not a feed (no RSS, Atom or JSON Feed in it) (the server sent text/html)`,
      `feed ${o}/missing.xml: HTTP 404 Not Found`,
    ]);
  });
});

describe("digest fetch: pages that cannot be had", () => {
  it("names a 404 page, and saves the feed's full text when the page is gone", async () => {
    server = await startServer();
    const o = server.origin;
    const full = `<p>${"The ferry crews met the mayor on Friday to discuss the timetable for the summer season and the new bridge. ".repeat(3)}</p>`;
    server.routes.set("/rss.xml", { type: RSS, body: rss("Gazette", [{ link: `${o}/gone`, title: "Gone" }, { link: `${o}/gone-with-text`, title: "Ferry crews meet mayor", content: full, date: "Fri, 30 May 2025 09:00:00 +0100" }]) });
    const r = await run([`${o}/rss.xml`]);
    expect(r.messages.sort()).toEqual([`page ${o}/gone-with-text: HTTP 404 Not Found; saved the feed's full text instead`, `page ${o}/gone: HTTP 404 Not Found`]);
    expect(r.summary.pages).toMatchObject({ saved: 1, fromFeedText: 1, failed: 1 });
    const page = saved(r.input, `${o}/gone-with-text`);
    expect(page).toContain(`<meta name="digest:url" content="${o}/gone-with-text">`);
    expect(page).toContain('<meta name="digest:date" content="2025-05-30T09:00:00+01:00">');
    expect(page).toContain("<h1>Ferry crews meet mayor</h1>");
    expect(existsSync(join(r.input, pageFile(`${o}/gone`)))).toBe(false);
  });

  it("gives up on a page slower than the timeout, and the run goes on", async () => {
    server = await startServer();
    const o = server.origin;
    server.routes.set("/rss.xml", { type: RSS, body: rss("Gazette", [{ link: `${o}/slow`, title: "Slow" }, { link: `${o}/fast`, title: "Fast" }]) });
    server.routes.set("/slow", (_req, res) => {
      res.writeHead(200, { "content-type": HTML });
      res.write("<html><head>"); // and never more
    });
    server.routes.set("/fast", { type: HTML, body: articleHtml("Fast") });
    const r = await run([`${o}/rss.xml`], dirs(), { settings: { concurrency: 4, perHostDelayMs: 0, timeoutMs: 1500, maxRedirects: 5, userAgent: "Digest/test" } });
    expect(r.messages).toEqual([`page ${o}/slow: timed out after 1.5 s`]);
    expect(r.summary.pages).toMatchObject({ saved: 1, failed: 1 });
  });

  it("stops at a redirect loop and at too many redirects, naming each", async () => {
    server = await startServer();
    const o = server.origin;
    const redirect = (to: string) => ({ status: 302, headers: { location: to } });
    server.routes.set("/loop-a", redirect("/loop-b"));
    server.routes.set("/loop-b", redirect(`${o}/loop-a`));
    for (let i = 1; i <= 4; i++) server.routes.set(`/hop${i}`, redirect(`/hop${i + 1}`));
    server.routes.set("/hop5", { type: HTML, body: articleHtml("Far") });
    server.routes.set("/moved", { status: 301, headers: { location: "/final" } });
    server.routes.set("/final", { type: HTML, body: articleHtml("Final") });
    server.routes.set("/elsewhere", redirect("ftp://127.0.0.1/file"));
    server.routes.set("/rss.xml", { type: RSS, body: rss("G", ["/loop-a", "/hop1", "/moved", "/elsewhere"].map((p) => ({ link: `${o}${p}`, title: p }))) });
    const r = await run([`${o}/rss.xml`], dirs(), { settings: { concurrency: 4, perHostDelayMs: 0, timeoutMs: 10_000, maxRedirects: 3, userAgent: "Digest/test" } });
    expect(r.messages.sort()).toEqual([
      `page ${o}/elsewhere: redirected to a ftp: URL; only http and https are fetched`,
      `page ${o}/hop1: more than 3 redirects`,
      `page ${o}/loop-a: redirect loop (back to ${o}/loop-a)`,
    ]);
    // A followed redirect: saved under the item's URL, crediting the URL that answered.
    expect(saved(r.input, `${o}/moved`)).toContain(`<meta name="digest:url" content="${o}/final">`);
    expect(requested(server, "/hop5")).toBe(0);
  });

  it("refuses pages over the size cap, declared or streamed, compressed or not", async () => {
    server = await startServer();
    const o = server.origin;
    const big = articleHtml("Big", `<p>${"x".repeat(70_000)}</p>`);
    server.routes.set("/declared", { type: HTML, body: big });
    server.routes.set("/streamed", (_req, res) => {
      res.writeHead(200, { "content-type": HTML });
      res.write(big.slice(0, 30_000));
      res.end(big.slice(30_000));
    });
    server.routes.set("/bomb", { type: HTML, body: gzipSync(big), headers: { "content-encoding": "gzip" } });
    server.routes.set("/small-gzip", { type: HTML, body: gzipSync(articleHtml("Small")), headers: { "content-encoding": "gzip" } });
    server.routes.set("/rss.xml", { type: RSS, body: rss("G", ["/declared", "/streamed", "/bomb", "/small-gzip"].map((p) => ({ link: `${o}${p}`, title: p }))) });
    const r = await run([`${o}/rss.xml`], dirs(), { maxBytes: 64 * 1024 });
    expect(r.messages.sort()).toEqual([`page ${o}/bomb: larger than the 64 KiB limit`, `page ${o}/declared: larger than the 64 KiB limit`, `page ${o}/streamed: larger than the 64 KiB limit`].sort());
    expect(saved(r.input, `${o}/small-gzip`)).toContain("<h1>Small</h1>");
  });

  it("names the size cap for a feed or a page that unpacks to many times it, not an abort", async () => {
    // A compression bomb: a few KiB on the wire, megabytes unpacked. The cap stops it mid-stream, and the
    // subscriber read "The operation was aborted" for the feed and the page.
    server = await startServer();
    const o = server.origin;
    const page = articleHtml("Bomb", `<p>${"x ".repeat(2_000_000)}</p>`);
    const feed = rss("Bomb feed", [{ link: `${o}/a`, title: "A" }]).replace("</channel>", `<description>${" ".repeat(2_000_000)}</description></channel>`);
    server.routes.set("/bomb", { type: HTML, body: gzipSync(page), headers: { "content-encoding": "gzip" } });
    server.routes.set("/bomb.xml", { type: RSS, body: gzipSync(feed), headers: { "content-encoding": "gzip" } });
    server.routes.set("/rss.xml", { type: RSS, body: rss("G", [{ link: `${o}/bomb`, title: "Bomb page" }]) });
    const r = await run([`${o}/rss.xml`, `${o}/bomb.xml`], dirs(), { maxBytes: 64 * 1024 });
    expect(r.messages.sort()).toEqual([`feed ${o}/bomb.xml: larger than the 64 KiB limit`, `page ${o}/bomb: larger than the 64 KiB limit`].sort());
  });

  it("saves a Windows-1252 page as UTF-8 with its curly quotes, dashes and euro signs", async () => {
    server = await startServer();
    const o = server.origin;
    const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ "“": 0x93, "”": 0x94, "€": 0x80, "—": 0x97, "’": 0x92, é: 0xe9 })[c] ?? c.charCodeAt(0)));
    const body = articleHtml("Café prices", "<p>“Quoted” — the mayor’s €5 café.</p>").replace('<meta charset="utf-8">', "");
    server.routes.set("/header", { type: "text/html; charset=windows-1252", body: cp1252(body) });
    server.routes.set("/meta", { type: "text/html", body: cp1252(body.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')) });
    server.routes.set("/rss.xml", { type: RSS, body: rss("G", [{ link: `${o}/header`, title: "h" }, { link: `${o}/meta`, title: "m" }]) });
    const r = await run([`${o}/rss.xml`]);
    expect(r.messages).toEqual([]);
    for (const p of ["/header", "/meta"]) {
      const page = saved(r.input, `${o}${p}`);
      expect(page).toContain("“Quoted” — the mayor’s €5 café.");
      expect(page.indexOf('<meta charset="utf-8">')).toBeLessThan(page.indexOf("windows-1252") === -1 ? Infinity : page.indexOf("windows-1252"));
    }
  });

  it("obeys robots.txt: a disallowed page is never requested; the feed's text stands in when it has one", async () => {
    server = await startServer();
    const o = server.origin;
    server.routes.set("/robots.txt", { type: "text/plain", body: "User-agent: *\nDisallow: /private/\n\nUser-agent: Digest\nDisallow: /private/\nDisallow: /no-digest/\n" });
    const full = `<p>${"The harbour master said the new bridge would change the tides of trade along the whole river valley. ".repeat(3)}</p>`;
    server.routes.set("/rss.xml", {
      type: RSS,
      body: rss("G", [
        { link: `${o}/private/a`, title: "a" },
        { link: `${o}/no-digest/b`, title: "Harbour master speaks", content: full },
        { link: `${o}/public/c`, title: "c" },
      ]),
    });
    server.routes.set("/public/c", { type: HTML, body: articleHtml("Public") });
    server.routes.set("/private/a", { type: HTML, body: articleHtml("Private") });
    const r = await run([`${o}/rss.xml`]);
    expect(r.messages.sort()).toEqual([`page ${o}/no-digest/b: disallowed by robots.txt; saved the feed's full text instead`, `page ${o}/private/a: disallowed by robots.txt`]);
    expect(server.log.filter((l) => /private|no-digest/.test(l.path))).toEqual([]);
    expect(r.summary.pages).toMatchObject({ saved: 2, fromFeedText: 1, failed: 1 });
  });

  it("fetches nothing from a site whose robots.txt answers with a server error (RFC 9309)", async () => {
    server = await startServer({ "/robots.txt": { status: 503 }, "/rss.xml": { type: RSS, body: rss("G", []) } });
    const r = await run([`${server.origin}/rss.xml`]);
    expect(r.messages).toEqual([`feed ${server.origin}/rss.xml: robots.txt answered HTTP 503 Service Unavailable, so nothing is fetched from 127.0.0.1:${server.port}`]);
    expect(server.log.map((l) => l.path)).toEqual(["/robots.txt"]);
  });

  it("does not save a page the build would reject as having no article", async () => {
    server = await startServer();
    const o = server.origin;
    server.routes.set("/rss.xml", { type: RSS, body: rss("G", [{ link: `${o}/login`, title: "Login" }, { link: `${o}/pdf`, title: "PDF" }]) });
    server.routes.set("/login", { type: HTML, body: "<html><body><form><input name=user><button>Sign in</button></form></body></html>" });
    server.routes.set("/pdf", { type: "application/pdf", body: "%PDF-1.4" });
    const r = await run([`${o}/rss.xml`]);
    expect(r.messages.sort()).toEqual([`page ${o}/login: the build would not read it as an article (no article text found: no block of the page reads as article text (only menus, notices and other page furniture))`, `page ${o}/pdf: not an HTML page (application/pdf)`]);
    expect(files(r.input)).toEqual([]);
  });
});

describe("digest fetch: runs after the first", () => {
  function feedWithValidators(s: TestServer, body: string, validator: "etag" | "last-modified") {
    const value = validator === "etag" ? '"v1"' : "Thu, 29 May 2025 12:00:00 GMT";
    return (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
      const match = validator === "etag" ? req.headers["if-none-match"] === value : req.headers["if-modified-since"] === value;
      if (match) return res.writeHead(304).end();
      res.writeHead(200, { "content-type": RSS, [validator]: value }).end(body);
    };
  }

  it("asks for feeds conditionally (304) and fetches no page twice; without its state, it still fetches no page twice", async () => {
    server = await startServer();
    const o = server.origin;
    const items = ["/a", "/b", "/c"].map((p) => ({ link: `${o}${p}`, title: p }));
    for (const p of ["/a", "/b", "/c"]) server.routes.set(p, { type: HTML, body: articleHtml(`Story ${p}`) });
    server.routes.set("/etag.xml", feedWithValidators(server, rss("E", items.slice(0, 2)), "etag"));
    server.routes.set("/lm.xml", feedWithValidators(server, rss("L", items.slice(1)), "last-modified"));
    const where = dirs();

    const first = await run([`${o}/etag.xml`, `${o}/lm.xml`], where);
    expect(first.summary.pages).toMatchObject({ saved: 3, skipped: 1 }); // /b is in both feeds
    const before = files(where.input);
    server.log.length = 0;

    const second = await run([`${o}/etag.xml`, `${o}/lm.xml`], where);
    expect(second.summary.feeds).toMatchObject({ read: 0, notModified: 2, failed: 0 });
    expect(second.summary.pages).toMatchObject({ saved: 0, failed: 0 });
    expect(server.log.map((l) => `${l.path} ${l.status}`).sort()).toEqual(["/etag.xml 304", "/lm.xml 304", "/robots.txt 404"]);
    expect(files(where.input)).toEqual(before);

    rmSync(where.stateFile);
    server.log.length = 0;
    const third = await run([`${o}/etag.xml`, `${o}/lm.xml`], where);
    expect(third.summary.feeds).toMatchObject({ read: 2, notModified: 0 });
    expect(third.summary.pages).toMatchObject({ saved: 0, skipped: 4, failed: 0 });
    expect(server.log.filter((l) => ["/a", "/b", "/c"].includes(l.path))).toEqual([]);
  });

  it("saves a page once when two feeds link it with different tracking parameters, in one run or across runs", async () => {
    server = await startServer();
    const o = server.origin;
    // Two feeds of one site, each tagging its links with its own campaign (as FeedBurner does).
    const main = `${o}/a?utm_source=feed&utm_campaign=main`;
    const sport = `${o}/a?utm_source=feed&utm_campaign=sport`;
    for (const p of [main, sport, `${o}/a`]) server.routes.set(p.slice(o.length), { type: HTML, body: articleHtml("Bridge vote") });
    for (const id of ["1", "2"]) server.routes.set(`/story?id=${id}&utm_medium=rss`, { type: HTML, body: articleHtml(`Story ${id}`) });
    server.routes.set("/main.xml", { type: RSS, body: rss("Main", [{ link: main, title: "Bridge vote" }, { link: `${o}/story?id=1&utm_medium=rss`, title: "One" }]) });
    server.routes.set("/sport.xml", { type: RSS, body: rss("Sport", [{ link: sport, title: "Bridge vote" }, { link: `${o}/story?id=2&utm_medium=rss`, title: "Two" }]) });
    server.routes.set("/bare.xml", { type: RSS, body: rss("Bare", [{ link: `${o}/a`, title: "Bridge vote" }]) });
    const where = dirs();

    const first = await run([`${o}/main.xml`, `${o}/sport.xml`], where);
    expect(first.summary.pages).toMatchObject({ saved: 3, skipped: 1, failed: 0 });
    expect(server.log.filter((l) => l.path.startsWith("/a")).length).toBe(1);
    const before = files(where.input);
    expect(before).toHaveLength(3); // the bridge story once, and the two stories whose ids differ

    server.log.length = 0;
    const second = await run([`${o}/bare.xml`], where);
    expect(second.summary.pages).toMatchObject({ saved: 0, skipped: 1, failed: 0 });
    expect(server.log.filter((l) => l.path.startsWith("/a"))).toEqual([]);
    expect(files(where.input)).toEqual(before);
  });

  it("asks again for a feed whose pages failed for now, and then for those pages only", async () => {
    server = await startServer();
    const o = server.origin;
    let up = false;
    server.routes.set("/feed.xml", feedWithValidators(server, rss("E", [{ link: `${o}/ok`, title: "ok" }, { link: `${o}/flaky`, title: "flaky" }]), "etag"));
    server.routes.set("/ok", { type: HTML, body: articleHtml("Ok") });
    server.routes.set("/flaky", (_req, res) => (up ? res.writeHead(200, { "content-type": HTML }).end(articleHtml("Flaky")) : res.writeHead(500).end()));
    const where = dirs();
    const first = await run([`${o}/feed.xml`], where);
    expect(first.messages).toEqual([`page ${o}/flaky: HTTP 500 Internal Server Error`]);
    up = true;
    server.log.length = 0;
    const second = await run([`${o}/feed.xml`], where);
    expect(second.summary.feeds.read).toBe(1);
    expect(second.summary.pages).toMatchObject({ saved: 1, skipped: 1 });
    expect(server.log.map((l) => l.path).sort()).toEqual(["/feed.xml", "/flaky", "/robots.txt"]);
  });
});

describe("digest fetch: items their feed says were updated", () => {
  const atom = (o: string, entries: { path: string; updated: string }[]) =>
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Observer</title><id>x</id><updated>2025-05-30T00:00:00Z</updated>${entries
      .map((e) => `<entry><title>${e.path}</title><id>${e.path}</id><link href="${o}${e.path}"/><published>2025-05-29T08:00:00Z</published><updated>${e.updated}</updated></entry>`)
      .join("")}</feed>`;

  it("fetches a page again when its feed's updated stamp moves later, never otherwise, and keeps the saved copy when the new one fails", async () => {
    server = await startServer();
    const o = server.origin;
    const put = (path: string, title: string) => server!.routes.set(path, { type: HTML, body: articleHtml(title) });
    put("/bridge", "Bridge vote first told");
    put("/ferry", "Ferry crews first told");
    put("/quay", "Quay plan first told");
    server.routes.set("/atom.xml", { type: "application/atom+xml", body: atom(o, [{ path: "/bridge", updated: "2025-05-29T09:00:00Z" }, { path: "/ferry", updated: "2025-05-29T09:00:00Z" }]) });
    server.routes.set("/rss.xml", { type: RSS, body: rss("Harbour Gazette", [{ link: `${o}/quay`, title: "Quay" }]) });
    const where = dirs();
    const feeds = [`${o}/atom.xml`, `${o}/rss.xml`];
    expect((await run(feeds, where)).summary.pages).toMatchObject({ saved: 3, updated: 0 });

    // The outlet corrects two stories; its feed says so for one of them (+01:00: an hour and a minute later).
    put("/bridge", "Bridge vote corrected");
    put("/ferry", "Ferry crews corrected");
    put("/quay", "Quay plan corrected");
    server.routes.set("/atom.xml", { type: "application/atom+xml", body: atom(o, [{ path: "/bridge", updated: "2025-05-29T11:01:00+01:00" }, { path: "/ferry", updated: "2025-05-29T10:00:00+01:00" }]) });
    server.log.length = 0;
    const second = await run(feeds, where);
    expect(second.messages).toEqual([]);
    expect(second.summary.pages).toMatchObject({ saved: 0, updated: 1, failed: 0 });
    expect(server.log.filter((l) => ["/bridge", "/ferry", "/quay"].includes(l.path)).map((l) => l.path)).toEqual(["/bridge"]);
    expect(saved(where.input, `${o}/bridge`)).toContain("Bridge vote corrected");
    // The feed's stamp goes with the corrected page: its story's feed date moves to it (src/digest/stamps.ts `stamped`).
    expect(saved(where.input, `${o}/bridge`)).toContain('<meta name="digest:changed" content="2025-05-29T11:01:00+01:00">');
    expect(saved(where.input, `${o}/ferry`)).toContain("Ferry crews first told");
    expect(saved(where.input, `${o}/quay`)).toContain("Quay plan first told");

    server.log.length = 0;
    expect((await run(feeds, where)).summary.pages).toMatchObject({ saved: 0, updated: 0 });
    expect(server.log.filter((l) => ["/bridge", "/ferry", "/quay"].includes(l.path))).toEqual([]);

    // Updated again, but the page is gone: the corrected copy stays, and it is not asked for again.
    server.routes.set("/bridge", { status: 404, type: HTML, body: "gone" });
    server.routes.set("/atom.xml", { type: "application/atom+xml", body: atom(o, [{ path: "/bridge", updated: "2025-05-30T08:00:00Z" }, { path: "/ferry", updated: "2025-05-29T09:00:00Z" }]) });
    const gone = await run(feeds, where);
    expect(gone.messages).toEqual([`page ${o}/bridge: updated by its feed, but HTTP 404 Not Found; kept the copy saved before`]);
    expect(gone.summary.pages).toMatchObject({ updated: 0, failed: 0 });
    expect(saved(where.input, `${o}/bridge`)).toContain("Bridge vote corrected");
    server.log.length = 0;
    await run(feeds, where);
    expect(server.log.filter((l) => l.path === "/bridge")).toEqual([]);
  });
});

describe("digest fetch: politeness on the wire", () => {
  it("sends one request at a time to a host, even with room for four", async () => {
    server = await startServer();
    const o = server.origin;
    let inFlight = 0;
    let most = 0;
    const paths = ["/1", "/2", "/3", "/4", "/5", "/6"];
    for (const p of paths) {
      server.routes.set(p, (_req, res) => {
        most = Math.max(most, ++inFlight);
        setTimeout(() => {
          inFlight--;
          res.writeHead(200, { "content-type": HTML }).end(articleHtml(`Page ${p}`));
        }, 10);
      });
    }
    server.routes.set("/rss.xml", { type: RSS, body: rss("G", paths.map((p) => ({ link: `${o}${p}`, title: p }))) });
    const r = await run([`${o}/rss.xml`]);
    expect(r.summary.pages.saved).toBe(6);
    expect(most).toBe(1);
  });
});

describe("digest fetch: private addresses", () => {
  it("refuses a feed on 127.0.0.1 without allowPrivate, naming the address, and sends it nothing", async () => {
    server = await startServer({ "/rss.xml": { type: RSS, body: rss("G", []) } });
    const r = await run([`${server.origin}/rss.xml`, `http://localhost:${server.port}/rss.xml`], dirs(), { allowPrivate: false });
    expect(r.summary.feeds).toMatchObject({ read: 0, failed: 2 });
    expect(r.messages.sort()).toEqual([
      `feed ${server.origin}/rss.xml: refused: 127.0.0.1, not a public address (loopback); run with --allow-private to allow it`,
      expect.stringMatching(new RegExp(`^feed http://localhost:${server.port}/rss.xml: refused: localhost resolves to (127\\.0\\.0\\.1|::1), not a public address \\(loopback\\)`)),
    ]);
    expect(server.log).toEqual([]);
  });

  it("checks the address again at every redirect", async () => {
    server = await startServer();
    const o = server.origin;
    // Only the test server's own address is let through; other loopback addresses stand in for a
    // hostile feed's redirect into the reader's network (refused before any connection is made).
    server.routes.set("/to-other", { status: 302, headers: { location: `http://127.0.0.2:${server.port}/x` } });
    server.routes.set("/to-v6", { status: 301, headers: { location: `http://[::1]:${server.port}/x` } });
    server.routes.set("/rss.xml", { type: RSS, body: rss("G", [{ link: `${o}/to-other`, title: "a" }, { link: `${o}/to-v6`, title: "b" }]) });
    const r = await run([`${o}/rss.xml`], dirs(), { allowPrivate: (address) => address === "127.0.0.1" });
    expect(r.messages.sort()).toEqual([
      `page ${o}/to-other: refused: 127.0.0.2, not a public address (loopback); run with --allow-private to allow it`,
      `page ${o}/to-v6: refused: ::1, not a public address (loopback); run with --allow-private to allow it`,
    ]);
    expect(r.summary.pages.failed).toBe(2);
  });
});

describe("digest fetch: one run at a time", () => {
  it("a second run over the same state gives way with a clear message; the first saves its pages and leaves no lock", async () => {
    server = await startServer();
    const o = server.origin;
    server.routes.set("/rss.xml", (_req, res) => {
      // Slow enough that the second run starts while the first still reads the feed.
      setTimeout(() => res.writeHead(200, { "content-type": RSS }).end(rss("Harbour Gazette", [{ link: `${o}/news/bridge`, title: "Bridge", date: "Thu, 29 May 2025 10:15:00 +0300" }])), 300);
    });
    server.routes.set("/news/bridge", { type: HTML, body: articleHtml("Bridge") });
    const where = dirs();
    const first = run([`${o}/rss.xml`], where);
    await new Promise((r) => setTimeout(r, 100));
    await expect(run([`${o}/rss.xml`], where)).rejects.toThrow(/fetch-state\.json is in use by another digest fetch \(pid \d+ on .*; try again when it has finished/);
    const done = await first;
    expect(done.summary.pages).toMatchObject({ saved: 1, failed: 0 });
    expect(readdirSync(join(where.stateFile, "..")).filter((f) => f.includes("lock"))).toEqual([]);
    const again = await run([`${o}/rss.xml`], where);
    expect(again.summary.pages).toMatchObject({ saved: 0, skipped: 1 });
  });
});
