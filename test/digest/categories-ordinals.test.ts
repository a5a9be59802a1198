// A street written with an ordinal ("117th Street", "97th Avenue") is one name: without its number "Street" and
// "Avenue" were a story's categories, naming nothing. Before a longer name an ordinal is an edition ("the 25th
// Cross Internacional …"), left out. Texts: events-dev ecbplus-21-21_2ecbplus and 21_4ecbplus (topic 21, tuning
// half), their first paragraphs; bbc-dev bbc-sport-078 (tuning half), its first sentence.
import { describe, expect, it } from "vitest";
import { categoriseArticles, nameRuns } from "../../src/digest/categories.ts";

const queens = [
  {
    path: "21_2.html",
    paragraphs: [
      "Police have a suspect in custody after a hit and run accident that killed a woman in Queens Friday night.",
      "Investigators say 59-year old Raj Chohan was hit while walking along parked cars at 97th Avenue and 117th Street in Richmond Hill at about 7 p.m.",
      "Police say she was struck by a grey Toyota Camry heading north on 117th Street, which then fled the scene.",
    ],
  },
  {
    path: "21_4.html",
    paragraphs: [
      "A 59-year-old mother of two died when a drunken driver struck her with his car and then drove off, police said.",
      "Raj Chohan, 59, of Queens, had just parked her car around 7 p.m. Friday at 97th Avenue and 117th Street in Richmond Hill when she was hit by a 2013 Toyota Camry, which then fled, police told 1010 WINS’ Glenn Schuck.",
    ],
  },
];

describe("an ordinal before a name", () => {
  it("is part of a one-word name: a street is a category with its number", () => {
    const categories = categoriseArticles(queens, []);
    expect(categories).toContain("117th Street");
    expect(categories).not.toContain("Street");
    expect(categories).not.toContain("Avenue");
    expect(nameRuns(queens[0]!.paragraphs[1]!).map((r) => r.name)).toEqual(["Investigators", "Raj Chohan", "97th Avenue", "117th Street", "Richmond Hill"]);
  });

  it("is left out before a longer name, and a number alone joins nothing", () => {
    const butler = "Britain's Kathy Butler continued her impressive year with victory in Sunday's 25th Cross Internacional de Venta de Banos in Spain.";
    expect(nameRuns(butler).map((r) => r.name)).toContain("Cross Internacional de Venta de Banos");
    expect(nameRuns("Flights rose 5 Percent, and 117th street was closed.").map((r) => r.name)).toEqual(["Flights", "Percent"]);
  });
});
