import { describe, expect, it } from "vitest";
import { lastCrumb } from "../../src/clean/breadcrumbs.ts";

describe("lastCrumb", () => {
  it("keeps a headline that only holds an arrow or guillemets", () => {
    expect(lastCrumb("Why demand > supply this winter")).toBe("Why demand > supply this winter");
    expect(lastCrumb("»frag.jetzt«")).toBe("»frag.jetzt«");
    expect(lastCrumb("Wahlen » Ergebnis")).toBe("Wahlen » Ergebnis");
  });
  it("keeps a line whose earlier parts are sentences, not section names", () => {
    const line = "The markets fell sharply again on Monday morning » and then recovered » by noon";
    expect(lastCrumb(line)).toBe(line);
  });
  it("takes the last step of a trail, whatever its arrows", () => {
    expect(lastCrumb("Home » Berufskleidung • Bosch • Partner » Heizjacken von Bosch")).toBe("Heizjacken von Bosch");
    expect(lastCrumb("A la Carte › News & Stories › Reisen › Der historische Purzelbaum (2021/5)")).toBe("Der historische Purzelbaum (2021/5)");
  });
});
