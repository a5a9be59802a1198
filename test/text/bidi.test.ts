// A text's bidi controls kept within it: balanced, and isolated where it stands among other text.
import { describe, expect, it } from "vitest";
import { balancedBidi, isolatedBidi, selfContainedBidi } from "../../src/text/bidi.ts";

const FSI = "\u2068";
const PDI = "\u2069";

describe("a text's bidi controls, balanced", () => {
  it("closes what a headline leaves open at its end, innermost first", () => {
    expect(balancedBidi("Election \u202eresults announced")).toBe("Election \u202eresults announced\u202c");
    expect(balancedBidi("a \u2067b \u202bc")).toBe("a \u2067b \u202bc\u202c\u2069");
  });

  it("drops a closer that closes nothing, as the PDF after a tag on a real page (webpages-dev bdd7bae8)", () => {
    expect(balancedBidi("Studentenwohnheim\u202c")).toBe("Studentenwohnheim");
    expect(balancedBidi("x\u2069 y")).toBe("x y");
    // A PDF cannot close an embedding outside an isolate; a PDI closes the embeddings opened inside it.
    expect(balancedBidi("\u202bA \u2066B\u202c C")).toBe("\u202bA \u2066B C\u2069\u202c");
    expect(balancedBidi("\u2066A \u202eB\u2069 C")).toBe("\u2066A \u202eB\u2069 C");
  });

  it("leaves balanced controls and right-to-left text as they are", () => {
    for (const t of ["Weitere \u2068Artikel\u2069", "افتتاح مطار جديد في المدينة", "חדשות היום", "a \u202eb\u202c c", "Plain"]) expect(balancedBidi(t)).toBe(t);
  });

  it("isolates a text that has controls, once, so that the text after it takes nothing of its direction", () => {
    expect(selfContainedBidi("Election \u202eresults")).toBe(`${FSI}Election \u202eresults\u202c${PDI}`);
    expect(selfContainedBidi(`${FSI}Election \u202eresults\u202c${PDI}`)).toBe(`${FSI}Election \u202eresults\u202c${PDI}`);
    expect(selfContainedBidi("\u2067a\u2069 b \u2067c\u2069")).toBe(`${FSI}\u2067a\u2069 b \u2067c\u2069${PDI}`);
    expect(selfContainedBidi("Studentenwohnheim\u202c rents")).toBe("Studentenwohnheim rents");
    expect(selfContainedBidi("افتتاح مطار")).toBe("افتتاح مطار");
  });

  it("isolates a right-to-left or controlled text set among others, and nothing else", () => {
    expect(isolatedBidi("Port reopens")).toBe("Port reopens");
    expect(isolatedBidi("افتتاح مطار")).toBe(`${FSI}افتتاح مطار${PDI}`);
    expect(isolatedBidi("Election \u202eresults")).toBe(`${FSI}Election \u202eresults\u202c${PDI}`);
  });
});
