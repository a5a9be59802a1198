import { describe, expect, it } from "vitest";
import { bodyPlaceNames, placesMissingFrom, textWords } from "../../train/lib/places.ts";
import { peopleAlone } from "../../train/lib/trial-pair-features.ts";

// mg76 (stop 76): two look-alike events of one kind (two fires in one valley) state their difference in the towns their
// bodies name, mostly outside the lead; `bodyPlaceNames` reads them anywhere and `placesMissingFrom` says which the other
// report never mentions.
describe("bodyPlaceNames: the places a report names anywhere in its text", () => {
  it("reads a place past the lead and leaves out possessives and words the text writes in lower case", () => {
    const places = bodyPlaceNames("Historic dairy building burns", [
      "A fire destroyed the old creamery overnight.",
      "Firefighters from three stations worked through the night.",
      "The building stood in Palmer for eighty years, said a spokesman at Andrew Smith's office.",
      "Crews came in Fire trucks; the fire was out by dawn.",
    ]);
    expect(places.map((p) => p.join(" "))).toEqual(["palmer"]);
  });
});

describe("placesMissingFrom: places the other report never mentions", () => {
  it("parts two fires told in different towns and not two reports of one fire", () => {
    const dairy = bodyPlaceNames("Dairy fire", ["An old dairy burned.", "It had stood in Palmer since the war."]);
    const church = ["A church burned.", "Members met in Wasilla on Sunday after the fire at the church in Wasilla."];
    const churchAgain = ["The pastor of the Wasilla church said members would meet elsewhere."];
    expect(placesMissingFrom(dairy, textWords("Church fire", church))).toBe(1);
    expect(placesMissingFrom(bodyPlaceNames("Church fire", church), textWords("Dairy fire", ["An old dairy burned.", "It had stood in Palmer since the war."]))).toBe(1);
    expect(placesMissingFrom(bodyPlaceNames("Church fire", church), textWords("Church burns", churchAgain))).toBe(0);
  });
});

describe("peopleAlone: a person written in full and then by surname alone", () => {
  it("keeps the surname the text also writes alone, not a title word written once in full", () => {
    const p = peopleAlone("Church fire", ["Church members of Alaska Gov. Sarah Palin met on Sunday.", "Palin said the church would be rebuilt."]);
    expect([...p]).toEqual(["palin"]);
    expect(peopleAlone("Fire", ["Alaska Gov. Sarah Palin toured the area."]).size).toBe(0);
  });
});
