import { describe, expect, it } from "vitest";
import { datelineLength, splitSentences } from "../../src/text/sentences.ts";

describe("splitSentences", () => {
  it("keeps abbreviations, initials and decimals inside sentences", () => {
    const text = "Mr. Vucic met U.S. officials on Jan. 5 in Belgrade. Growth was 8.1% in 2004. J. K. Rowling said so.";
    expect(splitSentences(text)).toEqual(["Mr. Vucic met U.S. officials on Jan. 5 in Belgrade.", "Growth was 8.1% in 2004.", "J. K. Rowling said so."]);
  });

  it("returns exact substrings, closing quotes included", () => {
    const text = '"We will not allow it," he said. "Never." The talks ended.';
    const out = splitSentences(text);
    for (const s of out) expect(text).toContain(s);
    expect(out).toEqual(['"We will not allow it," he said.', '"Never."', "The talks ended."]);
  });

  it("splits a dateline off as a segment of its own, so the sentence starts after it", () => {
    expect(splitSentences("WASHINGTON (AP) — The Senate voted on Tuesday.")).toEqual(["WASHINGTON (AP) —", "The Senate voted on Tuesday."]);
    expect(splitSentences("(Reuters) - Oil prices rose. Gold fell.")).toEqual(["(Reuters) -", "Oil prices rose.", "Gold fell."]);
    expect(splitSentences("BELGRADE, Serbia: Russia on Thursday accused Serbia.")).toEqual(["BELGRADE, Serbia:", "Russia on Thursday accused Serbia."]);
    expect(splitSentences("Mannheim, Germany (Sports Network) - Wladimir Klitschko retained his titles.")[1]).toBe("Wladimir Klitschko retained his titles.");
    // Dashes inside a sentence are not datelines.
    expect(splitSentences("Lindsay Lohan - who was jailed - is out. The Senate voted - narrowly - on Tuesday.")).toHaveLength(2);
  });

  it("splits the same given the dateline's length its caller has read", () => {
    for (const text of ["WASHINGTON (AP) — The Senate voted on Tuesday. It adjourned.", "(Reuters) - Oil prices rose. Gold fell.", "Oil prices rose. Gold fell."]) {
      expect(splitSentences(text, datelineLength(text))).toEqual(splitSentences(text));
    }
  });
  // Real paragraphs of the dev corpus (dates-dev, webpages-dev). Before, a stop was a boundary only before a
  // capital or a digit, so these stayed one "sentence" each, and a summary showed the whole paragraph.
  it("splits scripts without capitals: Chinese and Japanese stops with no space, Arabic and Gujarati before a letter", () => {
    expect(splitSentences("索尼曾在8月預測，截至2021年3月，一年的感測器領域營業利潤將下降45％。索尼公司將這一下滑歸咎於智慧手機銷售在新冠肺炎疫情時期下降。")).toEqual([
      "索尼曾在8月預測，截至2021年3月，一年的感測器領域營業利潤將下降45％。",
      "索尼公司將這一下滑歸咎於智慧手機銷售在新冠肺炎疫情時期下降。",
    ]);
    const japanese = "【エルサレム＝酒井圭吾】イスラエルとイスラム主義組織ハマスの戦闘が続くパレスチナ自治区ガザで、邦人１０人を含む外国籍保有者３６１人が１日、エジプトに退避した。エジプト政府によると、ガザにとどまる約６０か国の７０００人が今後２～３週間に退避を予定している。";
    expect(splitSentences(japanese)).toHaveLength(2);
    const arabic = "مالذي يحدث في السودان؟ والى أين يتجه البلد الذي يقوده الرئيس عمر البشير منذ ثلاثين عاما؟ وماذا عن الوعود الرسمية بالاصلاحات السياسية وضمان الحريات؟";
    expect(splitSentences(arabic)).toEqual(["مالذي يحدث في السودان؟", "والى أين يتجه البلد الذي يقوده الرئيس عمر البشير منذ ثلاثين عاما؟", "وماذا عن الوعود الرسمية بالاصلاحات السياسية وضمان الحريات؟"]);
    const gujarati = "છીતુભાઈ કાયમ મદદગાર રહેતા હતા. જોકે 10 દિવસ અગાઉ છીતુભાઈ પટેલ અને તેમની પત્નિ મંજુલાબેન પટેલ કોરોનાની મહામારીમાં સપડાયા હતા.";
    expect(splitSentences(gujarati)).toEqual(["છીતુભાઈ કાયમ મદદગાર રહેતા હતા.", "જોકે 10 દિવસ અગાઉ છીતુભાઈ પટેલ અને તેમની પત્નિ મંજુલાબેન પટેલ કોરોનાની મહામારીમાં સપડાયા હતા."]);
    // A stop of those scripts takes the stops and closing quotes after it ("؟!»"), as "?!" does.
    expect(splitSentences("باید به چه کسانی رأی بدهند؟!» شنیده‌ها حاکی از آن است.")).toEqual(["باید به چه کسانی رأی بدهند؟!»", "شنیده‌ها حاکی از آن است."]);
    for (const text of [japanese, arabic, gujarati]) for (const s of splitSentences(text)) expect(text).toContain(s);
  });

  it("keeps a Latin-script stop before a lower-case word inside its sentence, as before", () => {
    expect(splitSentences("He paid approx. five dollars. Then he left.")).toEqual(["He paid approx. five dollars.", "Then he left."]);
    expect(splitSentences("The site, example.com, went down. It came back.")).toHaveLength(2);
  });
});

