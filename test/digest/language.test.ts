// A story's language read from its words: what pages and feeds mark it with (lang, dir).
import { describe, expect, it } from "vitest";
import { textLanguage } from "../../src/digest/language.ts";

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

  it("is not told from too few words", () => {
    expect(textLanguage(["Barclays profits"])).toEqual({ lang: null, dir: null });
    expect(textLanguage([""])).toEqual({ lang: null, dir: null });
  });
});
