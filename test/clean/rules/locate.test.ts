import { describe, expect, it } from "vitest";
import { cleanText } from "../../../src/clean/text.ts";

const menu = ["Home", "News", "World", "Business", "Science", "Sport", "Weather"];
const para = (topic: string, n: number) =>
  `The ${topic} plan, which the council approved on Monday after a long debate, will cost about ${n} million pounds and take two years to finish.`;
const story = [
  para("harbour wall", 3),
  "Engineers said the harbour wall had been damaged by the storms of last winter and that repairs could not wait any longer.",
  para("harbour wall", 4),
  "Fishermen who use the harbour said they welcomed the harbour wall repairs but worried about where their boats would go meanwhile.",
  para("harbour wall", 5),
];

describe("locate-article", () => {
  it("finds the headline under a banner paragraph when a byline follows it", () => {
    const text = [
      ...menu,
      "We use cookies to improve your experience on our site, and by continuing to browse you agree to our use of them.",
      "Harbour Wall Repairs To Begin After Winter Storms",
      "By Jane Smith, November 18, 2019",
      ...story,
    ].join("\n");
    const result = cleanText("t", text);
    expect(result.title).toBe("Harbour Wall Repairs To Begin After Winter Storms");
    expect(result.paragraphs.join(" ")).not.toContain("cookies");
    expect(result.paragraphs).toHaveLength(5);
  });

  it("leaves out the standfirst between headline and byline", () => {
    const text = [
      ...menu,
      "Harbour wall repairs to begin",
      "The council has approved a plan to mend the storm-damaged harbour wall before the fishing season starts.",
      "By Jane Smith",
      "November 18, 2019",
      ...story,
    ].join("\n");
    const result = cleanText("t", text);
    expect(result.paragraphs.join(" ")).not.toContain("before the fishing season starts");
    expect(result.paragraphs[0]).toBe(story[0]);
  });

  it("keeps a list that closes the article, a row printed in it three times included", () => {
    const text = [
      ...menu,
      "How to prepare your boat for winter",
      ...story,
      "What to do each week:",
      "Check the mooring line every day",
      "Tie a strong mooring line to each boat",
      "Check the mooring line every day",
      "Put two fenders on the harbour side",
      "Check the mooring line every day",
      "Facebook",
      "Twitter",
    ].join("\n\n");
    const body = cleanText("t", text).paragraphs;
    expect(body).toContain("Put two fenders on the harbour side");
    expect(body.filter((p) => p === "Check the mooring line every day")).toHaveLength(3);
    expect(body).not.toContain("Twitter");
  });
});

describe("off-topic-tail", () => {
  it("drops a sign-up notice after the article but keeps a closing paragraph on the story", () => {
    const text = [
      ...menu,
      "Harbour wall repairs to begin",
      ...story,
      "The harbour master said the harbour wall repairs should be finished before the storms return next winter.",
      "Share",
      "Your personal data will only be disclosed to third parties for spam filtering or technical maintenance of this website.",
      "You may revoke this consent at any time by writing to our privacy team, whose address appears on our contact page.",
    ].join("\n");
    const body = cleanText("t", text).paragraphs.join(" ");
    expect(body).toContain("harbour master said");
    expect(body).not.toContain("personal data");
  });
});
