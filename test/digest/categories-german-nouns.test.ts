// German capitalises every noun: a German story's one-word categories were often common nouns ("Rüschen ·
// Kleider · Volants", "Zimmer", "Menschen"). A small model weighs the story's own evidence
// (src/digest/categories-german.ts, learned on hand labels of the tuning half), and a story whose categories are
// all common nouns shows none rather than nouns. Real dev text: tuning-half webpages-dev pages as the cleaner
// keeps them (test/fixtures/categories/german-nouns.jsonl).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { categoriseArticles, storyCategories } from "../../src/digest/categories.ts";

const rows = readFileSync(new URL("../fixtures/categories/german-nouns.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; text: string });
const textOf = (id: string) => rows.find((r) => r.id === id)!.text;

describe("German story categories", () => {
  it("are none for a story that names nothing, rather than its nouns", () => {
    // A fashion page about ruffles: "Rüschen", "Kleider", "Volants" were its categories.
    expect(storyCategories([textOf("webpages-dev/47e94b73513847a0")], [])).toEqual([]);
  });

  it("keep the names and drop the nouns beside them", () => {
    // Students looking for rooms in Freiburg and Tübingen: "Zimmer" was the second category.
    expect(storyCategories([textOf("webpages-dev/4ff3135db64e47d6")], [])).toEqual(["Freiburg", "Tübingen"]);
    // Declared German, as the model passes it: "Menschen" goes, "LSBTI" and "LSVD" stay.
    const paragraphs = textOf("webpages-dev/5759dce1c79ad748").split("\n");
    expect(categoriseArticles([{ path: "a.txt", paragraphs }], [], "de")).toEqual(["LSBTI", "LSVD"]);
  });

  it("weigh a page in the build twice (saved twice, its uses doubled) as once", () => {
    // The little owl, bird of the year: "Eule" is a noun however many copies use it.
    const paragraphs = textOf("webpages-dev/12d8bc3ae2d7ab1e").split("\n");
    const once = categoriseArticles([{ path: "a.html", paragraphs }], [], "de");
    expect(once).not.toContain("Eule");
    expect(categoriseArticles([{ path: "a.html", paragraphs }, { path: "a.txt", paragraphs }], [], "de")).toEqual(once);
  });

  it("drop the plainer nouns beside a name, by their form and a fixed noun list, not by other stories", () => {
    // A spa in the Styrian Vulkanland: "Thermalwasser" and "Luft" were shown beside it (ct73).
    const spa = storyCategories([textOf("webpages-dev/9e09eed6386b46e8")], []);
    expect(spa).toContain("Vulkanland");
    expect(spa).not.toContain("Thermalwasser");
    expect(spa).not.toContain("Luft");
  });

  it("never show a question word", () => {
    // A heading's capitalised "Warum" taken mid-sentence (qa73's month showed one on a German story).
    const text = "Die Stadt fragt sich, Warum so viele Familien nach Dessau ziehen. Die Antwort auf das Warum ist einfach: In Dessau sind die Mieten niedrig. Das „Warum“ beschäftigt Dessau seit Jahren, und ein Warum bleibt.";
    expect(categoriseArticles([{ path: "a.txt", paragraphs: [text] }], [], "de")).toEqual(["Dessau"]);
  });
});
