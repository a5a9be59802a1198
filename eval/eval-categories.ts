// A story's categories (src/digest/categories.ts) judged by language, on the dev sets' stories: bbc-dev's
// articles one by one (halves by id), events-dev's events (each event's articles, halves by topic), and
// webpages-dev's and dates-dev's pages cleaned from their HTML (halves by id), each a story of one article.
// The story's language is read from its prose (src/digest/language.ts). A category is counted wrong, by a
// rule fixed before any output was read:
//   function: its first or last word is a function word of the story's language ("Sie", "Los", "Das Exemplar");
//   calendar: one of its words is a weekday or month name in that language ("Montag");
//   lower:    it is one word that the same story also writes in lower case mid-sentence ("Wird" beside "wird");
//   fragment: every use of it in the story is joined to a longer name by that language's name joiner
//             ("Jahres", always in "Vogel des Jahres").
// Every other category counts as a name. Of those, the ones of several words or with a capital past their first
// letter ("Heiko Maas", "EKD", "NetzDG") are also counted apart as plain names: in German a one-word category
// may be a common noun ("Zimmer") the rules above cannot see, and these seldom are. With `--base TREE`, the same for that tree's categories, the stories
// whose categories differ, and the names lost (a base category counted a name that is gone), listed for the
// tuning half and counted for the checking half unless `--list-check` (the checking half is never read to design).
//
// German common nouns (ct73): the one-word German categories no rule above faults and that are not plain names are
// looked up in hand labels by word (train/labels/german-categories.json: "names" and "nouns", per half; the
// checking half's labelled only after the method was frozen); the line "de one-word" gives the share of them that
// are common nouns and how many of the labelled names are still shown. `--list-de` lists the unlabelled ones.
//
//   npx tsx eval/eval-categories.ts [--base /work/wt/base67] [--show N] [--list-check] [--list-de]
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanSource } from "../src/clean/index.ts";
import { categoriseArticles, type Categorise } from "../src/digest/categories.ts";
import { textLanguage } from "../src/digest/language.ts";
import { devSource } from "./lib/dev-source.ts";
import { loadDates, loadWebpages } from "./lib/clean-corpus.ts";
import { HALVES, halfOf, type Half } from "./lib/split.ts";
import { readJsonl } from "./lib/jsonl.ts";
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const baseTree = at("--base");
const base: Categorise | null = baseTree
  ? ((await import(resolve(baseTree, "src/digest/categories.ts"))) as { categoriseArticles: Categorise }).categoriseArticles
  : null;
const SHOW = Number(at("--show") ?? 0);
const LIST_CHECK = args.includes("--list-check");
const LIST_DE = args.includes("--list-de");
const deLabels = JSON.parse(readFileSync(fileURLToPath(new URL("../train/labels/german-categories.json", import.meta.url)), "utf8")) as Record<Half, { names: string[]; nouns: string[] }>;

interface Story {
  set: string;
  half: Half;
  /** Each article's first paragraphs. */
  articles: string[][];
  exclude: string[];
}

const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const paragraphs = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);

const stories: Story[] = [];
for (const r of readJsonl<{ id: string; text: string }>(`${corpus}bbc-dev.jsonl`)) stories.push({ set: "bbc", half: halfOf(r.id), articles: [paragraphs(r.text)], exclude: [] });
const events = new Map<string, { topic: string; articles: string[][] }>();
for (const e of readJsonl<{ cluster: string; topic: number | string; text: string }>(`${corpus}events-dev.jsonl`)) {
  const event = events.get(e.cluster) ?? { topic: String(e.topic), articles: [] };
  event.articles.push(paragraphs(e.text));
  events.set(e.cluster, event);
}
for (const e of events.values()) stories.push({ set: "events", half: halfOf(e.topic), articles: e.articles, exclude: [] });
for (const page of [...loadWebpages(), ...loadDates()]) {
  let article;
  try {
    article = cleanSource(devSource(`${page.set}/${page.id}.html`, "html", page.html, page.url));
  } catch {
    continue;
  }
  if (!article.paragraphs.length) continue;
  stories.push({ set: page.set, half: page.half, articles: [article.paragraphs], exclude: article.meta.source ? [article.meta.source] : [] });
}

