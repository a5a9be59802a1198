import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDates, loadWebpages } from "../../eval/lib/clean-corpus.ts";
import { halfOf } from "../../eval/lib/split.ts";
import { handBody, handLabels, handTruths } from "../../train/lib/hand-bodies.ts";
import { handLabelled, handTailFromEnv, labelsOf, prepared } from "../../train/lib/clean-items.ts";

// tx61's hand-labelled text-dump bodies (train/labels/text-bodies.jsonl): tuning-half pages only, each label naming
// lines of its own dump, and a labelled page's snippets keeping their word where the trainer reads both.
const pages = [...loadWebpages(), ...loadDates()];
const byId = new Map(pages.map((p) => [p.id, p]));

describe("hand-labelled text bodies", () => {
  it("label only tuning-half pages of the dev corpus, within their dumps", () => {
    const labels = handLabels();
    expect(labels.length).toBeGreaterThanOrEqual(25);
    for (const l of labels) {
      expect(halfOf(l.id)).toBe("tune");
      const page = byId.get(l.id);
      expect(page, l.id).toBeDefined();
      expect(l.last).toBeLessThan(page!.text.split("\n").length);
      expect(handBody(page!, l).length).toBeGreaterThan(200);
    }
  });

  it("give a recipe's story, ingredients and steps, and neither its nutrition table nor its comments", () => {
    const recipe = handTruths(pages).get("b459522e13b4924f")!;
    expect(recipe).toContain("▢ 6 tablespoons all-purpose flour");
    expect(recipe).toContain("Combine and sift together the flour");
    expect(recipe).toContain("My best friend, Sharon, asked me");
    expect(recipe).not.toContain("Saturated Fat");
    expect(recipe).not.toContain("Reply");
    expect(recipe).not.toContain("Bebs says:");
  });

  it("leave a webpages-dev page's snippet labels as they were and label the lines they leave unknown", () => {
    const page = byId.get("3c2fcc11681c85bc")!;
    expect(page.set).toBe("webpages");
    const doc = prepared(page, "text")!;
    const own = labelsOf(page, doc);
    const { labels, hand } = handLabelled(page, handTruths([page]).get(page.id)!, doc);
    let filled = 0;
    own.forEach((y, i) => {
      if (y === 0 || y === 1) expect(labels[i]).toBe(y);
      if (hand[i]) (filled++, expect(own[i] === -1 || own[i] === 2).toBe(true));
    });
    expect(filled).toBeGreaterThan(50);
    // A reader's comment under the how-to is furniture, a step of it article.
    const line = (start: string) => doc.lines.findIndex((l) => l.text.startsWith(start));
    expect(labels[line("I have grown a lemon tree from seed.")]).toBe(0);
    expect(labels[line("Cut the lemon and gather its plumpest seeds.")]).toBe(1);
  });
});

// tx63's labels (train/labels/text-bodies-tx63.jsonl): more webpages-dev tuning pages read by extraction-dev's gold,
// which leaves out the standfirsts, captions and comments that webpages-dev's snippets sometimes count.
describe("hand-labelled text bodies, the second file", () => {
  it("adds 38 pages to the first 31, none twice, and HAND_LABELS=tx61 reads the first file alone", () => {
    const all = handLabels();
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    process.env.HAND_LABELS = "tx61";
    try {
      expect(handLabels().length).toBe(31);
    } finally {
      delete process.env.HAND_LABELS;
    }
    process.env.HAND_LABELS = "tx63";
    try {
      expect(handLabels().length).toBe(69);
    } finally {
      delete process.env.HAND_LABELS;
    }
  });

  it("keep a news story's paragraphs without the standfirst and related box a snippet gold counts or not", () => {
    const page = pages.find((p) => p.set === "webpages" && p.id === "8d54a81698426ddf")!;
    const body = handTruths([page]).get(page.id)!;
    expect(body).toContain("Conventional magnetic recording methods today achieve 1.14Tb per square inch");
    expect(body).toContain("As the world's demand for storage continues to grow");
    // The standfirst is one of the page's must-have snippets; extraction-dev's gold leaves standfirsts out.
    expect(page.with).toContain("but the path looks clear to scale up to 80TB.");
    expect(body).not.toContain("We're about to get 20 terabyte hard drives");
    expect(body).not.toContain("Microsoft Is Using DNA");
    expect(body).not.toContain("Matthew is PCMag's UK-based editor");
  });
});

