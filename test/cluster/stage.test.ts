import { describe, expect, it } from "vitest";
import { leadStage, STAGE_FUTURE, STAGE_KNOWN, StageShares } from "../../src/cluster/stage.ts";
import { articleTerms } from "../../src/cluster/mentions.ts";
import { TermRecord } from "../../src/cluster/term-record.ts";

// Leads of events-dev's topic 11: one parliamentary election announced, another held.
const planned = ["Parliamentary elections in Turkmenistan which are planned for December 15, 2013, will be held on a two-party basis, a message from the Central Commission for Elections and Referenda of Turkmenistan said."];
const held = ["Voters in Turkmenistan cast ballots Sunday in a parliamentary election hailed by the government as an exercise in democracy but dismissed by critics as a sham.", "Polls closed at 8 pm."];

describe("the stage of the event an article leads with", () => {
  it("tells a preview from a report of what happened", () => {
    expect(leadStage("Parliamentary elections in Turkmenistan to be held on two-party basis", planned)).toBe(STAGE_KNOWN | STAGE_FUTURE);
    expect(leadStage("", held)).toBe(STAGE_KNOWN);
  });

  it("reads the first sentence only: a later sentence's future does not make a report a preview", () => {
    expect(leadStage("", [held[0]!, "The new parliament will meet in January."])).toBe(STAGE_KNOWN);
  });

  it("does not guess in a language it cannot read, or from a lead too short to tell", () => {
    expect(leadStage("Parlamentswahl in Turkmenistan", ["Die Parlamentswahl in Turkmenistan wird am 15. Dezember stattfinden, teilte die Wahlkommission mit."])).toBe(0);
    expect(leadStage("", ["Turkmenistan votes."])).toBe(0);
  });

  it("is kept in the article's term record", () => {
    const record = new TermRecord();
    expect(record.load(articleTerms("Turkmenistan to hold elections", planned))).toBe(true);
    expect(record.stage).toBe(STAGE_KNOWN | STAGE_FUTURE);
    expect(record.load(articleTerms("Turkmenistan votes", held))).toBe(true);
    expect(record.stage).toBe(STAGE_KNOWN);
  });
});

describe("groups at two stages", () => {
  // Reports 0-1 preview the event, 2-4 report it held (2 also looks ahead), 5 is unread.
  const stages = [3, 3, 3, 1, 1, 0];
  const grown = (minKnown: number) => {
    const s = new StageShares(stages, { minKnown, hi: 0.75, lo: 0.34 });
    s.join(0, 1);
    s.join(2, 3);
    s.join(2, 4);
    return s;
  };

  it("keeps a group of previews apart from a group of reports", () => {
    expect(grown(2).contradict(0, 2)).toBe(true);
    expect(grown(2).contradict(2, 0)).toBe(true);
  });

  it("says nothing of groups with too few reports read, or when the check is off", () => {
    expect(grown(3).contradict(0, 2)).toBe(false);
    expect(grown(0).contradict(0, 2)).toBe(false);
    expect(grown(1).contradict(0, 5)).toBe(false);
  });
});
