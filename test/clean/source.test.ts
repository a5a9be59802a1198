import { describe, expect, it } from "vitest";
import { makeLine } from "../../src/clean/doc.ts";
import { sourceOfText } from "../../src/clean/source.ts";
import { cleanSource } from "../../src/clean/index.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const lines = (...texts: string[]) => texts.map((t) => makeLine(t, false));

describe("outlet and author of a text scrape", () => {
  it("reads the copyright holder, without years, 'All rights reserved' or company suffixes", () => {
    const page = lines("Body text of the story.", "© 2019 The Foo Times Ltd. All Rights Reserved.");
    expect(sourceOfText(page, page.slice(0, 1)).source).toBe("Foo Times");
    const other = lines("Copyright © 2003 - 2019 Phys.org powered by Science X Network");
    expect(sourceOfText(other, []).source).toBe("Phys.org");
    const reserved = lines("© All Rights Reserved Poynter Institute 2019");
    expect(sourceOfText(reserved, []).source).toBe("Poynter Institute");
  });

  it("reads the name a site calls itself by in its furniture, before the copyright holder (often the parent company)", () => {
    const page = lines("More from KXAN Austin", "Body text of the story, which is long enough to be prose.", "About KXAN Austin", "© 2019 Nexstar Media Inc. All rights reserved.");
    expect(sourceOfText(page, page.slice(1, 2)).source).toBe("KXAN Austin");
    const notice = lines("Select the language of your choice. NewsX reports are available in 11 global languages.", "Body.");
    expect(sourceOfText(notice, notice.slice(1)).source).toBe("NewsX");
    const affiliate = lines("Body text of the story.", "Gizmo Weekly is supported by its audience. When you buy through links on our site, we may earn a commission.");
    expect(sourceOfText(affiliate, affiliate.slice(0, 1)).source).toBe("Gizmo Weekly");
    const trademark = lines("Body text of the story.", "Terms of use. Harbour Post is a registered trademark of Harbour Media.");
    expect(sourceOfText(trademark, trademark.slice(0, 1)).source).toBe("Harbour Post");
  });

  it("with the page's address known, takes the name that spells it over a section's met first", () => {
    // A series the site runs names itself in the furniture; the copyright line names the site.
    const page = lines("More from Open Future", "Body text of the story, which is long enough to be prose.", "About Open Future", "© 2021 Harbour Post Ltd. All rights reserved.");
    const body = page.slice(1, 2);
    expect(sourceOfText(page, body).source).toBe("Open Future");
    expect(sourceOfText(page, body, "harbourpost.com").source).toBe("Harbour Post");
    // No name spells the address: the first stays (the digest then shows the address).
    expect(sourceOfText(page, body, "example.org").source).toBe("Open Future");
  });

  it("does not take a section, an author or a common word for the site's name", () => {
    const page = lines("More from Pop Culture", "Search Classifieds", "About Us", "Body text.", "Some more pop culture news.");
    expect(sourceOfText(page, page.slice(3, 4)).source).toBeNull();
  });

  it("takes a group or publishing company for the site only when the page names it alone", () => {
    const holder = (...texts: string[]) => sourceOfText(lines("Body text of the story.", ...texts), lines("Body text of the story.")).source;
    expect(holder("© 2020 Static Media®. All Rights Reserved")).toBeNull();
    // "Hearst Newspapers" and "Nexstar Digital" are other names, not the company's alone.
    expect(holder("Hearst Newspapers", "© 2019 Hearst Communications, Inc.")).toBeNull();
    expect(holder("Nexstar Digital", "Copyright 2023 Nexstar Media Inc. All rights reserved.")).toBeNull();
    expect(holder("Subscribe to the Boston Globe", "©2023 Boston Globe Media Partners, LLC")).toBe("Boston Globe");
    expect(holder("CNN Underscored", "CNN", "© 2019 Cable News Network. A Warner Media Company. All Rights Reserved.")).toBe("CNN");
    expect(holder("Copyright © 2021 Bennett, Coleman & Co. Ltd. All rights reserved.")).toBeNull();
    expect(holder("© Dialogmedien & Emmaus-Reisen GMBH 2001 - 2021. Alle Rechte vorbehalten.")).toBeNull();
  });

  it("reads holders written as addresses, in other languages and after a dash; not rights phrases, footer links or theme credits", () => {
    const holder = (text: string) => sourceOfText(lines("Body.", text), lines("Body.")).source;
    expect(holder("(c) 2014 welpenkaufen24.de")).toBe("welpenkaufen24.de");
    expect(holder("© 2020 - Tele Pinar. Todos los Derechos Reservados.")).toBe("Tele Pinar");
    expect(holder("Copyright (C) 1997-2020 TVN S.A.")).toBe("TVN");
    expect(holder("©NEOS Kontakt Datenschutz ImpressumIBAN: AT90 3636 2000 0018 5009")).toBe("NEOS");
    expect(holder("© 2007-2019 Petra Ruland | Uniqz®")).toBe("Uniqz");
    expect(holder("© Derechos Reservados 2022")).toBeNull();
    expect(holder("© All rights reserved | Terms")).toBeNull();
    expect(holder("Copyright © 2021 | WordPress Theme von MH Themes")).toBeNull();
  });

  it("reads a site's name from the lines that say whose brand it is", () => {
    const self = (text: string) => sourceOfText(lines("Body.", text), lines("Body.")).source;
    expect(self("Eurailpress ist eine Marke der DVV Media Group GmbH")).toBe("Eurailpress");
    expect(self("PEOPLE is part of the Dotdash Meredith publishing family.")).toBe("PEOPLE");
    expect(self('IPSO Regulated Copyright ©2019 Express Newspapers. "Daily Express" is a registered trademark. All rights reserved.')).toBe("Daily Express");
  });

  it("takes a copyright holder only from a site notice, not a photo credit", () => {
    const credit = lines("Body text.", "© Shutterstock");
    expect(sourceOfText(credit, credit.slice(0, 1)).source).toBeNull();
  });

  it("credits the wire service named in the dateline or at the end", () => {
    const dateline = lines("LONDON (Reuters) - Shares rose on Monday.");
    expect(sourceOfText(dateline, dateline).source).toBe("Reuters");
    const closing = lines("Peskov told Russia's Life TV. REUTERS");
    expect(sourceOfText(closing, closing).source).toBe("Reuters");
  });

  it("takes a byline as the author", () => {
    const page = lines("By Jane Q. Smith and Ali Khan | 5 min read", "Text.");
    expect(sourceOfText(page, page.slice(1)).author).toBe("Jane Q. Smith and Ali Khan");
  });

  it("names nobody when the page does not", () => {
    const page = lines("Some headline", "Some body text that says nothing about who wrote it.");
    expect(sourceOfText(page, page.slice(1))).toEqual({ source: null, author: null });
  });

  it("credits Reuters for the seed that ends with its wire credit", () => {
    const path = join(import.meta.dirname, "../fixtures/seeds/004_9e4ccd0661cc7365.txt");
    const article = cleanSource({ path: "004.txt", format: "text", text: readFileSync(path, "utf8"), encoding: "utf-8", mtime: new Date(0) });
    expect(article.meta.source).toBe("Reuters");
  });
});