// tx74's labels (train/labels/text-bodies-tx74.jsonl): webpages-dev tuning pages read for what stands UNDER the body
// (other stories' teasers, reader comments, asks, author boxes), which the snippets of those pages leave unlabelled.
describe("hand-labelled text bodies, the third file", () => {
  it("adds 36 pages to the 69, none twice", () => {
    process.env.HAND_LABELS = "tx74";
    try {
      const all = handLabels();
      expect(all.length).toBe(105);
      expect(new Set(all.map((l) => l.id)).size).toBe(105);
    } finally {
      delete process.env.HAND_LABELS;
    }
  });

  it("end a blog post at its last paragraph and label the 35 reader comments under it furniture", () => {
    const page = pages.find((p) => p.set === "webpages" && p.id === "e1ed0a45a0482f7b")!;
    const body = handTruths([page]).get(page.id)!;
    expect(body).toContain("Google+ hat nunmehr mehrfach die Profile solcher Nutzer gesperrt");
    expect(body).toContain("Vor diesem Hintergrund erscheint es mir rechtlich problematisch");
    expect(body).not.toContain("Comment by Mirko Lange");
    expect(body).not.toContain("Also im Klartext");
    // As training labels: the comment lines the snippets leave unknown become furniture, the body's lines stay article.
    const doc = prepared(page, "text")!;
    const { labels } = handLabelled(page, body, doc);
    const line = (start: string) => doc.lines.findIndex((l) => l.text.startsWith(start));
    expect(labels[line("Also im Klartext")]).toBe(0);
    expect(labels[line("Daran unmittelbar schließt sich")]).toBeGreaterThan(0);
  });

  it("drop the job ads and read-also teasers set inside a news story, and keep the paragraphs around them", () => {
    const page = pages.find((p) => p.set === "webpages" && p.id === "13636391bbc21643")!;
    const body = handTruths([page]).get(page.id)!;
    expect(body).toContain("Überall auf der Welt forscht man intensiv an der kontrollierten Kernfusion");
    expect(body).toContain("Was ist genau bei diesem Kernfusion-Experiment passiert?");
    expect(body).not.toContain("Zum Job");
    expect(body).not.toContain("So wird der Fusionsreaktor Wendelstein 7-X noch besser");
    expect(body).not.toContain("Ein Beitrag von:");
  });
});

// tx75's labels (train/labels/text-bodies-tx75.jsonl): more webpages-dev tuning pages read the same way, further down
// tx74's order (little kept below the last snippet), so that most webpages-dev tuning pages now carry a hand body.
describe("hand-labelled text bodies, the fourth file", () => {
  it("adds 68 pages to the 105, none twice, all tuning-half pages", () => {
    const all = handLabels();
    expect(all.length).toBe(105 + 68);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
  });

  it("keep a long report's paragraphs and subheads without its pull quotes, captions, newsletter ask or most-read box", () => {
    const page = pages.find((p) => p.set === "webpages" && p.id === "594a7969813a299a")!;
    const body = handTruths([page]).get(page.id)!;
    expect(body).toContain("KHAN YOUNIS, GAZA");
    expect(body).toContain("Pregnant Women and Infants");
    expect(body).toContain("Al-Kahlout doesn’t hide that he and his colleagues have to make these calculations");
    // A pull quote stands once in the body, in its paragraph, not again on its own line.
    const lines = body.split("\n");
    expect(lines.filter((l) => l.includes("We ran out of fuel and the electricity is cut off")).length).toBe(1);
    expect(body).not.toContain("Join Our Newsletter");
    expect(body).not.toContain("Original reporting. Fearless journalism.");
    expect(body).not.toContain("Photo: Ashraf Amra");
    expect(body).not.toContain("Blowback: How Israel Went From Helping Create Hamas");
    expect(body).not.toContain("Contact the author:");
  });

  it("keep a slideshow's five slides without their counters and image credits", () => {
    const page = pages.find((p) => p.set === "webpages" && p.id === "035f6342efb573cc")!;
    const body = handTruths([page]).get(page.id)!;
    expect(body).toContain("Pocket friendly");
    expect(body).toContain("Rs 42,900");
    expect(body).not.toContain("Image credit");
    expect(body).not.toContain("3/5");
    expect(body).not.toContain("Popular Slideshows");
  });
});