// Function words by language: language.ts's lists, with the pronouns and determiners they leave out.
const FUNCTION: Record<string, string> = {
  en: "the of and to in is that for it was on with as by are at be this from has have had said he she they his her their its not but which who will would were been an or a we you i our your my",
  de: "der die das und ist nicht mit sich auf für dem den des ein eine einer eines einem einen zu auch wird werden bei nach aus sind wurde oder aber ich er sie wir im vom zum zur über noch nur hat haben dass wie es du ihr ihnen ihm ihn euch uns man dies diese dieser dieses diesen diesem sein seine seinen seiner ihre ihren ihrem ihrer unser unsere kein keine so als an in von um wenn was wer wo hier da dann doch auch jetzt alle alles",
  fr: "le la les de des du une un est et que qu l d à a qui dans pour pas sur au aux ce cette il elle sont avec par plus mais ont été son sa ses leur nous vous ne se je tu on ils elles ces cet mon ma mes notre nos votre vos",
  es: "el la los las de del que y en una un es por con para se lo al como más pero sus su fue ha son entre este esta también cuando muy sin sobre yo tú él nosotros ellos ellas usted mi mis nuestro estos estas",
  it: "il di che è e per non una un sono della dei nel con si anche gli alla delle ha questo questa più da lo le la degli nella io lui lei noi voi loro",
  pt: "o os as de da do dos das em na no ao à é foi são mas com por para pelo pela seu sua uma um não também que ele ela eles elas",
  nl: "de het een en van in is dat op te zijn met voor niet aan er maar om ook als bij nog wordt door werd ik je hij zij wij we",
};
const JOINER: Record<string, string> = { en: "of", de: "des der von vom zu zur", fr: "de du des d la le", es: "de del la los las", it: "di del della dei", pt: "de do da dos das", nl: "van de der den het" };
const wordSets = (lists: Record<string, string>) => new Map(Object.entries(lists).map(([l, w]) => [l, new Set(w.split(" "))]));
const FUNCTION_OF = wordSets(FUNCTION);
const JOINER_OF = wordSets(JOINER);
const calendarMemo = new Map<string, Set<string>>();
function calendarOf(lang: string): Set<string> {
  let set = calendarMemo.get(lang);
  if (set) return set;
  set = new Set<string>();
  if (!/^[a-z]{2,3}$/.test(lang)) return set;
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(2020, i, 15));
    for (const month of ["long", "short"] as const) set.add(new Intl.DateTimeFormat(lang, { month, timeZone: "UTC" }).format(d).toLowerCase().replace(/\.$/, ""));
  }
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.UTC(2020, 5, 1 + i));
    set.add(new Intl.DateTimeFormat(lang, { weekday: "long", timeZone: "UTC" }).format(d).toLowerCase());
  }
  calendarMemo.set(lang, set);
  return set;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
type Fault = "function" | "calendar" | "lower" | "fragment";

