// Search: Pagefind indexes the story pages (the element marked data-pagefind-body) into OUTPUT/pagefind/,
// with its browser UI; the search page loads it. The index is built from the written pages alone.
import * as pagefind from "pagefind";

export async function indexSearch(outputDir: string, language: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language.slice(0, 2).toLowerCase() || "en" });
  try {
    if (!index) throw new Error(`search index could not be started: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${outputDir}/pagefind` });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}
