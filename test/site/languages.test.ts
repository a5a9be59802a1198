// A German and an Arabic story on an English site: each marked with its language (and the Arabic one
// right to left) where its own words are shown; text from articles isolated where it runs inline.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { build, fixtures, type Built } from "./build.ts";

interface Report {
  stories: { id: string; title: string }[];
}

describe("stories in other languages than the site's", () => {
  let out: Built;
  let ids: { german: string; arabic: string; english: string };
  beforeAll(async () => {
    out = await build(join(fixtures, "site-languages"));
    const stories = (JSON.parse(out.read("build-report.json")) as Report).stories;
    const id = (start: string) => stories.find((s) => s.title.startsWith(start))!.id;
    ids = { german: id("Hamburger"), arabic: id("افتتاح"), english: id("Election") };
  });

  it("marks a German story's headline and summary lang=\"de\" on its page, the page itself staying in the site's language", () => {
    const page = out.read(`stories/${ids.german}/index.html`);
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<h1 lang="de">Hamburger Hafen meldet Rekord beim Umschlag</h1>');
    expect(page).toMatch(/<p lang="de">Der Hamburger Hafen hat/);
  });

  it("marks an Arabic story lang=\"ar\" dir=\"rtl\" on its page, the day's page and the front page", () => {
    expect(out.read(`stories/${ids.arabic}/index.html`)).toContain('<h1 lang="ar" dir="rtl">افتتاح مطار جديد في المدينة</h1>');
    for (const page of ["2025/03/14/index.html", "index.html"]) {
      const html = out.read(page);
      expect(html, page).toMatch(new RegExp(`id="${ids.arabic}" lang="ar" dir="rtl">`));
      expect(html, page).toMatch(/<p lang="ar" dir="rtl">افتتحت الحكومة/);
    }
  });

  it("marks a source's headline in the source list with its language, as the story's headline is", () => {
    expect(out.read(`stories/${ids.arabic}/index.html`)).toContain('<li><bdi class="outlet">صحيفة الصباح</bdi>: <bdi lang="ar" dir="rtl">افتتاح مطار جديد في المدينة</bdi></li>');
    expect(out.read(`stories/${ids.german}/index.html`)).toContain('<li><bdi class="outlet">Nordkurier</bdi>: <bdi lang="de">Hamburger Hafen meldet Rekord beim Umschlag</bdi></li>');
    expect(out.read("stories.json")).toContain('<bdi lang=\\"ar\\" dir=\\"rtl\\">افتتاح مطار جديد في المدينة</bdi>');
  });

  it("leaves an English story unmarked on an English site", () => {
    expect(out.read(`stories/${ids.english}/index.html`)).toMatch(/<h1>Election/);
  });

  it("isolates a headline's and an outlet's bidi controls inline, so they do not turn the text after them", () => {
    const page = out.read(`stories/${ids.english}/index.html`);
    expect(page).toContain("<bdi>Election \u202eresults announced in the capital</bdi>");
    expect(page).toContain('<bdi class="outlet">Harbour \u202ePost</bdi>');
    expect(page).toMatch(/<bdi>Harbour \u202ePost<\/bdi><\/p>/);
  });
});
