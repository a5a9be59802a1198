// `npx tsx train/try-decode.ts`: a quicker loop for decode work (rules/locate.ts). The text block
// models' out-of-fold scores on the tuning pages (as train:clean chooses its decode by) and the
// committed models' scores on the checking pages, then the real rules after locate-article, for each
// decode variant: V='[{"sandwich":-1},{"inner":-0.5}]' (overrides of the committed text decode).
// URL=0: the pages without their URL (the models still trained on the pages with it, as train:clean does).
// tb47 (stop 47; learned short-line rule, with URL; tuning ext / web (mean) · checking ext / web (mean);
// committed .9525 / .9035 (.9280) · .9296 / .8938 (.9117)). Trial settings were added to DecodeSettings
// and rules/locate.ts articleRun / locate for the run, then reverted; none holds:
//   shaped: headline-shaped non-prose lines inside the run go below these log-odds (the teasers of other
//   stories between paragraphs score +1..+3): 0.5 .9522 / .9017 (.9269) · .9295 / .8945 (.9120); 1 .9524 /
//   .8963 (.9244) · .9228 / .8938 (.9083); 1.5 .9528 / .8950 (.9239) · .9210 / .8934; 2 .9518 / .8924
//   (.9221) · .9211 / .8911; 3 .9571 / .8902 (.9237) · .9153 / .8907 (.9030): subheadings go with them.
//   patienceShare: the growth's patience at least this share of the core's gain (a long article crosses a
//   longer card of ingredients or details): 0.02 .9541 / .9028 (.9284) · .9282 / .8946 (.9114); 0.05
//   .9541 / .8969 (.9255) · .9134 / .8920 (.9027); 0.1 .9541 / .8961 (.9251) · .9134 / .8922; 0.2 .9541 /
//   .8944 (.9242) · .9134 / .8922; 0.3 .9541 / .8965 (.9253) · .9134 / .8933.
//   core: the core's bias (0 committed): -1 .9505 / .8945 (.9225) · .9112 / .8907; -0.5 .9482 / .9014
//   (.9248) · .9271 / .8922 (.9096); 0.5 .9525 / .9022 (.9274) · .9296 / .8882 (.9089); 1 .9525 / .8958
//   (.9242) · .9306 / .8889 (.9097); 1.5 .9490 / .8913 (.9201) · .9212 / .8853 (.9033).
//   innerSlope: the inner cut falls by s per log word past 8 words and rises below (the metrics count
//   tokens: a long line lost costs more): s 0.25 .9527 / .9009 (.9268) · .9300 / .8922 (.9111); 0.5
//   .9528 / .9002 (.9265) · .9299 / .8924; 1 .9501 / .9006 (.9253) · .9281 / .8924; in the core only:
//   0.5 .9516 / .9035 (.9275) · .9295 / .8938; 1 .9505 / .9043 (.9274) · .9292 / .8956 (.9124); 2 .9502 /
//   .9014 (.9258) · .9285 / .8931.
import { blockModels, scoreBlocks, type DecodeSettings } from "../src/clean/block-model.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import { objective } from "./train-clean.ts";
import { textItemsByHalf, outOfFoldBlocks } from "./lib/text-items.ts";
import { foldOf, type Item } from "./lib/clean-items.ts";

const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
const after = defaultRules.slice(locateAt + 1);
const { tune, check } = textItemsByHalf(process.env.URL !== "0");
const folds = outOfFoldBlocks(tune);
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
