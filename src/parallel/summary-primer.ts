// A made-up story the summaries' thread summarises once when it starts, before any real one: the summariser's
// branches that most stories never reach (a byline, a photo's credit, web addresses, a run-on, a dateline, a
// quotation over two sentences, a wire copy with and without its quotation marks, text in other scripts and
// outside the BMP) have then run once, so V8 has seen their types when it first optimises the hot functions.
// Without it, each of these met later threw away the optimised code of the function it sits in
// (collectCandidates five times at 10k) and that code was compiled again. Its summary is not used.
import type { SummaryInput } from "../summarise/candidates.ts";

const RUN_ON_WORDS = ["residents", "asked", "council", "members", "about", "roads", "water", "schools", "parks", "taxes"];

const FIRST = [
  "WASHINGTON (AP) — The city council approved a new budget on Tuesday after a long debate, officials said.",
  "By Jane Doe and John Roe, March 3, 2021",
  "“We are pleased with the result,” the mayor said. “It took months of talks. But we got there in the end,” she added.",
  "However, critics say the plan cuts too much from schools, libraries and parks. They want a new vote.",
  "The 45-year-old mayor told reporters that property taxes would not rise this year, and the council's vote was 7-2.",
  Array.from({ length: 120 }, (_, i) => RUN_ON_WORDS[i % RUN_ON_WORDS.length]).join(" "),
  "Photos: http://example.com/gallery/photo_0915.jpg www.example.org/images/pic.png",
  "Council members leave the hall after the vote (Photo: AP/Jane Doe).",
  "Er sagte, die oben genannten Maßnahmen seien nötig. Das ist für die Stadt wichtig, sagte der Bürgermeister.",
  "Il a déclaré que la décision était « historique ». Ces mesures entrent en vigueur lundi prochain.",
  "El alcalde dijo que las mencionadas medidas son necesarias para la ciudad.",
  "Президент заявил, что бюджет будет принят в среду. 東京で会議が開かれた。 Fans cheered 😀 at the café’s naïve résumé.",
  "And the budget still needs the governor's signature. It is expected next month.",
].join("\n\n");

const SECOND = [
  "The city council approved a new budget on Tuesday after a long debate, officials said.",
  "We are pleased with the result, the mayor said. It took months of talks.",
  "“It took months of talks,” the mayor said.",
  "Critics say the plan cuts too much from schools, libraries and parks, and they want a new vote on the budget.",
  "Property taxes will not rise this year, the mayor told reporters on Tuesday evening.",
  "But we got there in the end,” she added.",
].join("\n");

/** The primer's story: three outlets, the third a wire copy of the second with the first's opening after it. */
export const PRIMER_STORY: readonly SummaryInput[] = [
  { title: "City council approves new budget", text: FIRST },
  { title: "Council passes budget after long debate", text: SECOND },
  { title: "Budget approved", text: `${SECOND}\n${FIRST.slice(0, 400)}` },
];
