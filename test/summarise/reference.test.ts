import { describe, expect, it } from "vitest";
import { needsAntecedent, referenceKind, withoutOpener } from "../../src/summarise/reference.ts";

describe("sentences that need the one before them", () => {
  it("flags pronoun openings, connectives, definite descriptions and pronoun speakers", () => {
    for (const s of [
      "He said the talks were over.",
      "It's been a long time coming.",
      "However, the talks failed.",
      "But he denied it.",
      "This is the second such allegation in a month.",
      "The Olympic silver medallist's time was the fastest of the year.",
      "The 33-year-old actress checked in on Tuesday.",
      "The company said profits rose.",
      "The virus-fighting program will be updated monthly.",
      '"We will not allow it," he said.',
      '"Never."',
      "Prices rose, she added.",
      "But Serbia denied it.",
      "And indeed, stock exchange traders around Asia have wasted little time.",
      "So Scott Peterson was convicted because he lied.",
      "Then came the flood.",
      "Also killed was a five-year-old boy.",
      "Still he refused to resign.",
      "Aber die Regierung widersprach.",
      "Deshalb sagte die Regierung ab.",
      "Dabei hat die Identität der Täter keine Rolle gespielt.",
      "Danach trat der Minister zurück.",
      "Darüber hinaus fehlen 200 Lehrer.",
      "Sie hat die Pläne für eine zweite Fabrik aber nicht dementiert.",
      "Er trat am Montag zurück.",
      "Diese Freiheiten sind essenziell.",
    ]) expect(needsAntecedent(s), s).toBe(true);
  });

  it("lets sentences that name who or what they are about stand alone", () => {
    for (const s of [
      "Russia accused Serbia on Monday of selling artillery ammunition to Ukraine.",
      "The White House said no.",
      "The Senate voted on Tuesday.",
      "The number of people out of work rose 32,000 to 1.41 million.",
      '"We will win," said Prime Minister Tony Blair.',
      "Serbia has exported arms, the SVR said.",
      "So far, 10 people have died.",
      "Yet another delay hit the project.",
      "Andrew Michelmore claimed the offer was too low.",
      "Butter prices rose.",
      "Damit die Bürger wählen können, öffnen die Lokale um sieben Uhr.",
      "Darmstadt meldet 40 neue Fälle.",
      "Dazwischenrufe störten die Sitzung.",
      "Die Regierung trat am Montag zurück.",
      "Erst am Montag trat der Minister zurück.",
      "Siemens meldet einen Gewinn.",
    ]) expect(needsAntecedent(s), s).toBe(false);
  });

  it("takes off a connective that leaves a whole sentence, and only that", () => {
    expect(withoutOpener("But the US says it cannot support the plan.")).toBe("The US says it cannot support the plan.");
    expect(withoutOpener("And indeed, stock exchange traders have wasted little time.")).toBe("Stock exchange traders have wasted little time.");
    expect(withoutOpener("But, despite missing forecasts, the index rose.")).toBe("Despite missing forecasts, the index rose.");
    expect(withoutOpener('But Nigel Williams said: "I spoke to him."')).toBe('Nigel Williams said: "I spoke to him."');
    expect(withoutOpener("Still, the company grew.")).toBe("The company grew.");
    expect(withoutOpener("Und die Regierung widersprach.")).toBe("Die Regierung widersprach.");
    expect(withoutOpener("Denn die Beantwortung dieser Frage ist nicht einfach.")).toBe("Die Beantwortung dieser Frage ist nicht einfach.");
    expect(withoutOpener('And "we will win", the minister said.')).toBe('"We will win", the minister said.');
    expect(referenceKind("But the US says it cannot support the plan.")).toBe("connective");
    // What is left still leans on the sentence before, or the connective carries the sense: kept whole.
    expect(referenceKind("But he denied it.")).toBe("pronoun");
    expect(referenceKind("And then came the flood.")).toBe("pronoun");
    for (const s of ["Yet another delay hit the project.", "But — no.", "Then came the flood.", "Also killed was a boy.", "Butter prices rose."]) expect(withoutOpener(s), s).toBe(s);
  });
});
