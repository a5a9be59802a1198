// The site's templates compiled when the package is (scripts/compile.mjs, src/site/compiled-templates.ts):
// the pages rendered with that code are byte for byte the pages rendered with the templates compiled by
// the build, and a template whose text is not the one its code was made from is compiled as before.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDigest } from "../../src/digest/index.ts";
import { LEAD_STORIES } from "../../src/digest/model.ts";
import { compiledTemplates, precompileTemplates, renderDirect } from "../../src/site/direct.ts";
import { COMPILED_FILE } from "../../src/site/compiled-templates.ts";
import { FRONT_STORIES } from "../../src/site/index.ts";
import { pagesToRender, planSite } from "../../src/site/plan.ts";
import { defaultConfig } from "../../src/config.ts";
import { tree } from "./build.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

const SITE = join(dirname(fileURLToPath(import.meta.url)), "../../src/site");
const fresh = () => mkdtempSync(join(tmpdir(), "digest-compiled-templates-"));

/** The templates' code made as the compile step makes it, for the templates in src/site (a copy of them read, `edit` applied to the copy). */
function compiledFor(edit?: (dir: string) => void, as = SITE) {
  const from = fresh();
  cpSync(join(SITE, "templates"), join(from, "templates"), { recursive: true });
  edit?.(join(from, "templates"));
  const sources = precompileTemplates(from, as);
  return { compiled: compiledTemplates(from), sources, file: join(from, COMPILED_FILE) };
}

function member(path: string, date: string, title: string, source: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title, paragraphs: [`${title}: the first paragraph says what happened.`], meta: { ...emptyMeta(), source },
    context: "", mtime: new Date(0), messages: [], evidence: { date, dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "front-matter",
  };
}

/** Stories on three days of two months, one a follow-up, one with a former id (a moved page), with text to escape. */
function stories(): Story[] {
  const make = (id: string, date: string, title: string, extra: Partial<Story> = {}): Story => ({
    id, date, title, members: [member(`${id}-a.md`, date, title, "Island Times"), member(`${id}-b.md`, date, `${title} (update)`, "Harbour <News> & Co")], summary: ["The ferry runs twice a day <b>from</b> November.", "Second sentence with \"quotes\" and 'apostrophes'."], followUpOf: null, ...extra,
  });
  return [
    make("s-1111111111", "2025-03-14", "Ferry <script>alert(1)</script> timetable & fares"),
    make("s-2222222222", "2025-03-15", "Council votes on the harbour wall", { followUpOf: "s-1111111111" }),
    make("s-3333333333", "2025-04-02", "Éclairs and ümlauts: a bakery reopens", { formerIds: ["s-0000000000"] }),
  ];
}

/** Every page (every template) of a small digest, rendered without Eleventy into a fresh folder. */
async function renderAll(compiled: ReturnType<typeof compiledTemplates>): Promise<Record<string, string>> {
  const model = buildDigest(stories()).model;
  const out = fresh();
  const site = { ...defaultConfig, leadStories: LEAD_STORIES, frontStories: FRONT_STORIES };
  const plan = planSite(model, "site");
  const pages = pagesToRender(plan, new Set(plan.pages.map((p) => p.file)));
  await renderDirect(out, { site, model, pages, search: { merge: [{ bundlePath: "/search/stories/" }] } }, () => {}, compiled);
  return tree(out);
}

describe("templates compiled with the package", () => {
  it("render every page to the bytes the templates compiled by the build give", async () => {
    const { compiled, sources } = compiledFor();
    expect(sources).toBeGreaterThan(20);
    const withCode = await renderAll(compiled);
    // Every page template, its permalink, base.njk and macros.njk came from the file.
    expect(compiled.taken).toBeGreaterThan(20);
    const none = compiledTemplates(fresh());
    expect(none.size).toBe(0);
    const built = await renderAll(none);
    expect(Object.keys(built).length).toBeGreaterThan(10);
    expect(withCode).toEqual(built);
  });

  it("compiles a template whose text is not the one its code was made from", async () => {
    // Code made from an edited story.njk and base.njk: neither is taken for the real ones, the others are.
    const { compiled: all } = compiledFor();
    const whole = await renderAll(all);
    const { compiled } = compiledFor((dir) => {
      for (const file of ["story.njk", "_includes/base.njk"]) writeFileSync(join(dir, file), readFileSync(join(dir, file), "utf8").replace("</main>", "EDITED</main>"));
    });
    const pages = await renderAll(compiled);
    expect(compiled.taken).toBeLessThan(all.taken);
    expect(compiled.taken).toBeGreaterThan(0);
    expect(pages).toEqual(whole);
    expect(Object.values(pages).some((p) => p.includes("EDITED"))).toBe(false);
  });

  it("are taken by a package moved or copied to another folder after it was compiled", async () => {
    // Compiled for one install's folder, rendered from the templates in another (this checkout's src/site).
    const { compiled, sources } = compiledFor(undefined, join(fresh(), "moved-away", "dist", "src", "site"));
    const pages = await renderAll(compiled);
    expect(compiled.taken).toBeGreaterThan(20);
    expect(compiled.taken).toBeGreaterThanOrEqual(sources);
    expect(pages).toEqual(await renderAll(compiledTemplates(fresh())));
  });

  it("takes nothing from a file of another kind", () => {
    const { file } = compiledFor();
    writeFileSync(file, JSON.stringify({ format: 99, nunjucks: "3.3.0", code: {} }));
    expect(compiledTemplates(dirname(file)).size).toBe(0);
    writeFileSync(file, "{ not json");
    expect(compiledTemplates(dirname(file)).size).toBe(0);
  });
});
