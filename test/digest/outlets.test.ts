// Who published an article: the outlet a reader is shown, from the best evidence there is, or none.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { hintName, isAddress, isRealName, outletLabel, outletOf, ownName, stripSiteName, titleName } from "../../src/digest/outlets.ts";
import { buildDigest } from "../../src/digest/index.ts";
import { namesHost } from "../../src/text/outlet-names.ts";
import { cleanSource } from "../../src/clean/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ArticleMeta, CleanArticle, InputFormat, ResolvedArticle } from "../../src/types.ts";

const fixtures = join(import.meta.dirname, "../fixtures");

function article(meta: Partial<ArticleMeta>, format: InputFormat = "html"): ResolvedArticle {
  return resolved({ path: "a", format, raw: "", title: "A headline", paragraphs: ["Text."], meta: { ...emptyMeta(), ...meta }, context: "", mtime: new Date(0), messages: [] });
}

function resolved(a: CleanArticle): ResolvedArticle {
  return { ...a, evidence: { date: null, dateSource: null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-01-01" }, date: "2025-01-01", dateSource: "file-mtime" };
}

function page(file: string, format: InputFormat): ResolvedArticle {
  return resolved(cleanSource({ path: file, format, text: readFileSync(join(fixtures, file), "utf8"), encoding: "utf-8", mtime: new Date(0) }));
}

describe("an article's outlet", () => {
  it("takes the name a Markdown article's front matter declares", () => {
    expect(outletOf(article({ source: "Northern Courier", url: "https://www.bbc.co.uk/news/1" }, "markdown")).name).toBe("Northern Courier");
  });

  it("takes the host table's name for a well-known host or its subdomain", () => {
    expect(outletOf(article({ url: "https://hosted.ap.org/citizensvoice/article/1", siteName: "Hosted" }))).toEqual({ name: "Associated Press", basis: "host", host: "hosted.ap.org" });
    expect(outletOf(article({ url: "https://www.bbc.co.uk/news/1" })).name).toBe("BBC News");
  });

  it("credits the AP page saved from hosted.ap.org to the Associated Press, not to its site name “Hosted”", () => {
    const ap = page("outlets/ap-hosted.html", "html");
    expect(ap.meta.siteName).toBe("Hosted");
    expect(outletOf(ap).name).toBe("Associated Press");
  });

  it("takes og:site_name when it names the page's host, and not a word that names nothing", () => {
    expect(outletOf(article({ url: "https://www.harbourpost.example/a", siteName: "Harbour Post" }))).toMatchObject({ name: "Harbour Post", basis: "site-name" });
    expect(outletOf(article({ url: "https://hosted.wirecopy.example/a", siteName: "Hosted" })).name).toBeNull();
    expect(outletOf(article({ url: "https://www.nytimes.example/a", siteName: "The New York Times" })).name).toBe("The New York Times");
  });

  it("credits the outlet by its name, not by its name and tagline as og:site_name or the publisher writes them", () => {
    const named = (meta: Partial<ArticleMeta>) => outletOf(article(meta)).name;
    expect(named({ url: "https://www.harbourpost.example/a", siteName: "Harbour Post - News, sport and weather for the coast" })).toBe("Harbour Post");
    expect(named({ url: "https://tagesblatt.example/a", siteName: "TAGESBLATT.EXAMPLE · Alles aus der Region!" })).toBe("TAGESBLATT.EXAMPLE");
    expect(named({ url: "https://www.sparfuchs.example/a", siteName: "Der Blog für Schnäppchen • Sparfuchs" })).toBe("Sparfuchs");
    expect(named({ url: "https://www.lantern.example/a", siteName: "Home", publisher: "www.lantern.example | Das Nachrichtenportal" })).toBe("lantern.example");
    // No part names the host alone (nhp ← Northern Harbour Post): the whole name stays.
    expect(named({ url: "https://www.nhp.example/a", siteName: "Northern - Harbour Post" })).toBe("Northern - Harbour Post");
    // A hyphen inside a name is no separator.
    expect(named({ url: "https://www.nord-kurier.example/a", siteName: "Nord-Kurier" })).toBe("Nord-Kurier");
  });

  it("credits the Tribune de Genève and the Frankfurter Rundschau by name, not by the addresses their og:site_name holds", () => {
    // Real pages (scripts and styles cut): og:site_name "tdg.ch/" and "https://www.fr.de", the JSON-LD publisher the name.
    for (const [file, site, name] of [
      ["outlets/tdg-address-site-name.html", "tdg.ch/", "Tribune de Genève"],
      ["outlets/fr-url-site-name.html", "https://www.fr.de", "Frankfurter Rundschau"],
    ] as const) {
      const member = page(file, "html");
      expect(member.meta.siteName).toBe(site);
      const view = buildDigest([{ id: "s-0123456789", date: "2025-01-01", title: "", members: [member], summary: [], followUpOf: null }]).model.stories[0]!;
      expect(view.sources[0]!.outlet).toBe(name);
      expect(view.sources[0]!.label).toBe(name);
      expect(view.credit).toBe(name);
    }
  });

  it("credits Eurailpress, which only the page's <title> names (“… - Eurailpress”), by name and not by its host", () => {
    // A real page (scripts and styles cut): no og:site_name, publisher or self-naming line.
    const member = page("outlets/eurailpress-title-name.html", "html");
    expect(member.meta.siteName).toBeNull();
    expect(member.meta.titleSite).toBe("Eurailpress");
    const view = buildDigest([{ id: "s-0123456789", date: "2025-01-01", title: "", members: [member], summary: [], followUpOf: null }]).model.stories[0]!;
    expect(view.sources[0]!.label).toBe("Eurailpress");
    expect(view.credit).toBe("Eurailpress");
    expect(view.sources[0]!.headline).toBe("Hafen Göteborg: Umschlag auf Rekordniveau");
  });

  it("keeps the host for a page whose title part beside the headline is a tagline (“Bee Simulator | Datenbank für Multiplayergames”)", () => {
    const member = page("outlets/coopbuddy-title-tagline.html", "html");
    expect(member.meta.titleSite).toBe("Datenbank für Multiplayergames");
    const outlet = outletOf(member);
    expect(outlet.name).toBeNull();
    expect(outletLabel(outlet)).toBe("coopbuddy.de");
  });

  it("takes from the title the part that names the host: never a section or a tagline, nor a headline that mentions the site", () => {
    expect(titleName("Politik | Frankfurter Rundschau", "www.fr.example")).toBe("Frankfurter Rundschau");
    expect(titleName("Advents Shopping | Weihnachten für alle Sinne", "advents-shopping.example")).toBe("Advents Shopping");
    expect(titleName("Sport | Weihnachten für alle Sinne", "advents-shopping.example")).toBeNull();
    expect(titleName("Neue Schneekarten auf Gipfelbuch.example | Gipfelbuch", "gipfelbuch.example")).toBe("Gipfelbuch");
    expect(titleName("✂ Uniqz®", "uniqz.example")).toBe("Uniqz");
    expect(titleName("WEISSER RING e. V.", "weisser-ring.example")).toBe("WEISSER RING e. V.");
    expect(titleName("Harbour Post", null)).toBeNull();
    // Names the page gives in its metadata or text come first; the title's part only when none names the host.
    expect(outletOf(article({ url: "https://www.harbourpost.example/a", titleSite: "Harbour Post" }))).toMatchObject({ name: "Harbour Post", basis: "title" });
    expect(outletOf(article({ url: "https://www.harbourpost.example/a", siteName: "The Harbour Post", titleSite: "Harbour Post" }))).toMatchObject({ name: "The Harbour Post", basis: "site-name" });
    expect(outletOf(article({ url: "https://www.harbourpost.example/a", titleSite: "Harbour Post", outletHint: "HP feed" }))).toMatchObject({ name: "Harbour Post", basis: "title" });
  });

  it("shows an address that is the only name a page gives as the host it names, and keeps a site's own styling of its address", () => {
    const named = (meta: Partial<ArticleMeta>) => outletOf(article(meta)).name;
    expect(named({ url: "https://pawszilla.example/a", siteName: "https://pawszilla.example" })).toBe("pawszilla.example");
    expect(named({ url: "https://www.siegessaeule.example/a", siteName: "www.siegessaeule.example" })).toBe("siegessaeule.example");
    expect(named({ url: "https://www.tdg.example/a", siteName: "tdg.example/" })).toBe("tdg.example");
    // A lower-case host gives way to a name the page also gives; a styled one ("Boston.com") is the name.
    expect(named({ url: "https://www.rtl.example/a", siteName: "rtl.example", publisher: "RTL Online" })).toBe("RTL Online");
    expect(named({ url: "https://www.boston.example/a", siteName: "Boston.example", publisher: "Boston Globe Media" })).toBe("Boston.example");
    expect(named({ url: "https://www.mtb-news.example/a", siteName: "MTB-News.example" })).toBe("MTB-News.example");
  });

  it("tells an address from a name", () => {
    for (const a of ["https://www.fr.de", "http://x.org/path", "www.20minutes.fr", "tdg.ch/", "rtl.de", "nachrichten.at", "correctiv.org"]) expect(isAddress(a), a).toBe(true);
    for (const n of ["Boston.com", "Express.co.uk", "SW1.News", "St.GEORG", "MTB-News.de", "Frankfurter Rundschau", "Phys.org news", "tell"]) expect(isAddress(n), n).toBe(false);
  });

  it("falls back to the JSON-LD publisher, then what the page text says, then the saver's hint", () => {
    expect(outletOf(article({ url: "https://www.lantern.example/a", siteName: "Home", publisher: "Daily Lantern" }))).toMatchObject({ name: "Daily Lantern", basis: "publisher" });
    expect(outletOf(article({ source: "Reuters" }, "text"))).toMatchObject({ name: "Reuters", basis: "page-text" });
    expect(outletOf(article({ url: "https://www.lantern.example/a", outletHint: "Daily Lantern - World news" }))).toMatchObject({ name: "Daily Lantern", basis: "hint" });
    expect(outletOf(article({ url: "https://www.lantern.example/a", siteName: "Daily Lantern", outletHint: "Lantern feed" }))).toMatchObject({ name: "Daily Lantern", basis: "site-name" });
  });

  it("leaves an unknown outlet unknown: the page shows its host, or “Unknown outlet”, never a headline", () => {
    const withHost = outletOf(article({ url: "https://news.somewhere.example/a" }));
    expect(withHost.name).toBeNull();
    expect(outletLabel(withHost)).toBe("news.somewhere.example");
    const bare = outletOf(article({}, "text"));
    expect(bare.name).toBeNull();
    expect(outletLabel(bare)).toBe("Unknown outlet");
  });

  it("names the seeds' outlets as the pages do: NewsX for 003, Reuters for 004, nobody for the aggregator copies", () => {
    const seed = (n: string) => outletOf(page(`seeds/${n}`, "text")).name;
    expect(seed("003_4effe2a660f64d2b.txt")).toBe("NewsX");
    expect(seed("004_9e4ccd0661cc7365.txt")).toBe("Reuters");
    // Daily8's related-article blocks name Al Arabiya and Arab News: not the article's outlet.
    expect(seed("000_a5a10f004604d1dd.txt")).toBeNull();
    expect(seed("001_573368ba96f89019.txt")).toBeNull();
  });
});

describe("names and hosts", () => {
  it("matches a name to the host it is the site of, and only to the registered label", () => {
    expect(namesHost("VentureBeat", "venturebeat.com")).toBe(true);
    expect(namesHost("MacRumors.com", "www.macrumors.com")).toBe(true);
    expect(namesHost("The New York Times", "nytimes.com")).toBe(true);
    expect(namesHost("Associated Press", "hosted.ap.org")).toBe(true);
    expect(namesHost("Süddeutsche Zeitung", "sz.de")).toBe(true);
    expect(namesHost("BBC News", "bbc.co.uk")).toBe(true);
    expect(namesHost("Hosted", "hosted.ap.org")).toBe(false);
    expect(namesHost("News", "foxnews.com")).toBe(false);
    expect(namesHost("Japan Today", "ap.org")).toBe(false);
  });

  it("reads umlauts in a name as addresses write them, either way", () => {
    expect(namesHost("Erzbistum Köln", "www.erzbistum-koeln.example")).toBe(true);
    expect(namesHost("Schweizer Jäger", "schweizerjaeger.example")).toBe(true);
    expect(namesHost("Mein schöner Garten", "mein-schoener-garten.example")).toBe(true);
    expect(namesHost("Straßenzeitung", "strassenzeitung.example")).toBe(true);
    expect(namesHost("Köln Aktuell", "koln.example")).toBe(true);
    expect(namesHost("Kölner Bank", "koeln-zeitung.example")).toBe(false);
  });

  it("judges a site name without a host only by whether it is a name at all", () => {
    expect(isRealName("Harbour Post", null)).toBe(true);
    expect(isRealName("the", null)).toBe(false);
  });

  it("reads the outlet out of a feed title", () => {
    expect(hintName("BBC News - World", "feeds.bbc.co.uk")).toBe("BBC News");
    expect(hintName("World | The Lantern", "thelantern.example")).toBe("The Lantern");
    expect(hintName("Top stories", null)).toBe("Top stories");
  });
});

describe("headlines without the site's name", () => {
  it("drops a site-name part the outlet goes by, first or last", () => {
    expect(stripSiteName("Sweden drops its investigation | Al Bawaba", ["Al Bawaba"], "www.albawaba.com")).toBe("Sweden drops its investigation");
    expect(stripSiteName("BBC News - Singapore growth at 8.1%", ["BBC News"], null)).toBe("Singapore growth at 8.1%");
    expect(stripSiteName("Tom - Jerry", ["Daily Lantern"], "lantern.example")).toBe("Tom - Jerry");
    expect(stripSiteName("Al Bawaba", ["Al Bawaba"], null)).toBe("Al Bawaba");
    // A headline with no separator keeps all of its words, only trimmed; dashes inside words are no separators.
    expect(stripSiteName("  Al Bawaba-backed bid fails\n", ["Al Bawaba"], "www.albawaba.com")).toBe("Al Bawaba-backed bid fails");
    expect(stripSiteName("Al Bawaba -Sweden drops its bid", ["Al Bawaba"], "www.albawaba.com")).toBe("Al Bawaba -Sweden drops its bid");
  });

  it("shows the Al Bawaba page's headline without “ | Al Bawaba” in the view model", () => {
    const view = buildDigest([{ id: "s-0123456789", date: "2025-01-01", title: "", members: [page("outlets/albawaba.html", "html")], summary: [], followUpOf: null }]).model.stories[0]!;
    expect(view.sources[0]!.outlet).toBe("Al Bawaba");
    expect(view.sources[0]!.headline).toBe("Sweden Drops Its Investigation Into Rape Allegation Against Julian Assange");
  });
});

describe("an outlet that names itself in its own script", () => {
  // og:site_name and URL as dev pages (dates-dev, webpages-dev) give them: no Latin letter can spell the host.
  const named = (siteName: string, url: string) => outletOf(article({ siteName, url }));
  it("is credited by that name, not by its bare host", () => {
    expect(named("読売新聞オンライン", "https://www.yomiuri.co.jp/world/20231102-OYT1T50240/")).toEqual({ name: "読売新聞オンライン", basis: "site-name", host: "yomiuri.co.jp" });
    expect(named("24 Канал", "https://24tv.ua/yak-venediktova").name).toBe("24 Канал");
    expect(named("بوابة اخبار اليوم", "https://akhbarelyom.com/news/newdetails/3126898").name).toBe("بوابة اخبار اليوم");
    expect(named("Χανιώτικα Νέα", "http://www.haniotika-nea.gr/ton-epiasan").name).toBe("Χανιώτικα Νέα");
    expect(named("대전일보", "http://m.daejonilbo.com/mnews.asp?pk_no=1412361").name).toBe("대전일보");
  });
  it("is not a page title or a sentence given as the site's name", () => {
    expect(named("鉄山～弥山～八経ヶ岳　　オオヤマレンゲ咲いてます　（7/2） - 適当でええねん！！", "https://blog.goo.ne.jp/jgccg115/e/5d").name).toBeNull();
    expect(named("東京都、来年度から公共交通の運賃を引き下げへ", "https://example.jp/a").name).toBeNull();
  });
});

describe("an archived copy of a page", () => {
  it("credits the site the archive kept, not web.archive.org, and keeps the archive's address as the link", () => {
    // Saved from the Wayback Machine without its URL: the canonical link is the archive's; was "web.archive.org".
    const text = readFileSync(join(fixtures, "outlets/archived-rent-a-pastor.html"), "utf8");
    const a = cleanSource({ path: "saved.html", format: "html", text, encoding: "utf-8", mtime: new Date(0), url: null });
    const outlet = outletOf(resolved(a));
    expect(outletLabel(outlet)).toBe("rent-a-pastor.com");
    expect(outlet.host).toBe("rent-a-pastor.com");
    expect(a.meta.url).toMatch(/^https:\/\/web\.archive\.org\/web\/20150721045344\/http:\/\/rent-a-pastor\.com\//);
  });

  it("shows a Markdown source written as an address by its host", () => {
    expect(outletLabel(outletOf(article({ source: "https://www.bbc.co.uk/" }, "markdown")))).toBe("bbc.co.uk");
    expect(outletLabel(outletOf(article({ source: "BBC News" }, "markdown")))).toBe("BBC News");
  });
});

describe("a site name given as a social-media handle", () => {
  it("gives way to the name the page's <title> gives, and alone is shown without its @", () => {
    const url = "https://www.politifact.com/west-virginia/statements/2019/nov/18/a/b/";
    expect(outletLabel(outletOf(article({ siteName: "@politifact", titleSite: "PolitiFact West Virginia", url })))).toBe("PolitiFact West Virginia");
    expect(outletLabel(outletOf(article({ siteName: "@politifact", url })))).toBe("politifact");
  });
});

describe("a site name set in capitals", () => {
  // dates-dev / webpages-dev 8d54a81698426ddf (tuning): og:site_name "PCMAG" (its logo's style), JSON-LD publisher "PCMag".
  const url = "https://www.pcmag.com/news/next-gen-hamr-platters-promise-80tb-hard-drives";

  it("is shown as the page's other names write it with small letters", () => {
    expect(outletLabel(outletOf(article({ siteName: "PCMAG", publisher: "PCMag", url })))).toBe("PCMag");
  });

  it("stays as written when no other name spells it otherwise (an acronym)", () => {
    expect(outletLabel(outletOf(article({ siteName: "PCMAG", url })))).toBe("PCMAG");
    expect(outletLabel(outletOf(article({ siteName: "KTLA", publisher: "KTLA 5 News", url: "https://ktla.com/news/a/" })))).toBe("KTLA");
  });
});

describe("a <title> part that calls the reader to the site", () => {
  it("names the outlet by the site's address, not by the call around it", () => {
    // webpages-dev 5b273eb6664cf1f4 (tuning half), scripts and styles taken out: "… przepis – Zobacz na przepisy.pl"
    // ("see it on przepisy.pl"); the page has no og:site_name or publisher. Was "Zobacz na przepisy.pl".
    const a = page("outlets/przepisy-title-call.html", "html");
    expect(a.meta.titleSite).toBe("Zobacz na przepisy.pl");
    expect(outletLabel(outletOf(a))).toBe("przepisy.pl");
  });

  it("keeps a part that is the site's name, and one whose address is the name's only word", () => {
    expect(titleName("Politik | Frankfurter Rundschau", "fr.de")).toBe("Frankfurter Rundschau");
    expect(titleName("AK-Kurier.de", "ak-kurier.de")).toBe("AK-Kurier.de");
    expect(titleName("News from Boston.com", "boston.com")).toBe("Boston.com");
  });
});

describe("a site name or publisher given with the company's legal form", () => {
  it("is shown without it, as readers call the outlet", () => {
    // The month's dates-dev page from auto.oe24.at declares its publisher "oe24 GmbH" and nothing else; was "oe24 GmbH".
    expect(outletLabel(outletOf(article({ publisher: "oe24 GmbH", url: "https://auto.oe24.at/thema/a/b/1" })))).toBe("oe24");
    expect(outletLabel(outletOf(article({ siteName: "Harbour Post Ltd.", url: "https://harbourpost.example/a" })))).toBe("Harbour Post");
  });

  it("keeps a name that is no more than the form, or that the form does not end", () => {
    expect(ownName("AG", "ag.ch")).toBe("AG");
    expect(outletLabel(outletOf(article({ siteName: "AG Nachrichten", url: "https://ag-nachrichten.example/a" })))).toBe("AG Nachrichten");
  });
});
