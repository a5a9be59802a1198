// The dated record carries clustering's terms (src/cluster term-record.ts): kept as they were made, and
// when a record's terms are damaged or not a string, nothing of them is trusted.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { articleKey, articleNamespace, buildKeys, cleanRecordJson, datedKey, datedNamespace, datedRecordJson, proseNamespace, restoreClean, restoreDated, restoreSettled, settledRestorer, storedProse, withStoredProse, type CleanRecord } from "../../src/cache/articles.ts";
import { cacheKey, DiskCache } from "../../src/cache/pack.ts";
import { articleRef } from "../../src/cluster/identity.ts";
import { articleWordCount, paragraphsOf, wordCount } from "../../src/text/article-text.ts";
import { articleTerms, clusterArticles } from "../../src/cluster/index.ts";
import { TermRecord } from "../../src/cluster/term-record.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import type { CleanArticle, DatedArticle, SourceFile } from "../../src/types.ts";

const seeds = seedArticles(join(import.meta.dirname, "../fixtures/seeds")).map((s) => s.article);
const dated = seeds.map((a): DatedArticle => ({ ...a, terms: articleTerms(a.title, a.paragraphs) }));
const clean = (a: DatedArticle): CleanArticle => {
  const { evidence: _, terms: __, ...rest } = a;
  return rest;
};
const stories = (list: DatedArticle[]) => clusterArticles(list).map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf]);

describe("the dated record's terms", () => {
  it("come back as they were made, and read back as a sound record", () => {
    const a = dated[0]!;
    const json = datedRecordJson(clean(a), a)!;
    const record: unknown = JSON.parse(json);
    expect(datedNamespace.accepts(record)).toBe(true);
    const back = restoreDated(clean(a), record as Record<string, unknown>);
    expect(back.terms).toBe(a.terms);
    expect(new TermRecord().load(back.terms!)).toBe(true);
  });

  it("are refused when they are not a string, and worked out again from the text when damaged", () => {
    const record = JSON.parse(datedRecordJson(clean(dated[0]!), dated[0]!)!) as Record<string, unknown>;
    expect(datedNamespace.accepts({ ...record, terms: 12 })).toBe(false);
    expect(datedNamespace.accepts({ ...record, terms: { stems: "ferri" } })).toBe(false);
    // A string that is not a record, and one cut short: the stories are those of sound terms.
    const cut = dated[1]!.terms!.slice(0, -8);
    const damaged = dated.map((a, i) => restoreDated(clean(a), { ...record, evidence: a.evidence, terms: i === 0 ? "garbage" : i === 1 ? cut : a.terms }));
    expect(new TermRecord().load(cut)).toBe(false);
    expect(stories(damaged)).toEqual(stories(dated));
    expect(stories(dated).length).toBe(2);
  });

  it("when damaged in an article whose prose was left in the cache, are worked out again from the prose read back", () => {
    const reads: number[] = [];
    const damaged = dated.map((a, i) => {
      const file: SourceFile = { path: a.path, format: a.format, text: a.raw, encoding: "utf-8", mtime: a.mtime };
      const records = cleanRecordJson(file, { article: clean(a) })!;
      const prose = JSON.parse(records.prose!) as { paragraphs: string[]; context: string };
      const source = { read: (at: number) => (reads.push(at), { paragraphs: [...prose.paragraphs], context: prose.context }) };
      const back = restoreClean(file, JSON.parse(records.record) as CleanRecord, { source, at: i })!;
      if (!("article" in back)) throw new Error("not an article");
      expect(back.article.paragraphs).toEqual([]);
      return restoreDated(back.article, { evidence: a.evidence, terms: i === 1 ? "garbage" : a.terms });
    });
    expect(stories(damaged)).toEqual(stories(dated));
    // Only the article whose terms do not read back had its prose read.
    expect(reads).toEqual([1]);
    expect(damaged[1]!.paragraphs).toEqual(dated[1]!.paragraphs);
  });
});

