// A dev page's text dump as the build reads it, with the cleaning rules run up to and including the headline's
// pick (find-headline): what eval:headlines and the headline trials in train/ look at.
import { defaultRules, prepare } from "../../src/clean/index.ts";
import type { TextDoc } from "../../src/clean/doc.ts";
import type { DevPage } from "./clean-corpus.ts";
import { devSource } from "./dev-source.ts";

const THROUGH_HEADLINE = defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "find-headline") + 1);

/** The page's text dump (with `url` as its address, or none) after the rules through find-headline. */
export function headlineDoc(page: DevPage, url: string | null): TextDoc {
  const { doc } = prepare(devSource(page.id, "text", page.text, url));
  for (const rule of THROUGH_HEADLINE) rule.apply(doc);
  return doc;
}
