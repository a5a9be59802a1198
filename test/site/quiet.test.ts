// Rendering prints nothing of Eleventy's own: its "[11ty] Benchmark …" lines (a filter that took over
// 50 ms and 8% of the run, as the first date formatting can on a busy machine) escaped quiet mode,
// because Eleventy makes its configuration benchmarks before quiet mode reaches them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest } from "../../src/digest/index.ts";
import { renderSite } from "../../src/site/index.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

// A day title that takes 150 ms the first time each day is formatted: a slow machine, on purpose.
vi.mock("../../src/text/dates.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/text/dates.ts")>();
  return {
    ...real,
    dayTitle: (date: string) => {
      const until = performance.now() + 150;
      while (performance.now() < until);
      return real.dayTitle(date);
    },
  };
});

const member: ResolvedArticle = {
  path: "a.md", format: "markdown", raw: "", title: "Harbour wall mural stays until Monday", paragraphs: ["The council said the mural would stay until Monday."], meta: { ...emptyMeta(), source: "Island Times" },
  context: "", mtime: new Date(0), messages: [], evidence: { date: "2025-03-14", dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-03-14" },
  date: "2025-03-14", dateSource: "front-matter",
};

afterEach(() => vi.restoreAllMocks());

describe("the site stage's console", () => {
  it("stays silent when a filter is slow", async () => {
    const said: string[] = [];
    for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void said.push(args.join(" ")));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (said.push(String(chunk)), true));
    const story: Story = { id: "s-1111111111", date: "2025-03-14", title: member.title, members: [member], summary: ["The council said the mural would stay until Monday."], followUpOf: null };
    await renderSite({ outputDir: mkdtempSync(join(tmpdir(), "digest-site-quiet-")), config: defaultConfig, model: buildDigest([story]).model });
    expect(said.filter((line) => line.includes("Benchmark"))).toEqual([]);
  });
});