describe("the cleaned article's record", () => {
  const a = clean(dated[0]!);
  const file: SourceFile = { path: a.path, format: a.format, text: a.raw, encoding: "utf-8", mtime: a.mtime };
  const records = cleanRecordJson(file, { article: a })!;
  const record = JSON.parse(records.record) as CleanRecord;

  it("keeps the paragraphs and context apart, with the paragraphs' hash and word count, and comes back as the article", () => {
    expect(articleNamespace.accepts(record)).toBe(true);
    expect(a.context.length).toBeGreaterThan(0);
    expect(records.record).not.toContain(a.paragraphs[0]!);
    expect(records.record).not.toContain(a.context);
    const back = restoreClean(file, record, JSON.parse(records.prose!) as { paragraphs: string[]; context: string })!;
    if (!("article" in back)) throw new Error("not an article");
    const { text, ...rest } = back.article;
    expect(rest).toEqual(a);
    expect(JSON.stringify(Object.keys(rest))).toBe(JSON.stringify(Object.keys(a)));
    expect(text).toEqual({ hash: articleRef(a).hash, words: wordCount(a.paragraphs) });
    expect(text!.words).toBeGreaterThan(50);
    // Without its paragraphs an article's record is no hit.
    expect(restoreClean(file, record, undefined)).toBeNull();
  });

  it("comes back from the cache, prose left in the pack and evidence dropped, as the same object in one step as in three", () => {
    const d = dated[0]!;
    const added = JSON.parse(datedRecordJson(clean(d), d)!) as Record<string, unknown>;
    const stored = { source: { read: () => ({ paragraphs: [], context: "" }) }, at: 3 };
    const rec = record as Extract<CleanRecord, { article: unknown }>;
    const three = restoreClean(file, rec, stored)!;
    if (!("article" in three)) throw new Error("not an article");
    const settled = { ...restoreDated(three.article, added), raw: "", context: "" };
    const one = restoreSettled(file, rec, stored, added);
    expect(one).toEqual(settled);
    expect(JSON.stringify(Object.keys(one))).toBe(JSON.stringify(Object.keys(settled)));
    expect(one.terms).toBe(d.terms);
    expect([one.raw, one.context, one.paragraphs, one.stored]).toEqual(["", "", [], stored]);
    // Each article its own messages and paragraphs, though two files may share one record.
    const other = restoreSettled({ ...file, path: "other.txt" }, rec, stored, added);
    expect(other.messages.every((m) => m.file === "other.txt")).toBe(true);
    expect(one.messages.every((m) => m.file === file.path)).toBe(true);
    expect(other.paragraphs).not.toBe(one.paragraphs);
  });

  it("comes back in one step as in three when the records have other members than the usual ones", () => {
    const d = dated[0]!;
    const stored = { source: { read: () => ({ paragraphs: [], context: "" }) }, at: 3 };
    const rec = record as Extract<CleanRecord, { article: Record<string, unknown> }>;
    const usual = JSON.parse(datedRecordJson(clean(d), d)!) as Record<string, unknown>;
    // A dated record that also changed the messages, one in another order, and an article record with one more member.
    const addeds = [{ ...usual, messages: [{ file: "", stage: "date", level: "warning", text: "no date" }] }, { terms: usual.terms, evidence: usual.evidence, termsKey: usual.termsKey }, usual];
    const recs = [rec, { ...rec, article: { ...rec.article, lang: "en" } }];
    for (const r of recs)
      for (const added of addeds) {
        const three = restoreClean(file, r, stored)!;
        if (!("article" in three)) throw new Error("not an article");
        const settled = { ...restoreDated(three.article, added), raw: "", context: "" };
        const one = restoreSettled(file, r, stored, added);
        expect(one).toEqual(settled);
        expect(JSON.stringify(Object.keys(one))).toBe(JSON.stringify(Object.keys(settled)));
      }
  });

  it("comes back, record after record, as restoreSettled gives each, whatever shape came before it", () => {
    type Rec = Extract<CleanRecord, { article: Record<string, unknown> }>;
    const restore = settledRestorer();
    const stored = (at: number) => ({ source: { read: () => ({ paragraphs: [], context: "" }) }, at });
    // Records of the seed articles (each its own values), in the usual shape and in others among them.
    expect(dated.length).toBeGreaterThanOrEqual(3);
    const pairs = [0, 1, 2, 0, 1, 2].map((k, i) => {
      const d = { ...dated[k]!, path: `${dated[k]!.path}.${i}` };
      const f: SourceFile = { path: d.path, format: d.format, text: d.raw, encoding: "utf-8", mtime: d.mtime };
      const r = JSON.parse(cleanRecordJson(f, { article: clean(d) })!.record) as Rec;
      return { f, r, added: JSON.parse(datedRecordJson(clean(d), d)!) as Record<string, unknown> };
    });
    const [p0, p1, p2, p3, p4, p5] = pairs as [(typeof pairs)[number], (typeof pairs)[number], (typeof pairs)[number], (typeof pairs)[number], (typeof pairs)[number], (typeof pairs)[number]];
    const reordered = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).reverse());
    const { terms, ...withoutTerms } = p3.added;
    const proto = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(p5.r.article).slice(1)}`) as Record<string, unknown>;
    const sequence: Array<{ f: SourceFile; r: Rec; added: Record<string, unknown> }> = [
      p0,
      p1,
      p2,
      // the article's members in another order; one member more; the dated record's in another order and one with a member the article has
      { ...p3, r: { ...p3.r, article: reordered(p3.r.article) } },
      { ...p4, r: { ...p4.r, article: { ...p4.r.article, lang: "en" } } },
      { ...p3, added: { terms, ...withoutTerms } },
      { ...p4, added: { ...p4.added, title: "Dated title", messages: [{ file: "", stage: "date", level: "warning", text: "no date" }] } },
      { ...p5, r: { ...p5.r, article: proto } },
      p5,
      p1,
      { ...p2, f: { ...p2.f, path: "elsewhere/copy.txt" } },
    ];
    let first: (CleanArticle & DatedArticle) | null = null;
    sequence.forEach(({ f, r, added }, i) => {
      const st = stored(i);
      const one = restore(f, r, st, added);
      const want = restoreSettled(f, r, st, added);
      expect(one).toEqual(want);
      expect(JSON.stringify(Object.keys(one))).toBe(JSON.stringify(Object.keys(want)));
      expect(Object.getPrototypeOf(one)).toBe(Object.getPrototypeOf(want));
      expect(one.stored!.at).toBe(i);
      if (!("messages" in added)) expect(one.messages.every((m) => m.file === f.path)).toBe(true);
      if (first === null) {
        first = one;
        // What a later stage does to an article given out reaches no article made after it.
        (first as unknown as Record<string, unknown>).lateMember = "set by a later stage";
        first.title = "changed by a later stage";
      }
    });
    // A `__proto__` member stays a member (assigned, it would set the prototype).
    for (const kept of [0, 1].map((at) => restore(p5.f, { ...p5.r, article: proto }, stored(at), p5.added))) {
      expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
      expect(Object.hasOwn(kept, "__proto__")).toBe(true);
    }
  });

  it("gives a story id's hash and the word count without reading the paragraphs, and reads them once when asked", () => {
    const reads: number[] = [];
    const source = { read: (at: number) => (reads.push(at), { paragraphs: [...a.paragraphs], context: a.context }) };
    const back = restoreClean(file, record, { source, at: 7 })!;
    if (!("article" in back)) throw new Error("not an article");
    const copy = { ...back.article, date: "2024-01-01" }; // as dates are resolved: a copy shares the list
    expect(articleRef(copy)).toEqual(articleRef(a));
    expect(articleWordCount(copy)).toBe(wordCount(a.paragraphs));
    expect(copy.paragraphs).toEqual([]);
    expect(reads).toEqual([]);
    expect(paragraphsOf(copy)).toEqual(a.paragraphs);
    expect(paragraphsOf(back.article)).toEqual(a.paragraphs);
    expect(back.article.paragraphs).toEqual(a.paragraphs);
    expect(reads).toEqual([7]);
    // Dating again needs the context too: read with the paragraphs.
    expect(copy.context).toBe("");
    const whole = withStoredProse(copy);
    expect(whole.context).toBe(a.context);
    expect(whole.paragraphs).toEqual(a.paragraphs);
    const { text: _, stored: __, ...rest } = whole;
    expect({ ...rest, date: undefined }).toEqual({ ...a, date: undefined });
  });

  it("finds the prose in its pack and reads it from it, checked, until the cache is closed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-paragraphs-"));
    const warnings: string[] = [];
    const keys = [cacheKey("a", 1), cacheKey("a", 2), cacheKey("a", 3)];
    const lists = [{ paragraphs: a.paragraphs, context: a.context }, { paragraphs: ["ünïcode “quoted”", "line\nbreak"], context: "" }, { paragraphs: ["third"], context: "c" }];
    const first = new DiskCache(dir, (w) => warnings.push(w));
    const put = await first.open(proseNamespace, new Set(keys));
    keys.forEach((k, i) => put.putJson(k, JSON.stringify(lists[i])));
    await put.commit();
    first.close();
    // One entry damaged: it is not found (its article is computed again), with a warning.
    const file = join(dir, "prose.pack");
    const lines = readFileSync(file, "utf8").split("\n");
    const damaged = lines.findIndex((l) => l.startsWith(keys[2]!));
    lines[damaged] = lines[damaged]!.replace("third", "thirD");
    writeFileSync(file, lines.join("\n"));

    const cache = new DiskCache(dir, (w) => warnings.push(w));
    const pack = await cache.open(proseNamespace, new Set(keys));
    expect(pack.get(keys[2]!)).toBeUndefined();
    expect(warnings).toEqual([`cache: ignored 1 damaged entry in ${file}`]);
    const source = storedProse(pack);
    // The pack written again under it (a later commit renames a new file over it): the open one is read.
    await pack.commit();
    writeFileSync(`${file}.new`, "DIGEST-CACHE 2 prose\n");
    renameSync(`${file}.new`, file);
    expect(source.read(pack.get(keys[1]!)!)).toEqual(lists[1]);
    expect(source.read(pack.get(keys[0]!)!)).toEqual(lists[0]);
    cache.close();
    expect(() => source.read(pack.get(keys[0]!)!)).toThrow(/not open/);
  });

  it("reads back the prose this build put, before and after the commit (its side file gone), until the cache is closed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-paragraphs-"));
    const warnings: string[] = [];
    const keys = [0, 1, 2, 3].map((k) => cacheKey("put", k));
    // Multi-byte UTF-8 before the others (offsets are in bytes), and one longer than a write batch (1 MiB).
    const lists = [
      { paragraphs: a.paragraphs, context: a.context },
      { paragraphs: ["ünïcode “quoted” 😀", "line\nbreak"], context: "€" },
      { paragraphs: ["long ".repeat(300_000)], context: "" },
      { paragraphs: ["last"], context: "after the long one" },
    ];
    const earlier = new DiskCache(dir, (w) => warnings.push(w));
    const pack0 = await earlier.open(proseNamespace, new Set(keys));
    pack0.putJson(keys[0]!, JSON.stringify(lists[0]));
    await pack0.commit();
    earlier.close();

    const cache = new DiskCache(dir, (w) => warnings.push(w));
    const pack = await cache.open(proseNamespace, new Set(keys));
    const source = storedProse(pack);
    const found = pack.get(keys[0]!)!;
    const put = keys.slice(1).map((k, i) => pack.putJson(k, JSON.stringify(lists[i + 1]))!);
    // Put again (two files of the same content): the first entry stands.
    expect(pack.putJson(keys[1]!, JSON.stringify({ paragraphs: ["other"], context: "" }))).toBe(put[0]);
    const all = () => [source.read(found), ...put.map((at) => source.read(at))];
    expect(all()).toEqual(lists);
    await pack.commit();
    expect(readdirSync(dir)).toEqual(["prose.pack"]);
    expect(all()).toEqual(lists);
    // Committed: nothing more can be put, nor read back.
    expect(pack.putJson(cacheKey("late"), '{"paragraphs":[],"context":""}')).toBeUndefined();
    cache.close();
    expect(() => source.read(put[2]!)).toThrow(/not open/);

    const later = new DiskCache(dir, (w) => warnings.push(w));
    const next = await later.open(proseNamespace, new Set(keys));
    expect(keys.map((k) => storedProse(next).read(next.get(k)!))).toEqual(lists);
    later.close();
    expect(warnings).toEqual([]);
  });

  it("reads each entry whole whatever the length of the one read before it, and notices bytes changed under it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-paragraphs-"));
    const keys = [0, 1, 2, 3].map((k) => cacheKey("order", k));
    // Longer than the buffer entries are read into (64 KiB) between short ones, multi-byte text in each.
    const lists = [
      { paragraphs: ["short ü"], context: "" },
      { paragraphs: ["lång ".repeat(40_000), "second"], context: "x" },
      { paragraphs: ["after the long one, shorter 😀"], context: "" },
      { paragraphs: ["ünïcode ".repeat(9_000)], context: "€" },
    ];
    const put = await new DiskCache(dir, () => undefined).open(proseNamespace, new Set(keys));
    keys.forEach((k, i) => put.putJson(k, JSON.stringify(lists[i])));
    await put.commit();
    const cache = new DiskCache(dir, () => undefined);
    const pack = await cache.open(proseNamespace, new Set(keys));
    const source = storedProse(pack);
    for (const order of [[0, 1, 2, 3], [3, 1, 0, 2], [1, 0, 3, 2]]) expect(order.map((i) => source.read(pack.get(keys[i]!)!))).toEqual(order.map((i) => lists[i]));
    // A byte of the third entry changed on disk after the pack was opened: the read says so, and the others still read.
    const file = join(dir, "prose.pack");
    const bytes = readFileSync(file);
    const at = bytes.indexOf("shorter");
    bytes[at] = "S".charCodeAt(0);
    writeFileSync(file, bytes);
    expect(() => source.read(pack.get(keys[2]!)!)).toThrow(/changed while this build read it/);
    expect(source.read(pack.get(keys[0]!)!)).toEqual(lists[0]);
    cache.close();
  });

  it("refuses entries that are not an object, and one that is not paragraphs and context when it is read", async () => {
    expect(proseNamespace.accepts(Buffer.from('["a"]'))).toBe(false);
    expect(proseNamespace.accepts(Buffer.from('{"a":1}'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "digest-paragraphs-"));
    const key = cacheKey("b");
    const put = await new DiskCache(dir, () => undefined).open(proseNamespace, new Set([key]));
    put.putJson(key, '{"paragraphs":[1,2],"context":""}');
    await put.commit();
    const cache = new DiskCache(dir, () => undefined);
    const pack = await cache.open(proseNamespace, new Set([key]));
    expect(() => storedProse(pack).read(pack.get(key)!)).toThrow(/not its paragraphs and context/);
    cache.close();
  });
});

describe("the keys of a build's articles", () => {
  const file = (path: string, text: string, contentKey?: string): SourceFile => ({ path, text, format: "text", encoding: "utf-8", mtime: new Date(Date.UTC(2025, 4, 29, 8, 30)), ...(contentKey ? { contentKey } : {}) });
  const files = [file("a.txt", "Héllo\nworld", "0123456789abcdef0123456789abcdef"), file("b/ü.txt", "no key yet"), file("c.txt", "")];

  it("are the keys each file's own article and dated key give, for every zone and rule list", () => {
    for (const [rules, zone] of [[["strip-bylines", "strip-ads"], "Europe/London"], [[], "UTC"], [["a,b", "c"], "America/Argentina/Buenos_Aires"]] as const) {
      const keyOf = buildKeys("c0de", rules, zone);
      for (const f of files) {
        const article = articleKey(f, "c0de", rules);
        expect(keyOf(f)).toEqual({ article, dated: datedKey(article, "c0de", zone, f) });
      }
    }
  });
});
