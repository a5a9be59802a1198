// Text in any language is kept; bytes that only decode to characters are not published as stories.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { decode, notLanguage } from "../../src/ingest/index.ts";
import { languageFeatures } from "../../src/ingest/language.ts";

const languages = join(import.meta.dirname, "../fixtures/languages");

// Article 1 of the Universal Declaration of Human Rights, in languages and scripts the corpus lacks.
const UDHR: Record<string, string> = {
  vi: "Tất cả mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền. Mọi con người đều được tạo hóa ban cho lý trí và lương tâm và cần phải đối xử với nhau trong tình bằng hữu.",
  th: "มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ ต่างมีเหตุผลและมโนธรรม และควรปฏิบัติต่อกันด้วยเจตนารมณ์แห่งภราดรภาพ",
  hi: "सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है। उन्हें बुद्धि और अन्तरात्मा की देन प्राप्त है और परस्पर उन्हें भाईचारे के भाव से बर्ताव करना चाहिये।",
  he: "כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון, לפיכך חובה עליהם לנהוג איש ברעהו ברוח של אחוה.",
  ka: "ყველა ადამიანი იბადება თავისუფალი და თანასწორი თავისი ღირსებითა და უფლებებით. მათ მინიჭებული აქვთ გონება და სინდისი და ერთმანეთის მიმართ უნდა იქცეოდნენ ძმობის სულისკვეთებით.",
  tr: "Bütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar. Akıl ve vicdana sahiptirler ve birbirlerine karşı kardeşlik zihniyeti ile hareket etmelidirler.",
  cs: "Všichni lidé rodí se svobodní a sobě rovní co do důstojnosti a práv. Jsou nadáni rozumem a svědomím a mají spolu jednat v duchu bratrství.",
  hu: "Minden emberi lény szabadnak születik és egyenlő méltósága és joga van. Az emberek, ésszel és lelkiismerettel bírván, egymással szemben testvéri szellemben kell hogy viseltessenek.",
  uk: "Всі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю і повинні діяти у відношенні один до одного в дусі братерства.",
  yo: "Gbogbo ènìyàn ni a bí ní òmìnira; iyì àti ẹ̀tọ́ kọ̀ọ̀kan sì dọ́gba. Wọ́n ní ẹ̀bùn ti làákàyè àti ti ẹ̀rí-ọkàn, ó sì yẹ kí wọn ó máa hùwà sí ara wọn gẹ́gẹ́ bí ọmọ ìyá.",
  lv: "Visi cilvēki piedzimst brīvi un vienlīdzīgi savā pašcieņā un tiesībās. Viņi ir apveltīti ar saprātu un sirdsapziņu, un viņiem jāizturas citam pret citu brālības garā.",
  is: "Hver maður er borinn frjáls og jafn öðrum að virðingu og réttindum. Menn eru gæddir vitsmunum og samvizku, og ber þeim að breyta bróðurlega hverjum við annan.",
};

/** Deterministic bytes (a linear congruential generator): the same garbage every run. */
function bytes(seed: number, n: number, lo: number, hi: number): Uint8Array {
  let s = seed;
  return Uint8Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return lo + ((s >>> 16) % (hi - lo + 1));
  });
}

const read = (b: Uint8Array) => {
  const d = decode(b);
  return d.ok ? d.text : null;
};

describe("real text", () => {
  it("in every language of the corpus samples is language", () => {
    const names = readdirSync(languages).sort();
    expect(names.length).toBeGreaterThanOrEqual(13);
    for (const n of names) expect(notLanguage(readFileSync(join(languages, n), "utf8")), n).toBeNull();
  });

  it("in other scripts and heavily accented languages, composed or decomposed, is language", () => {
    for (const [lang, text] of Object.entries(UDHR)) {
      expect(notLanguage(text.normalize("NFC")), lang).toBeNull();
      expect(notLanguage(text.normalize("NFD")), `${lang} NFD`).toBeNull();
    }
  });

  it("with figures, a table of results or a list of links, is still language", () => {
    const results = "Premier League results on Saturday: Arsenal 2 Chelsea 1, Liverpool 3 Everton 0, Leeds 1 Fulham 1. Attendance 60,260 at the Emirates; 52,113 at Anfield. Goals: Saka 23', 71'; Palmer 45+2'.";
    expect(notLanguage(results)).toBeNull();
    expect(notLanguage("Read more at https://example.com/news/2025/05/29/council-budget-approved?utm_source=rss&id=123 and follow @citycouncil #budget")).toBeNull();
  });
});

describe("garbage", () => {
  it("random bytes and high bytes (as Windows-1252) are not language", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = read(bytes(seed, 2000, 32, 255));
      const high = read(bytes(seed, 2000, 128, 255));
      expect(random && notLanguage(random), `random ${seed}`).toMatch(/does not read as text in any language/);
      expect(high && notLanguage(high), `high ${seed}`).toMatch(/only 0% of its Latin letters are a–z/);
    }
  });

  it("random printable ASCII and random code points are not language", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const ascii = read(bytes(seed, 2000, 32, 126))!;
      expect(notLanguage(ascii), `ascii ${seed}`).not.toBeNull();
      const points = String.fromCodePoint(...[...bytes(seed, 3000, 0, 255)].map((b, i, a) => 0x100 + ((b << 8) | (a[(i + 1) % a.length]!)) * 3));
      expect(notLanguage(points), `code points ${seed}`).not.toBeNull();
    }
  });

  it("text that is mostly undecodable is not language", () => {
    expect(notLanguage(`Breaking ${"\uFFFD".repeat(40)} news ${"\uFFFD".repeat(40)}`)).toMatch(/could not be decoded/);
  });
});

describe("what the features count", () => {
  it("names the script with the most letters, the one met first of two with as many, and counts Latin letters with their script", () => {
    expect(languageFeatures("Мир мир abc abc").script).toBe("Cyrillic"); // 6 and 6: Cyrillic came first
    expect(languageFeatures("abcd Мир").script).toBe("Latin");
    expect(languageFeatures("abc Мир").script).toBe("Cyrillic"); // a tie: the basic letters a–z join the count last
    const mixed = languageFeatures("日本語のテキスト and some English words, café");
    expect(mixed.systemShare).toBe(1); // Japanese with Latin beside it is one writing system
    expect(mixed.basicLatinShare).toBeCloseTo(22 / 23, 12); // é is the one Latin letter outside a–z
    expect(languageFeatures("").script).toBe("none");
  });

  it("leaves web and e-mail addresses out of the count", () => {
    const plain = languageFeatures("Read more on the site today");
    const linked = languageFeatures("Read more on the site today https://example.com/a?b=1#c&d=%20 mail@example.org");
    expect(linked).toEqual(plain);
  });
});


describe("one enormous token in an article", () => {
  it("does not make the article's words long on average: a line of 50,000 combining marks, or a 30,000-character data blob", () => {
    const seedDir = join(import.meta.dirname, "../fixtures/seeds");
    const article = readFileSync(join(seedDir, readdirSync(seedDir).sort()[2]!), "utf8").slice(0, 5000);
    expect(notLanguage(article)).toBeNull();
    expect(notLanguage(`${article}\n\nZ${"\u0301".repeat(50000)}\n`)).toBeNull();
    expect(notLanguage(`${article}\n\n${"QUJDRA".repeat(5000)}\n`)).toBeNull();
    // Characters without spaces are still no language.
    expect(notLanguage("QUJDRA".repeat(5000))).toMatch(/"words" are 100 characters long/);
  });
});
