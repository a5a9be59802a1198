// A story's language read from its words: what pages and feeds mark it with (lang, dir).
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { textLanguage } from "../../src/digest/language.ts";

// Headline and first paragraphs of dev pages as the cleaner gives them (Ukrainian, Bulgarian, Gujarati,
// Russian, and a Spanish page whose only telling words were "la" and the commonest ones, which French and
// Portuguese share), and a Turkish text written for the test: each named by its file's prefix.
const storyLanguages = join(import.meta.dirname, "../fixtures/story-languages");

describe("a story's language", () => {
  it("is read from the function words of Latin and Cyrillic text", () => {
    expect(textLanguage(["The port said on Friday that it had handled more containers than in any year before."]).lang).toBe("en");
    expect(textLanguage(["Der Hafen teilte am Freitag mit, dass er so viele Container wie nie zuvor umgeschlagen hat."]).lang).toBe("de");
    expect(textLanguage(["Le port a annoncé vendredi qu'il a traité plus de conteneurs que pendant toute autre année."]).lang).toBe("fr");
    expect(textLanguage(["El puerto anunció el viernes que ha movido más contenedores que en cualquier otro año de su historia."]).lang).toBe("es");
    expect(textLanguage(["Порт сообщил в пятницу, что он обработал больше контейнеров, чем когда-либо, и это было рекордом."]).lang).toBe("ru");
  });

  it("is read from the script where one script is one language, right to left for Arabic and Hebrew", () => {
    expect(textLanguage(["افتتحت الحكومة يوم الجمعة مطارا جديدا في المدينة"])).toEqual({ lang: "ar", dir: "rtl" });
    expect(textLanguage(["הממשלה פתחה ביום שישי נמל תעופה חדש בעיר"])).toEqual({ lang: "he", dir: "rtl" });
    expect(textLanguage(["政府は金曜日、市内に新しい空港を開設した。"]).lang).toBe("ja");
    expect(textLanguage(["政府周五在该市开设了一个新机场。"]).lang).toBe("zh");
  });

  it("tells Ukrainian and Bulgarian from Russian, Spanish from French and Portuguese, and names Turkish and the scripts of India", () => {
    const files = readdirSync(storyLanguages).filter((f) => f.endsWith(".txt"));
    expect(files.map((f) => f.slice(0, 2)).sort()).toEqual(["bg", "es", "gu", "ru", "tr", "uk"]);
    for (const file of files) {
      const lines = readFileSync(join(storyLanguages, file), "utf8").split(/\n+/).filter(Boolean);
      expect([file, textLanguage(lines).lang]).toEqual([file, file.slice(0, 2)]);
    }
  });

  it("names a short Russian lead with a single ы Russian (not Bulgarian, not Ukrainian)", () => {
    const lead = "Ветеран сборной Германии Лукаш Подольски принял решение прекратить выступления за Бундестим. 31-летний Лукаш Подольски – третий по количеству матчей за сборную Германии (после Лотара Маттеуса и Бастиана Швайнштайгера).";
    expect(textLanguage(["Подольски завершил карьеру в сборной", lead]).lang).toBe("ru");
  });

  it("is not told from too few words", () => {
    expect(textLanguage(["Barclays profits"])).toEqual({ lang: null, dir: null });
    expect(textLanguage([""])).toEqual({ lang: null, dir: null });
  });
});
