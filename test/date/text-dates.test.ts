import { describe, expect, it } from "vitest";
import { findDates } from "../../src/date/text-dates.ts";
import { urlDate } from "../../src/date/url.ts";

const days = (text: string) => findDates(text).map((m) => m.day ?? m.monthFirst);

describe("dates written in text, in the dev sets' languages", () => {
  it.each([
    ["Posted 11. April 2018 by Walter", "2018-04-11"],
    ["Veröffentlicht: 05.01.2020 | Autor", "2020-01-05"],
    ["13. 1. 2020", "2020-01-13"],
    ["Nov. 9, 2023, 4:59 AM UTC", "2023-11-09"],
    ["miércoles, octubre 7, 2020", "2020-10-07"],
    ["/ viernes 25 de septiembre de 2020", "2020-09-25"],
    ["publié le 1er novembre 2023 à 16h28", "2023-11-01"],
    ["Published 29th Oct 2023, 12:47 GMT", "2023-10-29"],
    ["2. januar 2020", "2020-01-02"],
    ["МК в регионах 13 января 2020", "2020-01-13"],
    ["15 Октомври 2020", "2020-10-15"],
    ["القاهرة: الأربعاء، 07 أكتوبر 2020", "2020-10-07"],
    ["Senin, 4 Mei 2020", "2020-05-04"],
    ["2020年07月12日 | 情報", "2020-07-12"],
    ["2020. november 8.", "2020-11-08"],
    ["Updated: 2021-12-14T12:38:19+01:00", "2021-12-14"],
    ["Jänner 5, 2021", "2021-01-05"],
    ["04.05.20 14:50", "2020-05-04"],
    ["( Pescasseroli, 14 Gennaio 20 )", "2020-01-14"],
    ["Published 5 Jan 21, 10:00", "2021-01-05"],
  ])("%s", (text, day) => {
    expect(days(text)).toEqual([day]);
  });

  it("separates a page's published and updated dates run together", () => {
    expect(days("28. Juni 201914. Januar 2020 | Klaus")).toEqual(["2019-06-28", "2020-01-14"]);
  });

  it("keeps both readings of 08/11/2023 for the page to decide, and reads 12/26/2019 month first", () => {
    expect(findDates("08/11/2023 | 20:26")[0]).toMatchObject({ day: "2023-11-08", monthFirst: "2023-08-11" });
    expect(findDates("12/26/2019")[0]).toMatchObject({ day: null, monthFirst: "2019-12-26" });
    expect(days("01.21.2020 07:00 AM")).toEqual(["2020-01-21"]);
  });

  it("finds no date in bare years, numbers or impossible days", () => {
    expect(days("in 2020 we had 2000 people")).toEqual([]);
    expect(days("Copyright © 2018. All Rights Reserved.")).toEqual([]);
    expect(days("31.02.2020 and 30. Februar 2021")).toEqual([]);
    expect(days("May 2025")).toEqual([]);
    // A two-digit year after a month name only where no word follows: otherwise it is a count.
    expect(days("on 14 May 20 people were hurt")).toEqual([]);
  });
});

describe("dates in the page's address", () => {
  it("reads /yyyy/mm/dd/, yyyy-mm-dd and yyyymmdd in the path", () => {
    expect(urlDate("https://blog.example.org/2020/04/07/people-behind-the-code/")).toEqual({ day: "2020-04-07", month: "2020-04" });
    expect(urlDate("https://www.example.com/news/20200413/second-suspect")).toMatchObject({ day: "2020-04-13" });
    expect(urlDate("https://www.example.com/politics/ct-visit-2023-20231108-nu3rcf-story.html")).toMatchObject({ day: "2023-11-08" });
    expect(urlDate("https://www.example.com/2019/10/new-shoes/")).toEqual({ day: null, month: "2019-10" });
  });

  it("reads a month's name as a folder, a day-first date and a year-month opening a name", () => {
    expect(urlDate("https://www.example.co.uk/education/2020/jan/20/academics-second-class")).toEqual({ day: "2020-01-20", month: "2020-01" });
    expect(urlDate("https://example.de/media-news/meldungen/29-10-2021")).toEqual({ day: "2021-10-29", month: "2021-10" });
    expect(urlDate("https://example.it/de/newsroom/23-01-2022-wierer-jubelt/17-378.html")).toMatchObject({ day: "2022-01-23" });
    expect(urlDate("https://example.org/news/2019-10-flint-flake-tool.html")).toEqual({ day: null, month: "2019-10" });
  });

  it("leaves a day-first or month-first date it cannot tell apart, and words that are no month", () => {
    expect(urlDate("https://example.com/news/03-04-2021")).toEqual({ day: null, month: null });
    expect(urlDate("https://example.com/2020/the/20/")).toEqual({ day: null, month: null });
    expect(urlDate("https://example.com/politics/2024-election/debate")).toEqual({ day: null, month: null });
  });

  it("ignores the day an archive copied the page, the query and impossible days", () => {
    expect(urlDate("https://web.archive.org/web/20181206101316/https://example.org/de/film-april-2018/")).toEqual({ day: null, month: null });
    expect(urlDate("https://example.org/article?date=2020-01-01")).toEqual({ day: null, month: null });
    expect(urlDate("https://example.org/2020/02/30/x")).toEqual({ day: null, month: "2020-02" });
    expect(urlDate(null)).toEqual({ day: null, month: null });
  });
});

describe("dates written with other scripts' digits", () => {
  it.each([
    ["القاهرة: الثلاثاء ١٩ نوفمبر ٢٠١٩ - ١٠:٣٠ ص", "2019-11-19"],
    ["نشر في ١٩/١١/٢٠١٩", "2019-11-19"],
    ["２０２３年１１月２日　２２時２７分", "2023-11-02"],
    ["नई दिल्ली, १९ नवंबर २०१९", "2019-11-19"],
    ["नई दिल्ली, 19 नवंबर 2019", "2019-11-19"],
  ])("reads %s", (text, day) => {
    expect(days(text)).toEqual([day]);
  });

  it("places the date where it is written, and reads no Persian (Solar Hijri) year as a Gregorian one", () => {
    const text = "انتشار: ١٩ نوفمبر ٢٠١٩";
    const [m] = findDates(text);
    expect(text.slice(m!.start, m!.end)).toBe("١٩ نوفمبر ٢٠١٩");
    expect(days("تاریخ انتشار: ۲۸ آبان ۱۳۹۸ - ۱۰:۳۰")).toEqual([]);
  });
});
