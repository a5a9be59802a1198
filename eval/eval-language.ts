// How the not-language check (src/ingest/language.ts) does on real text and on generated garbage.
//   npx tsx eval/eval-language.ts
// Real text: every corpus set, cleaned as the build cleans it (text dumps as .txt, pages from
// their HTML), split into the tuning and checking halves; none of it may be rejected. Garbage:
// random bytes, high bytes, random code points and the like, made with a fixed seed, decoded and
// cleaned as a build would; none of it may be published.
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { cleanSource } from "../src/clean/index.ts";
import { decode, notLanguage } from "../src/ingest/index.ts";
import { languageFeatures, oddities, type LanguageFeatures } from "../src/ingest/language.ts";
import type { InputFormat } from "../src/types.ts";
import { countWords } from "../src/text/words.ts";
import { halfOf, type Half } from "./lib/split.ts";
import { devSource } from "./lib/dev-source.ts";
import { random } from "./lib/random.ts";
import { readJsonl } from "./lib/jsonl.ts";

const corpus = join(import.meta.dirname, "../../shared/corpus");
const MIN_ARTICLE_WORDS = 15;

interface Sample {
  set: string;
  id: string;
  half: Half;
  format: InputFormat;
  bytes: Uint8Array;
}

function jsonl(name: string): Record<string, unknown>[] {
  return readJsonl<Record<string, unknown>>(join(corpus, name));
}

function realSamples(): Sample[] {
  const out: Sample[] = [];
  const text = (set: string, id: string, key: string, body: string) => out.push({ set, id, half: halfOf(key), format: "text", bytes: new TextEncoder().encode(body) });
  for (const r of jsonl("bbc-dev.jsonl")) text("bbc", String(r.id), String(r.id), `${String(r.title)}\n\n${String(r.text)}`);
  for (const r of jsonl("events-dev.jsonl")) text("events", String(r.id), String(r.topic), String(r.text));
  for (const r of jsonl("extraction-dev.jsonl")) text("extraction-dump", String(r.id), String(r.id), String(r.text_dump));
  for (const r of jsonl("webpages-dev.jsonl")) if (r.text_dump) text("webpages-dump", String(r.id), String(r.id), String(r.text_dump));
  for (const r of jsonl("dates-dev.jsonl")) if (r.text_dump) text("dates-dump", String(r.id), String(r.id), String(r.text_dump));
  for (const dir of ["extraction-html", "webpages-html", "dates-html"]) {
    for (const f of readdirSync(join(corpus, dir)).sort()) {
      const id = f.replace(/\.html\.gz$/, "");
      out.push({ set: dir, id, half: halfOf(id), format: "html", bytes: gunzipSync(readFileSync(join(corpus, dir, f))) });
    }
  }
  return out;
}

function garbageSamples(seed: number, half: Half): Sample[] {
  const r = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const length = () => Math.round(Math.exp(Math.log(16) + r() * (Math.log(65536) - Math.log(16))));
  const bytes = (n: number, lo: number, hi: number) => Uint8Array.from({ length: n }, () => int(lo, hi));
  const kinds: Record<string, () => Uint8Array> = {
    "random bytes": () => bytes(length(), 0, 255),
    "random bytes, no NUL or controls": () => bytes(length(), 32, 255),
    "high bytes": () => bytes(length(), 128, 255),
    "printable ASCII": () => bytes(length(), 32, 126),
    "random code points": () => new TextEncoder().encode(String.fromCodePoint(...Array.from({ length: Math.min(length(), 20000) }, () => int(0x20, 0x2ffff)).filter((c) => c < 0xd800 || c > 0xdfff))),
    "random BMP letters": () => new TextEncoder().encode(Array.from({ length: Math.min(length(), 20000) }, () => String.fromCodePoint(int(0xa0, 0xd7ff))).join("")),
    "UTF-16 BOM + random": () => Uint8Array.from([0xff, 0xfe, ...bytes(length(), 0, 255)]),
  };
  const out: Sample[] = [];
  for (const [kind, make] of Object.entries(kinds)) {
    for (let i = 0; i < 100; i++) {
      out.push({ set: kind, id: `${kind}-${i}`, half, format: "text", bytes: make() });
      if (i % 4 === 0) out.push({ set: `${kind} (.html)`, id: `${kind}-${i}-html`, half, format: "html", bytes: Uint8Array.from([...new TextEncoder().encode("<html><body><p>"), ...make(), ...new TextEncoder().encode("</p></body></html>")]) });
    }
  }
  return out;
}

interface Outcome {
  /** Would have been published before the check: decoded, cleaned, enough words. */
  publishedBefore: boolean;
  rejected: string | null;
  features: LanguageFeatures | null;
}

function judge(s: Sample): Outcome {
  const decoded = decode(s.bytes, s.format);
  if (!decoded.ok) return { publishedBefore: false, rejected: null, features: null };
  let text: string;
  try {
    const a = cleanSource(devSource(`${s.id}.${s.format === "html" ? "html" : "txt"}`, s.format, decoded.text, null, decoded.encoding));
    text = [a.title, ...a.paragraphs].join("\n\n");
  } catch {
    return { publishedBefore: false, rejected: null, features: null };
  }
  const enough = countWords(text) >= MIN_ARTICLE_WORDS;
  return { publishedBefore: enough, rejected: enough ? notLanguage(text) : null, features: enough ? languageFeatures(text) : null };
}

const FEATURES = ["letterShare", "replacementShare", "unassignedShare", "oddSymbolShare", "systemShare", "rareHanShare", "basicLatinShare", "meanTokenLength"] as const;

function table(title: string, samples: Sample[]): void {
  console.log(`\n## ${title}`);
  const groups = new Map<string, Sample[]>();
  for (const s of samples) groups.set(`${s.set} [${s.half}]`, [...(groups.get(`${s.set} [${s.half}]`) ?? []), s]);
  for (const [name, list] of [...groups].sort()) {
    const outcomes = list.map((s) => ({ s, o: judge(s) }));
    const published = outcomes.filter((x) => x.o.publishedBefore);
    const rejected = published.filter((x) => x.o.rejected);
    const range = FEATURES.map((k) => {
      // basicLatinShare is judged only where Latin is the main script; meanTokenLength only in spaced scripts.
      const v = published
        .filter((x) => (k !== "basicLatinShare" || x.o.features!.script === "Latin") && (k !== "meanTokenLength" || x.o.features!.meanTokenLength > 0))
        .map((x) => x.o.features![k]);
      return v.length ? `${k} ${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}` : "";
    });
    const odd = published.filter((x) => oddities(x.o.features!).length === 1).length;
    console.log(`${name}: ${list.length} inputs, ${published.length} publishable before, ${rejected.length} rejected by the check, ${published.length - rejected.length} published now (${odd} with one oddity) | ${range.join(", ")}`);
    for (const x of rejected.slice(0, title.startsWith("Real") ? 10 : 0)) console.log(`   rejected ${x.s.id}: ${x.o.rejected}`);
    if (!title.startsWith("Real")) for (const x of published.filter((y) => !y.o.rejected)) console.log(`   published ${x.s.id}: ${x.s.bytes.length} bytes, ${JSON.stringify(x.o.features)}`);
  }
}

table("Real text (must be kept)", realSamples());
table("Garbage (must not be published)", [...garbageSamples(1, "tune"), ...garbageSamples(2, "check")]);
