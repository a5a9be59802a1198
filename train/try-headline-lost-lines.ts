// `npx tsx train/try-headline-lost-lines.ts` (hd65, stop 65): three ways a text dump's headline could be lost
// before the models weigh it, counted per half (pages with a gold headline; the checking half as counts only,
// SHOW=1 lists the tuning pages concerned). Writes nothing.
//   no headline      the page is refused (noArticle) or no candidate is left (title -1), with and without the
//                    URL: how often the dump nevertheless holds a line agreeing with the gold (a wrong refusal)
//   leading time     window lines the hard rules turn away that open with a clock time or a numeric date ("17:04
//                    В Рязани …", "02.02.2022 • HVW-Verband"), whose rest would pass them as a line of 3+ words: how
//                    many, and on how many pages the rest agrees with the gold while the pick does not
//   site part        dump lines "Headline | Site" / "Headline - Site" that agree with the gold only once the part
//                    naming the host is cut (stripSiteName), and whether such a line is a candidate
import { bodyAnchor, cannotBeHeadline } from "../src/clean/headline-features.ts";
import { headlineChoices } from "../src/clean/headline-model.ts";
import { hostKey, stripSiteName } from "../src/clean/headline.ts";
import { makeLine } from "../src/clean/doc.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";

/** A clock time or a numeric date opening the line, with a separator after it, then the rest. */
const LEADING_TIME = /^\s*(?:\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|a\.?m\.?|p\.?m\.?))?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s*\d{1,2}[:.]\d{2})?)\s*[|·•,–—-]?\s+(?=\S)/iu;

const show = !!process.env.SHOW;
const counts: Record<string, Map<string, number>> = { tune: new Map(), check: new Map() };
const count = (half: string, key: string) => counts[half]!.set(key, (counts[half]!.get(key) ?? 0) + 1);
const seen = new Set<string>();
for (const page of [...loadExtraction(), ...loadWebpages(), ...loadDates()]) {
  if (seen.has(page.id)) continue;
  seen.add(page.id);
  const gold = goldHeadline(page.html);
  if (!gold) continue;
  const h = page.half;
  const list = (what: string) => show && h === "tune" && console.log(`  ${what}: ${page.set} ${page.id.slice(0, 16)} gold ${JSON.stringify(gold)}`);
  for (const url of page.url ? [page.url, null] : [null]) {
    const tag = url ? "with URL" : "without URL";
    const doc = headlineDoc(page, url);
    const inDump = doc.lines.some((l) => headlineF1(l.text, gold) >= AGREES);
    if (doc.noArticle || doc.title < 0) {
      const what = `${tag}: ${doc.noArticle ? "refused" : "no candidate"}`;
      count(h, what);
      if (inDump) (count(h, `${what}, the gold in the dump`), list(`${what}, the gold in the dump`));
      continue;
    }
    if (!url) continue;
    const pickRight = headlineF1(doc.lines[doc.title]!.text, gold) >= AGREES;
    // Leading times.
    const anchor = bodyAnchor(doc);
    let lines = 0, agrees = false;
    for (let i = Math.max(0, Math.min(anchor, doc.start) - 100); i < Math.min(doc.lines.length, anchor + 20); i++) {
      const l = doc.lines[i]!;
      const m = LEADING_TIME.exec(l.text);
      if (!m || !cannotBeHeadline(l)) continue;
      const rest = makeLine(l.text.slice(m[0].length), false);
      if (rest.words < 3 || cannotBeHeadline(rest)) continue;
      lines++;
      if (headlineF1(rest.text, gold) >= AGREES) agrees = true;
    }
    if (lines > 0) (count(h, "leading time: pages"), counts[h]!.set("leading time: lines", (counts[h]!.get("leading time: lines") ?? 0) + lines));
    if (agrees) (count(h, `leading time: the rest agrees, pick ${pickRight ? "right" : "wrong"}`), list("leading time, the rest agrees"));
    // Site parts.
    const host = hostKey(url);
    const cands = new Set(headlineChoices(doc).map((c) => c.index));
    let cut = 0, cutCandidate = 0;
    doc.lines.forEach((l, i) => {
      const s = stripSiteName(l.text, null, host);
      if (s !== l.text.trim() && headlineF1(l.text, gold) < AGREES && headlineF1(s, gold) >= AGREES) (cut++, cands.has(i) && cutCandidate++);
    });
    if (cut > 0) (count(h, `site part: a line agrees once cut, pick ${pickRight ? "right" : "wrong"}`), list("site part"));
    if (cutCandidate > 0) count(h, "site part: that line a candidate");
  }
}
for (const h of ["tune", "check"]) {
  console.log(`${h}:`);
  for (const [k, n] of [...counts[h]!.entries()].sort()) console.log(`  ${k} ${n}`);
}
