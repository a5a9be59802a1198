// What a reader sees of a story the build holds back (every page in it one the article gate doubts is an article: here
// the tuning half's consent wall notice-13, beside a real article): no item in any feed, no place on the front page or
// among its day's stories; its day's page and digest list it under a heading saying what it is, its own page says so,
// and the build report and summary line count it. Built with the real `digest` command, twice, in two time zones,
// the second time from the first's build cache (the doubt read back from the cached article).
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fixtures, root, tree } from "../site/build.ts";

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "digest-held-back-"));
const input = join(work, "in");
cpSync(join(fixtures, "held-back"), input, { recursive: true });
const day = new Date(Date.UTC(2024, 2, 5, 10));
for (const f of readdirSync(input)) utimesSync(join(input, f), day, day);

async function build(name: string, tz: string): Promise<{ site: string; digests: string; said: string }> {
  const site = join(work, name, "site");
  const digests = join(work, name, "digests");
  const { stdout, stderr } = await run(process.execPath, [join(root, "bin/digest.js"), "build", "--input", input, "--digests", digests, "--output", site, "--cache", join(work, "cache"), "--base-url", "https://digest.example/"], { cwd: root, env: { ...process.env, TZ: tz }, maxBuffer: 64 << 20 });
  return { site, digests, said: stdout + stderr };
}

const a = await build("a", "UTC");
const read = (path: string) => readFileSync(join(a.site, path), "utf8");
const NOTICE_HEADLINE = "Before you continue";
const REAL_HEADLINE = "Quarterly profits at US media giant TimeWarner";
const FEEDS = ["feed.xml", "atom.xml", "feed.json", "stories.xml", "stories-atom.xml", "stories.json"];

describe("a story of doubted pages only, through a build", () => {
  it("is in no feed, while the real story is in every one", () => {
    for (const feed of FEEDS) {
      expect(read(feed), feed).not.toContain(NOTICE_HEADLINE);
      expect(read(feed), feed).toContain(REAL_HEADLINE);
    }
  });

  it("is not on the front page, and its day's page lists it under the held-back heading with the reason", () => {
    expect(read("index.html")).not.toContain(NOTICE_HEADLINE);
    const page = read("2024/03/05/index.html");
    const heading = page.indexOf("Held back: these pages may not be articles");
    expect(heading).toBeGreaterThan(page.indexOf(REAL_HEADLINE));
    expect(page.indexOf(NOTICE_HEADLINE)).toBeGreaterThan(heading);
    expect(page.slice(heading)).toContain("it may not be the article");
    expect(page).toMatch(/· 1 story, 1 held back</);
    expect(read("archive/index.html")).toMatch(/· 1 story, 1 held back</);
  });

  it("has its own page, which says it is held back", () => {
    const report = JSON.parse(read("build-report.json")) as { stories: { id: string; title: string; heldBack?: string }[]; inputs: { path: string; messages: { stage: string; rule: string }[] }[] };
    const held = report.stories.filter((s) => s.heldBack !== undefined);
    expect(held.map((s) => s.title)).toEqual([NOTICE_HEADLINE]);
    expect(read(`stories/${held[0]!.id}/index.html`)).toContain("Held back: this page may not be an article");
    const input = report.inputs.find((i) => i.path === "notice-13-consent.txt")!;
    expect(input.messages).toContainEqual(expect.objectContaining({ stage: "digest", rule: "held-back", level: "warning" }));
    expect(report.inputs.find((i) => i.path !== input.path)!.messages.some((m) => m.rule === "held-back")).toBe(false);
  });

  it("is under the same heading in the day's digest, and the build's summary line counts it", () => {
    const md = readFileSync(join(a.digests, "2024-03-05.md"), "utf8");
    const heading = md.indexOf("## Held back: these pages may not be articles");
    expect(heading).toBeGreaterThan(md.indexOf(REAL_HEADLINE));
    expect(md.indexOf(`### ${NOTICE_HEADLINE}`)).toBeGreaterThan(heading);
    expect(a.said).toMatch(/→ 2 stories on 1 day \(1 held back: not in the feeds\)/);
  });

  it("builds byte-identical in another time zone, from the build cache", async () => {
    const b = await build("b", "Pacific/Kiritimati");
    expect(tree(b.site)).toEqual(tree(a.site));
    expect(tree(b.digests)).toEqual(tree(a.digests));
  });
});