function faultOf(category: string, lang: string, text: string): Fault | null {
  const words = category.split(/\s+/);
  const fn = FUNCTION_OF.get(lang);
  if (fn && (fn.has(words[0]!.toLowerCase()) || fn.has(words[words.length - 1]!.toLowerCase()))) return "function";
  const calendar = calendarOf(lang);
  if (words.some((w) => calendar.has(w.toLowerCase()))) return "calendar";
  if (words.length === 1) {
    const lower = category.toLowerCase();
    if (lower !== category && new RegExp(`[\\p{L}\\p{N},] ${escape(lower)}(?![\\p{L}\\p{N}])`, "u").test(text)) return "lower";
  }
  const joiners = JOINER_OF.get(lang);
  if (joiners) {
    const uses = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(category)}(?![\\p{L}\\p{N}])`, "gu"))];
    const joined = (i: number) => {
      const before = /(\p{Lu}[\p{L}\p{N}'’.-]*) (\p{Ll}+) $/u.exec(text.slice(Math.max(0, i - 40), i));
      const after = /^ (\p{Ll}+) \p{Lu}/u.exec(text.slice(i + category.length, i + category.length + 40));
      return (before !== null && joiners.has(before[2]!)) || (after !== null && joiners.has(after[1]!));
    };
    if (uses.length > 0 && uses.every((m) => joined(m.index))) return "fragment";
  }
  return null;
}

interface Count {
  stories: number;
  categories: number;
  wrong: Record<Fault, number>;
  plain: number;
}
const emptyCount = (): Count => ({ stories: 0, categories: 0, wrong: { function: 0, calendar: 0, lower: 0, fragment: 0 }, plain: 0 });
const plainName = (c: string) => c.includes(" ") || /^.[^]*\p{Lu}/u.test(c);
const wrongOf = (c: Count) => c.wrong.function + c.wrong.calendar + c.wrong.lower + c.wrong.fragment;

for (const half of HALVES) {
  const now = new Map<string, Count>();
  const then = new Map<string, Count>();
  const differ = new Map<string, number>();
  const lost: string[] = [];
  const gained: string[] = [];
  const shown: string[] = [];
  const examples: string[] = [];
  const oneWord = { names: 0, nouns: 0, other: [] as string[] };
  const namesShown = new Set<string>();
  for (const s of stories) {
    if (s.half !== half) continue;
    const text = s.articles.map((a) => a.slice(0, 6).join("\n")).join("\n");
    const lang = textLanguage(s.articles.map((a) => a.join("\n"))).lang ?? "?";
    const group = lang === "en" ? "en" : lang === "de" ? "de" : "other";
    const tally = (into: Map<string, Count>, categories: string[]) => {
      const c = into.get(group) ?? emptyCount();
      c.stories++;
      c.categories += categories.length;
      for (const cat of categories) {
        const fault = faultOf(cat, lang, text);
        if (fault) c.wrong[fault]++;
        else if (plainName(cat)) c.plain++;
        if (fault && half === "tune" && SHOW && examples.length < SHOW && into === now) examples.push(`${lang} ${fault}: ${cat}`);
      }
      into.set(group, c);
    };
    const mine = categoriseArticles(s.articles.map((a) => ({ path: "", paragraphs: a })), s.exclude);
    tally(now, mine);
    if (group === "de") {
      const labels = deLabels[half];
      for (const cat of mine) {
        if (faultOf(cat, lang, text) || plainName(cat)) continue;
        if (labels.names.includes(cat)) (oneWord.names++, namesShown.add(cat));
        else if (labels.nouns.includes(cat)) oneWord.nouns++;
        else oneWord.other.push(cat);
      }
    }
    if (!base) continue;
    const theirs = base(s.articles.map((a) => ({ path: "", paragraphs: a })), s.exclude);
    tally(then, theirs);
    if (theirs.join("|") !== mine.join("|")) {
      differ.set(group, (differ.get(group) ?? 0) + 1);
      if ((half === "tune" || LIST_CHECK) && shown.length < SHOW) shown.push(`${lang}: ${theirs.join(" · ")}  ->  ${mine.join(" · ")}`);
    }
    for (const cat of theirs) if (!faultOf(cat, lang, text) && !mine.includes(cat)) lost.push(`${lang}: ${cat}`);
    for (const cat of mine) if (!faultOf(cat, lang, text) && !theirs.includes(cat)) gained.push(`${lang}: ${cat}`);
  }
  for (const group of ["en", "de", "other"]) {
    const c = now.get(group) ?? emptyCount();
    const b = then.get(group);
    const faults = (x: Count) => `function ${x.wrong.function}, calendar ${x.wrong.calendar}, lower ${x.wrong.lower}, fragment ${x.wrong.fragment}`;
    console.log(
      `${half} ${group}: ${c.stories} stories, ${c.categories} categories, wrong ${wrongOf(c)} (${faults(c)}), plain names ${c.plain}` +
        (b ? `; base ${b.categories} categories, wrong ${wrongOf(b)} (${faults(b)}), plain names ${b.plain}; stories changed ${differ.get(group) ?? 0}` : ""),
    );
  }
  const listed = (label: string, names: string[]) => {
    const plain = names.filter((n) => plainName(n.slice(n.indexOf(": ") + 2)));
    const list = half === "tune" || LIST_CHECK ? `; plain: ${plain.join(" | ")}; one word: ${names.filter((n) => !plain.includes(n)).join(" | ")}` : "";
    console.log(`${half} names ${label}: ${names.length}, plain names ${plain.length}${list}`);
  };
  if (base) (listed("lost", lost), listed("gained", gained));
  const labelled = oneWord.names + oneWord.nouns;
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "-");
  console.log(
    `${half} de one-word: ${labelled + oneWord.other.length} shown, common nouns ${oneWord.nouns} of ${labelled} labelled (${pct(oneWord.nouns, labelled)}%), names ${oneWord.names}; ` +
      `labelled names shown ${namesShown.size} of ${deLabels[half].names.length} (${pct(namesShown.size, deLabels[half].names.length)}%); unlabelled ${oneWord.other.length}` +
      (LIST_DE && (half === "tune" || LIST_CHECK) ? `: ${[...new Set(oneWord.other)].sort().join(" | ")}` : ""),
  );
  for (const line of examples) console.log(`    ${line}`);
  for (const line of shown) console.log(`    ${line}`);
}