// tx75's trial forms of the hand tails (HAND_TAIL=1: only the hand body's furniture under its last article line):
// HAND_TAIL_K=k keeps the first k of those labels (the boundary), HAND_TAIL_CAP=1 weighs a page's tail at most as
// its body, so one page's long comment thread does not tip the text block models' label mix.
describe("hand tails, capped", () => {
  const withEnv = <T>(env: Record<string, string>, f: () => T): T => {
    Object.assign(process.env, env);
    try {
      return f();
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
    }
  };
  const page = byId.get("e1ed0a45a0482f7b")!;
  const doc = prepared(page, "text")!;
  const body = handTruths([page]).get(page.id)!;
  const tailOf = (env: Record<string, string>) => {
    const { labels, hand, handWeight } = withEnv({ HAND_TAIL: "1", ...env }, () => handLabelled(page, body, doc));
    const idx = [...hand.keys()].filter((i) => hand[i]);
    return { idx, labels: idx.map((i) => labels[i]), weights: idx.map((i) => handWeight?.[i] ?? 1) };
  };

  it("HAND_TAIL_K=8 labels only the first 8 furniture lines under a blog post, where the 35 comments begin", () => {
    const all = tailOf({});
    expect(all.idx.length).toBeGreaterThan(30);
    expect(new Set(all.labels)).toEqual(new Set([0]));
    const first = tailOf({ HAND_TAIL_K: "8" });
    expect(first.idx).toEqual(all.idx.slice(0, 8));
    // The post's last paragraph stands above every one of them.
    const last = doc.lines.findIndex((l) => l.text.startsWith("Vor diesem Hintergrund erscheint es mir rechtlich problematisch"));
    expect(Math.min(...first.idx)).toBeGreaterThan(last);
  });

  it("HAND_TAIL_CAP=1 weighs a tail longer than its body at most as much as the body", () => {
    const long = pages.find((p) => p.id.startsWith("55dfdc145e"))!;
    const d = prepared(long, "text")!;
    const t = handTruths([long]).get(long.id)!;
    const plain = withEnv({ HAND_TAIL: "1" }, () => handLabelled(long, t, d));
    const capped = withEnv({ HAND_TAIL: "1", HAND_TAIL_CAP: "1" }, () => handLabelled(long, t, d));
    const n = plain.hand.reduce((a, h) => a + h, 0);
    expect(capped.hand).toEqual(plain.hand);
    const bodyLines = t.split("\n").length;
    expect(n).toBeGreaterThan(bodyLines);
    const total = [...capped.hand.keys()].filter((i) => capped.hand[i]).reduce((a, i) => a + capped.handWeight![i]!, 0);
    expect(total).toBeLessThan(n / 2);
    expect(tailOf({ HAND_TAIL_CAP: "1" }).weights.every((w) => w > 0 && w <= 1)).toBe(true);
  });
});

// train:clean's TEXT_TAILS=1 (tx76) passes its tail settings (train/text-decode.json's handTailK) to handLabelled
// itself, so a trainer with no HAND_* variable in its environment labels the same first lines as the trial did.
describe("hand tails, the settings passed rather than read from the environment", () => {
  const page = byId.get("e1ed0a45a0482f7b")!;
  const doc = prepared(page, "text")!;
  const body = handTruths([page]).get(page.id)!;
  const settings = JSON.parse(readFileSync(fileURLToPath(new URL("../../train/text-decode.json", import.meta.url)), "utf8")) as { handTailK: number; shortLineCut: number; decode: Record<string, number> };

  it("labels the blog post's first handTailK furniture lines under its body, and nothing above it", () => {
    const { labels, hand } = handLabelled(page, body, doc, { tail: true, tailK: settings.handTailK, cap: false });
    const idx = [...hand.keys()].filter((i) => hand[i]);
    expect(idx).toHaveLength(settings.handTailK);
    expect(idx.map((i) => labels[i])).toEqual(Array(settings.handTailK).fill(0));
    const last = doc.lines.findIndex((l) => l.text.startsWith("Vor diesem Hintergrund erscheint es mir rechtlich problematisch"));
    expect(Math.min(...idx)).toBeGreaterThan(last);
  });

  it("holds a whole text decode (every setting the search would pick) and a short-line cut", () => {
    expect(Object.keys(settings.decode).sort()).toEqual(["article", "bias", "inner", "patience", "power", "sandwich"]);
    expect(settings.decode.sandwich).toBeLessThan(settings.decode.inner);
    expect(settings.shortLineCut).toBeGreaterThan(0);
  });
});

