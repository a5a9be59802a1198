// An aria-hidden element is displayed (a screen reader skips it, a reader sees it): the block walk leaves it
// out, and the words on either side of it must stay two words. Tuning-half webpages-dev 77ed63c1d80f9684
// (also dates-dev): its headline's dash is an aria-hidden span between two spans.
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/clean/dom.ts";
import { pageBlocks } from "../../src/clean/html-blocks.ts";

const blocks = (html: string): string[] => pageBlocks(parsePage(html)).map((b) => b.text);
const h1 =
  '<h1 class="ContentHead_title__1wA2g " itemProp="headline"><span class="ContentHead_titleheader__MSrlO">Coronavirus und andere Zoonosen</span>' +
  '<span class="ContentHead_hiddendash__2INVx" aria-hidden="true" role="presentation"> – </span><span class="ContentHead_text__NId_w">Wie Umweltzerstörung neue Epidemien begünstigt</span></h1>';
const lead = "<h2>Sars-CoV-2 stammt von einem Tier. Allein in Fledermäusen und Flughunden existieren mehr als 3000 Coronaviren.</h2>";

describe("an aria-hidden element between two words", () => {
  it("does not glue them", () => {
    const heading = blocks(`<body><main><article>${h1}${lead}</article></main></body>`)[0]!;
    expect(heading).not.toContain("ZoonosenWie");
    expect(heading).toMatch(/^Coronavirus und andere Zoonosen\P{L}+Wie Umweltzerstörung neue Epidemien begünstigt$/u);
  });

  it("joins nothing where it stood inside a word", () => {
    expect(blocks('<body><p>Zoo<span aria-hidden="true">·</span>nosen und andere Krankheiten</p></body>')[0]).toBe("Zoonosen und andere Krankheiten");
  });
});