describe("a German day written as an ordinal before its month", () => {
  // The months are read from Intl (de, de-AT) with "Feber" by hand: every form, and no other word, keeps its day.
  const months = "Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November Dezember".split(" ");
  it.each(months)("keeps '13. %s' in one sentence", (month) => {
    expect(splitSentences(`Am 13. ${month} 2022 kam er an. Die Halle ist offen.`)).toEqual([`Am 13. ${month} 2022 kam er an.`, "Die Halle ist offen."]);
  });
  it.each(["Jän", "Sept", "Okt", "Marz", "Winter"])("ends the sentence after '13.' before '%s'", (word) => {
    expect(splitSentences(`Er zählte bis 13. ${word} kam nie.`)).toEqual(["Er zählte bis 13.", `${word} kam nie.`]);
  });
});

describe("a stop before a cited number", () => {
  // webpages-dev 18252c3e246d98ec (tuning half): a Swiss law blog cites "Art. 90 Abs. 3 und 4 SVG"; a summary
  // showed "90 Abs." as a sentence of its own.
  it("ends no sentence after a capitalised citing abbreviation", () => {
    const text =
      "Auch Polizisten im Dienst können den Rasertatbestand (Art. 90 Abs. 3 und 4 SVG) erfüllen, wenn sie mitten in der Nacht mit über 120 km/h durch ein Wohngebiet jagen. Das Bundesgericht kassiert ein Urteil, das den fehlbaren Polizeibeamten nur wegen Art. 90 Abs. 2 SVG verurteilt hatte.";
    expect(splitSentences(text)).toEqual([
      "Auch Polizisten im Dienst können den Rasertatbestand (Art. 90 Abs. 3 und 4 SVG) erfüllen, wenn sie mitten in der Nacht mit über 120 km/h durch ein Wohngebiet jagen.",
      "Das Bundesgericht kassiert ein Urteil, das den fehlbaren Polizeibeamten nur wegen Art. 90 Abs. 2 SVG verurteilt hatte.",
    ]);
    expect(splitSentences("Siehe Fig. 2 und S. 12. Das ist alles.")).toEqual(["Siehe Fig. 2 und S. 12.", "Das ist alles."]);
  });

  it("still ends a sentence after a common word before a number", () => {
    expect(splitSentences("He loved modern art. 90 people came to the show.")).toEqual(["He loved modern art.", "90 people came to the show."]);
  });
});
