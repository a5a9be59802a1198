// The article gate's notice share reads every line of every text dump's body, by a scan of code points: it
// must count the words a letters pattern ([\p{L}]+ over the line's lower-case form) finds, and the notice
// words among them, in any script.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOTICE_WORDS, noticeWordCount, slowNoticeWordCount, speaksToReader } from "../../../src/clean/rules/notice-words.ts";

function byPattern(text: string): { words: number; notice: number } {
  const words = [...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]);
  return { words: words.length, notice: words.filter((w) => NOTICE_WORDS.has(w)).length };
}

/** The notice share's two counts of the gate's one scan (its voice counts: sentence-shapes.test.ts). */
const noticeOnly = (c: { words: number; notice: number }) => ({ words: c.words, notice: c.notice });

describe("noticeWordCount", () => {
  it("counts a written notice's words and notice words as the letters pattern does", () => {
    const wall = readFileSync(join(import.meta.dirname, "../../fixtures/clean/notice-ad-blocker-wall.txt"), "utf8");
    for (const line of wall.split("\n").filter((l) => l.trim())) expect(noticeOnly(noticeWordCount(line))).toEqual(byPattern(line));
    expect(noticeOnly(noticeWordCount("Please enable JavaScript to continue."))).toEqual({ words: 5, notice: 4 });
  });

  it("reads letters of any script and case as the pattern does, astral letters and a lower case that grows included", () => {
    for (const line of ["İstanbul'da SEITE nicht gefunden", "𝐀𝐁 page 𠀀𠀁 Page-not-found", "Straße ǅemal — 東京都、ページ", "über-Zugriff…fehler"]) {
      expect(noticeOnly(noticeWordCount(line))).toEqual(byPattern(line));
    }
  });

  it("counts in one pass what the slow reading of the lower-case form counts, whatever the case and the letters beside a notice word", () => {
    const lines = [
      "PLEASE ENABLE JAVASCRIPT, then Reload the PAGE",
      "Pâge sorry‑page Seitè SEITE leider…Bitte",
      "Ǆemal's Σελίδα ΣΟΦΟΣ pages pagé",
      "The Kelvin sign \u212A and 𝐏age, İSTANBUL Page",
      "12 Cookies; 3 consent-wall 'accept' “Accept” «reject»",
    ];
    for (const line of lines) {
      expect(noticeOnly(noticeWordCount(line))).toEqual(byPattern(line));
      expect(slowNoticeWordCount(line)).toEqual(byPattern(line));
    }
    expect(noticeOnly(noticeWordCount("PLEASE ENABLE JAVASCRIPT, then Reload the PAGE"))).toEqual({ words: 7, notice: 5 });
  });
});

describe("the notice vocabulary in the dev sets' other languages (nt75)", () => {
  it("counts a French, Spanish, Italian, Portuguese or Dutch notice's words, accented letters in any case included, as the pattern does", () => {
    const lines = [
      "Accès refusé : veuillez activer JavaScript dans votre navigateur.",
      "ACCÈS REFUSÉ — Désolé, la page est introuvable",
      "Página no encontrada. Lo sentimos, inténtalo de nuevo.",
      "Pagina non trovata: spiacenti, riprova più tardi.",
      "Acesso negado. Desculpe, você não tem permissão.",
      "Pagina niet gevonden. Schakel JavaScript in om verder te gaan.",
    ];
    for (const line of lines) {
      expect(noticeOnly(noticeWordCount(line))).toEqual(byPattern(line));
      expect(slowNoticeWordCount(line)).toEqual(byPattern(line));
    }
    expect(noticeOnly(noticeWordCount("ACCÈS REFUSÉ — Désolé, la page est introuvable"))).toEqual({ words: 7, notice: 5 });
    expect(noticeWordCount("Página no encontrada. Lo sentimos, inténtalo de nuevo.").notice).toBe(4);
  });

  it("holds every notice word in lower case and composed form, as the scan hashes it", () => {
    for (const w of NOTICE_WORDS) expect(w, w).toBe(w.toLowerCase().normalize("NFC"));
  });
});

describe("speaksToReader", () => {
  it("tells a notice to the reader about their machine from a headline that names one", () => {
    for (const notice of [
      "Media playback is unsupported on your device",
      "Your browser does not support the video tag.",
      "You need to enable JavaScript to view this site.",
      "Bitte aktivieren Sie JavaScript in Ihrem Browser, um diese Seite zu sehen.",
      "Sie haben Javascript für Ihren Browser deaktiviert.",
    ]) expect(speaksToReader(notice), notice).toBe(true);
    for (const headline of [
      "How to clear your browser cache",
      "Apple's new app store rules anger developers",
      "Wählen Sie Car Player-Tipps zur Auswahl der besten Car-CD-Player",
      "\"Thank you for your support and please enable us to continue\", the mayor said",
      // A block page's notice speaks about the site, not the reader's machine: the article gate judges it with its own first line.
      "Sorry, you have been blocked",
      // Headlines about the reader's machine that say no lack (stop 74's second reading).
      "Your iPhone app can now support widgets: how to set them up",
      "Why you should update your browser today",
      "Is your device supported? iOS 18 drops the iPhone XS",
      "Sie können die App jetzt auf Ihrem Gerät installieren",
    ]) expect(speaksToReader(headline), headline).toBe(false);
  });
});

describe("speaksToReader in the dev sets' other languages (nt75)", () => {
  it("tells a French, Spanish, Italian, Portuguese or Dutch notice about the reader's machine from a headline naming one", () => {
    for (const notice of [
      "JavaScript est désactivé : veuillez activer JavaScript dans votre navigateur.",
      "Necesitas habilitar JavaScript en tu navegador para ver esta página.",
      "Per favore abilita JavaScript nel tuo browser per visualizzare il sito.",
      "Ative o JavaScript no seu navegador para você acessar esta página.",
      "Schakel JavaScript in uw browser in om deze pagina te bekijken.",
    ]) expect(speaksToReader(notice), notice).toBe(true);
    for (const headline of [
      "Comment vider le cache de votre navigateur",
      "Google lance un nouveau navigateur pour les entreprises",
      "¿Es compatible tu dispositivo con la nueva versión de Android?",
      "Il nuovo lettore multimediale arriva su tutti i dispositivi",
      "Você já atualizou o seu navegador? Veja as novidades",
    ]) expect(speaksToReader(headline), headline).toBe(false);
  });
});
