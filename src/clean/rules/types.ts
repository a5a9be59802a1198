import type { TextDoc } from "../doc.ts";

/** One named cleaning step. Rules run in list order; each marks lines of the document it finds. */
export interface CleanRule {
  name: string;
  apply(doc: TextDoc): void;
}
