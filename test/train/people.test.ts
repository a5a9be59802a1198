import { describe, expect, it } from "vitest";
import { introduced, introducedTo, people, peopleIntroducedTo } from "../../train/lib/trial-pair-features.ts";

// mg75 (stop 75): `introduced` also counts teams, firms and places a report writes once in full ("Indianapolis Colts",
// "Banda Aceh", "Once Microsoft" at a sentence's start): events-dev's tuning look-alikes. `people` keeps a surname only
// when the text uses the full form's first word as nothing but a first name.
describe("people: surnames a text writes as a person's full name", () => {
  it("keeps a person whose first name the text uses only before the surname", () => {
    const p = people("Wildfire near Wasilla", ["Alaska Gov. Sarah Palin toured the fire zone on Monday.", "Palin said the state would help."]);
    expect([...p]).toEqual(["palin"]);
  });

  it("does not keep a team, a place or a firm written once in full", () => {
    expect(people("Colts win", ["The Indianapolis Colts beat the Chiefs on Sunday.", "The Colts scored late."]).has("colts")).toBe(false);
    expect(people("Quake", ["A quake struck Central Aceh on Tuesday.", "Buildings fell in Aceh province."]).has("aceh")).toBe(false);
    expect(people("Patch", ["The flaw is serious.", "Once Microsoft released the fix, attacks fell."]).has("microsoft")).toBe(false);
    expect(people("Storm", ["Streets flooded in Banda Aceh overnight."]).has("aceh")).toBe(false);
  });

  it("does not take a first word the text also uses alone or in lower case", () => {
    expect(people("Games", ["Fans of Doctor Who waited.", "The Doctor returns at Christmas."]).has("who")).toBe(false);
    expect(people("Sale", ["Analysts said Trend Micro gained.", "The trend held all year."]).has("micro")).toBe(false);
  });
});

describe("peopleIntroducedTo: a person named in full in one report and by surname alone in the other", () => {
  const first = introduced("Fire", ["Alaska Gov. Sarah Palin toured the area.", "The Indianapolis Colts played that day."]);
  const firstPeople = people("Fire", ["Alaska Gov. Sarah Palin toured the area.", "The Indianapolis Colts played that day."]);
  it("counts the person and not the team", () => {
    const later = ["Palin thanked the crews.", "Colts fans raised money."];
    expect(introducedTo(first, introduced("Crews thanked", later))).toBe(2);
    expect(peopleIntroducedTo(first, firstPeople, introduced("Crews thanked", later))).toBe(1);
  });
});
