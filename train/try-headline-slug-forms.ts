// `npx tsx train/try-headline-slug-forms.ts` (hd65, stop 65): how often the URL's slug spells the page's
// headline line only in another form than slug-f1 reads it: German umlauts written ae/oe/ue and ß as ss,
// Cyrillic and Greek letters transliterated, a word shortened to its first letters in the slug (or the
// slug's word a prefix of the line's), digits glued to words. Per half, pages with their URL and a gold:
// how many have an agreeing candidate, how many of those the slug spells (F1 >= 0.6) as read today and as
// read folded, and of the misses of the committed models, how many the folded reading would newly spell.
// Counts only for the checking half; SHOW=1 lists the tuning pages concerned. Writes nothing.
import { headlineChoices, pickHeadline } from "../src/clean/headline-model.ts";
import { plainTokens, slugTokens, tokenF1 } from "../src/clean/headline.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";

const CYR: Record<string, string> = { а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ї: "yi", є: "ye", ґ: "g" };
const GER: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

function folded(text: string, table: Record<string, string>): string[] {
  return plainTokens([...text.toLowerCase()].map((c) => table[c] ?? c).join(""));
}

/** F1 where two tokens match when equal or one is a prefix (4+ letters) of the other. */
function prefixF1(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const rest: (string | null)[] = b.slice();
  let shared = 0;
  for (const t of a) {
    const i = rest.findIndex((u) => u !== null && (u === t || (Math.min(u.length, t.length) >= 4 && (u.startsWith(t) || t.startsWith(u)))));
    if (i >= 0) (shared++, (rest[i] = null));
  }
  return (2 * shared) / (a.length + b.length);
}

function bestForm(text: string, slug: readonly string[]): number {
  const forms = [plainTokens(text), folded(text, GER), folded(text, CYR)];
  return Math.max(...forms.map((f) => Math.max(tokenF1(f, slug), prefixF1(f, slug))));
}

const show = !!process.env.SHOW;
const seen = new Set<string>();
const counts = { tune: { pages: 0, cand: 0, spelled: 0, foldSpelled: 0, miss: 0, missNew: 0, pickNew: 0 }, check: { pages: 0, cand: 0, spelled: 0, foldSpelled: 0, miss: 0, missNew: 0, pickNew: 0 } };
for (const page of [...loadExtraction(), ...loadWebpages(), ...loadDates()]) {
  if (!page.url || seen.has(page.id)) continue;
  seen.add(page.id);
  const gold = goldHeadline(page.html);
  if (!gold) continue;
  const slug = slugTokens(page.url);
  const c = counts[page.half];
  c.pages++;
  if (slug.length === 0) continue;
  const doc = headlineDoc(page, page.url);
  if (doc.noArticle) continue;
  const cands = headlineChoices(doc);
  const right = cands.filter((k) => headlineF1(doc.lines[k.index]!.text, gold) >= AGREES);
  if (right.length === 0) continue;
  c.cand++;
  const now = Math.max(...right.map((k) => tokenF1(plainTokens(doc.lines[k.index]!.text), slug)));
  const then = Math.max(...right.map((k) => bestForm(doc.lines[k.index]!.text, slug)));
  if (now >= AGREES) c.spelled++;
  if (then >= AGREES) c.foldSpelled++;
  const pick = pickHeadline(doc);
  const ok = pick >= 0 && headlineF1(doc.lines[pick]!.text, gold) >= AGREES;
  const pickNow = pick >= 0 ? tokenF1(plainTokens(doc.lines[pick]!.text), slug) : 0;
  const pickThen = pick >= 0 ? bestForm(doc.lines[pick]!.text, slug) : 0;
  if (pickNow < AGREES && pickThen >= AGREES) c.pickNew++;
  if (!ok) {
    c.miss++;
    if (now < AGREES && then >= AGREES) c.missNew++;
  }
  if (show && page.half === "tune" && ((now < AGREES && then >= AGREES) || (pickNow < AGREES && pickThen >= AGREES))) {
    console.log(`${ok ? "ok  " : "MISS"} ${page.set} ${page.id.slice(0, 16)} slug ${slug.join("-")}\n     right ${now.toFixed(2)} -> ${then.toFixed(2)} ${JSON.stringify(doc.lines[right[0]!.index]!.text.slice(0, 80))}\n     pick ${pickNow.toFixed(2)} -> ${pickThen.toFixed(2)} ${JSON.stringify(pick >= 0 ? doc.lines[pick]!.text.slice(0, 80) : "")}`);
  }
}
for (const [half, c] of Object.entries(counts)) {
  console.log(`${half}: pages with URL and gold ${c.pages}; an agreeing candidate ${c.cand}; the slug spells one: today ${c.spelled}, folded ${c.foldSpelled}; misses with an agreeing candidate ${c.miss}, of them newly spelled ${c.missNew}; picks newly spelled ${c.pickNew}`);
}