// tx79's trial form (HAND_TAIL_FROM=lexicon): of the first k tail lines, only those from the first line a furniture
// lexicon group hits down, so the lines right under the body (a teaser's headline, a name, a price, a sign-off) teach
// nothing while the furniture that names itself (a date with "Uhr", "Tags:", "Share", "Related") still does.
describe("hand tails from the first line the furniture lexicon names", () => {
  const tails = (id: string, from?: "lexicon") => {
    const page = byId.get(id)!;
    const doc = prepared(page, "text")!;
    const { labels, hand } = handLabelled(page, handTruths([page]).get(id)!, doc, { tail: true, tailK: 8, cap: false, from });
    const idx = [...hand.keys()].filter((i) => hand[i]);
    return { doc, labels, idx, own: labelsOf(page, doc) };
  };

  it("leaves a news audio page's teaser headline and reporter's name under the body unlabelled, and labels from the time line down", () => {
    const all = tails("e7cf19badd3e43b3");
    const some = tails("e7cf19badd3e43b3", "lexicon");
    expect(all.idx).toHaveLength(8);
    const text = (t: ReturnType<typeof tails>) => t.idx.map((i) => t.doc.lines[i]!.text);
    expect(text(all).slice(0, 2)).toEqual(["Datenleck bei Rheinmetall", "Benedikt Strunz, NDR"]);
    expect(some.idx).toEqual(all.idx.slice(2));
    expect(text(some)[0]).toBe("28.04.2020 21:38 Uhr");
    expect(some.idx.map((i) => some.labels[i])).toEqual(Array(6).fill(0));
    // The two lines left out keep the page's own labels (none: a dates-dev page has no snippets).
    for (const i of all.idx.slice(0, 2)) expect(some.labels[i]).toBe(some.own[i]);
  });

  it("labels nothing under a body whose first 8 tail lines name no furniture (other stories' questions)", () => {
    expect(tails("2d28731d482f4fc5").idx).toHaveLength(8);
    expect(tails("2d28731d482f4fc5", "lexicon").idx).toHaveLength(0);
  });

  it("HAND_TAIL_BALANCE=1 labels the blog post's last unknown body lines article, at most as many as the tail's furniture", () => {
    const page = byId.get("e1ed0a45a0482f7b")!;
    const doc = prepared(page, "text")!;
    const body = handTruths([page]).get(page.id)!;
    const { labels, hand } = handLabelled(page, body, doc, { tail: true, tailK: 8, cap: false, balance: true });
    const idx = [...hand.keys()].filter((i) => hand[i]);
    const article = idx.filter((i) => labels[i] === 1), furniture = idx.filter((i) => labels[i] === 0);
    expect(furniture).toHaveLength(8);
    // Only the body's lines its snippets leave unknown (5 of them here), all above the tail, none of the page's own labels changed.
    expect(article.length).toBeGreaterThan(0);
    expect(article.length).toBeLessThanOrEqual(8);
    expect(Math.max(...article)).toBeLessThan(Math.min(...furniture));
    const own = labelsOf(page, doc);
    for (const i of article) expect(own[i]).toBe(-1);
    // Without the switch the tail mode labels none of them.
    const plain = handLabelled(page, body, doc, { tail: true, tailK: 8, cap: false });
    for (const i of article) expect(plain.labels[i]).toBe(-1);
  });

  it("is read from HAND_TAIL_FROM, and refuses any other value", () => {
    process.env.HAND_TAIL_FROM = "lexicon";
    try {
      expect(handTailFromEnv().from).toBe("lexicon");
      process.env.HAND_TAIL_FROM = "prose";
      expect(() => handTailFromEnv()).toThrow();
    } finally {
      delete process.env.HAND_TAIL_FROM;
    }
  });
});
