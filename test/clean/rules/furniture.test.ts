import { describe, expect, it } from "vitest";
import { cleanText, emptyMeta } from "../../../src/clean/text.ts";
import { makeDoc } from "../../../src/clean/doc.ts";
import { advertisement } from "../../../src/clean/rules/lines.ts";

const para = (n: number) =>
  `Residents of the valley were told on Monday that the new bus route, the ${n}th this year, would run every twenty minutes from the station to the hospital.`;
const head = ["Home", "News", "Local", "Bus route to hospital opens", "By Sam Lee"];

describe("repeated-lines", () => {
  it("drops a sentence printed twice but keeps a question asked of every guest", () => {
    const q = "What inspired you to start cooking for other people?";
    const answer = (who: string) => `${who} said that cooking for friends at university had shown how much a good meal could bring people together.`;
    const quote = "“We cook because we want people to sit down together,” she said.";
    const text = [...head, para(1), quote, para(2), q, answer("Anna"), q, answer("Boris"), q, answer("Clara"), quote, para(3)].join("\n\n");
    const body = cleanText("t", text).paragraphs;
    expect(body.filter((p) => p === q)).toHaveLength(3);
    expect(body.filter((p) => p === quote)).toHaveLength(1);
  });
});

describe("photo-credit", () => {
  it("drops a credit with initials and the caption just above it", () => {
    const text = [
      ...head,
      para(1),
      "Bus driver Tom Hill (left) and nurse Amy Cole (right) at the new stop outside Valley Hospital on Monday morning",
      "Photo: Gene J. Puskar",
      para(2),
      "The first bus left the station at 6am. Photograph: Sam Lee / AP file",
      para(3),
    ].join("\n\n");
    const body = cleanText("t", text).paragraphs;
    expect(body).toEqual([para(1), para(2), para(3)]);
  });
});

describe("sign-up-box", () => {
  it("drops a newsletter box after the article but keeps advice to sign up inside it", () => {
    const text = [
      ...head,
      para(1),
      "Sign up for a bus pass online to save a pound on every trip.",
      para(2),
      "Sign up with the same email address as your library card.",
      para(3),
      "Valley Newsletter",
      "Get the day's big stories delivered every morning.",
      "Please check the opt-in box to confirm that you would like to subscribe.",
      "Thanks for signing up!",
    ].join("\n\n");
    const body = cleanText("t", text).paragraphs;
    expect(body).toContain("Sign up for a bus pass online to save a pound on every trip.");
    expect(body.join(" ")).not.toMatch(/opt-in|Thanks for signing up|Valley Newsletter/);
  });
});

describe("lead-caption", () => {
  it("drops the caption of the picture under the headline, even when it reads as a sentence", () => {
    const caption = "Passengers wait for the first bus at the station in the valley, where the new route begins.";
    const text = [...head, caption, "Photo: Getty Images", para(1), para(2), para(3)].join("\n\n");
    expect(cleanText("t", text).paragraphs).toEqual([para(1), para(2), para(3)]);
  });
});

describe("advertisement", () => {
  it("drops ad labels made of known parts (empty parts skipped), and keeps a short line that only starts like one", () => {
    const labels = ["Advertisement", "ADVERTISEMENT · Scroll to continue", "Story continues below advertisement", "Advertisement - Sponsored content…", "Ad | Ad", "Ads · ·"];
    const others = ["Advertisement: Prices rise", "Sponsored by the council", "Story: a bus route opens", "Paid post: our view"];
    const doc = makeDoc("t", [...head, para(1), ...labels, para(2), ...others].join("\n\n"), emptyMeta());
    advertisement.apply(doc);
    expect(doc.lines.filter((l) => l.drop === "advertisement").map((l) => l.text)).toEqual(labels);
  });
});
