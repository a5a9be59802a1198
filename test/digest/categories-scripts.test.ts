// A Latin name inside text of a script that writes no spaces (Japanese, Chinese, Thai) is the name alone, not
// the name and the sentence run on after it: "App Storeにない非公式アプリを…" was a story's category. Paragraphs of
// extraction-dev 85439e26c41c7590… (tuning half), as the page's article body gives them.
import { describe, expect, it } from "vitest";
import { categoriseArticles, nameRuns } from "../../src/digest/categories.ts";

const jailbreak = {
  path: "ja.html",
  paragraphs: [
    "「脱獄」とは、iPhoneのiOSを改造して機能制限を解除することで、脱獄すれば、App Storeにない非公式アプリを利用することもできるようになるとのことです。",
    "もちろん、Apple社は「脱獄」を認めていません。",
  ],
};

describe("a name between letters of a script without capitals", () => {
  it("ends where that script begins, and begins where it ends", () => {
    expect(categoriseArticles([jailbreak], [])).toEqual(expect.arrayContaining(["App Store", "Apple"]));
    expect(categoriseArticles([jailbreak], []).every((c) => !/\p{Script=Hiragana}|\p{Script=Han}/u.test(c))).toBe(true);
    expect(nameRuns("東京のGoogle本社").map((r) => r.name)).toEqual(["Google"]);
  });

  it("leaves words of one script whole: accented Latin, digits before letters", () => {
    expect(nameRuns("Šťastný trafen Łukasz in Zürich, and the 3D TV.").map((r) => r.name)).toEqual(["Šťastný", "Łukasz", "Zürich", "TV"]);
  });
});
