// `npx tsx train/try-decode.ts`: a quicker loop for decode work (rules/locate.ts). The text block
// models' out-of-fold scores on the tuning pages (as train:clean chooses its decode by) and the
// committed models' scores on the checking pages, then the real rules after locate-article, for each
// decode variant: V='[{"sandwich":-1},{"inner":-0.5}]' (overrides of the committed text decode).
// URL=0: the pages without their URL (the models still trained on the pages with it, as train:clean does).
import { blockModels, scoreBlocks, type DecodeSettings } from "../src/clean/block-model.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import { objective, trainBlocks } from "./train-clean.ts";
import { textItemsByHalf } from "./lib/text-items.ts";
import { foldOf, type Item } from "./lib/clean-items.ts";

const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
const after = defaultRules.slice(locateAt + 1);
const { tune, check } = textItemsByHalf(process.env.URL !== "0");
const folds: Parameters<typeof trainBlocks>[2] = [];
trainBlocks(tune.filter((i, k, a) => a.findIndex((j) => j.page.id === i.page.id) === k), "text", folds);
const committed = blockModels(false);
const scores = new Map<Item, Float64Array>();
for (const it of tune) scores.set(it, scoreBlocks(it.doc, { ...folds![foldOf(it.page.id)]!, decode: committed.decode }).score);
for (const it of check) scores.set(it, Float64Array.from(scoreBlocks(it.doc, committed).score));
const variants: Partial<DecodeSettings>[] = JSON.parse(process.env.V ?? "[{}]");
for (const v of variants) {
  const decode = { ...committed.decode, ...v };
  const f = (list: Item[]) => {
    const o = objective(list, (it) => [locateScored(scores.get(it)!, decode), ...after]);
    return `ext ${o.extraction.toFixed(4)} web ${o.webpages.toFixed(4)} mean ${o.mean.toFixed(4)}`;
  };
  console.log(`${JSON.stringify(v).padEnd(50)} tune ${f(tune)} | check ${f(check)}`);
}
