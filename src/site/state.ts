// What the site stage leaves for the next build (kept in the build cache): per file of the site, the
// key it was rendered under and the identity of the file written (inode, size, modification time), and
// the same for the search index's files. The next build carries a file over only when both still hold.
import { isObject, type Namespace } from "../cache/pack.ts";
import type { FileIdentity, FolderListing } from "../output/index.ts";

export interface SiteState {
  /** The key every page shared (code, templates, settings). */
  site: string;
  /** Output file (relative to the site folder) → its key, then its identity. */
  pages: Record<string, [key: string, ...identity: FileIdentity]>;
  /** Per search bundle (its folder in the site): its key, and its files (relative to the folder) with their identities. */
  search: Record<string, { key: string; files: Record<string, FileIdentity> }>;
  /**
   * Story page (output file) → a hash of its search document, what Pagefind is sent of it (./search.ts
   * searchDocument): a bundle's key is made of its pages' (./index.ts), so a page whose change Pagefind
   * never sees (outside the marked element, or marked to be ignored) does not rebuild its bundle.
   */
  searched?: Record<string, string>;
  /**
   * Listings of site folders (src/output carryInto), by the inode of the folder's top: the one this build
   * took as its site folder, as it found it, and the one the live site's build took. A swap puts the live
   * site aside and the build after next takes it, by then the inode of its top folder still the same.
   */
  folders?: Record<string, FolderListing>;
}

const isIdentity = (v: unknown, from = 0): boolean => Array.isArray(v) && v.length === from + 3 && v.slice(from).every((n) => typeof n === "number" && Number.isFinite(n));

/** A name within a folder: no "/", not "." or "..", so that a listing names nothing outside its folder. */
const isName = (name: string) => name !== "" && name !== "." && name !== ".." && !name.includes("/");
const isListing = (v: unknown): boolean =>
  isObject(v) &&
  Object.entries(v).every(
    ([folder, f]) =>
      folder.split("/").every(isName) &&
      Array.isArray(f) &&
      f.length === 3 &&
      Number.isFinite(f[0]) &&
      Number.isFinite(f[1]) &&
      isObject(f[2]) &&
      Object.entries(f[2]).every(([name, ino]) => isName(name) && Number.isInteger(ino)),
  );

export const siteStateNamespace: Namespace<SiteState> = {
  name: "site",
  accepts(v): v is SiteState {
    if (!isObject(v) || typeof v.site !== "string" || !isObject(v.pages)) return false;
    if (!Object.values(v.pages).every((p) => isIdentity(p, 1) && typeof (p as unknown[])[0] === "string")) return false;
    if (v.folders !== undefined && !(isObject(v.folders) && Object.values(v.folders).every(isListing))) return false;
    if (v.searched !== undefined && !(isObject(v.searched) && Object.values(v.searched).every((h) => typeof h === "string" && h !== ""))) return false;
    return isObject(v.search) && Object.values(v.search).every((b) => isObject(b) && typeof b.key === "string" && isObject(b.files) && Object.values(b.files).every((f) => isIdentity(f)));
  },
};

/** The identity of every file the state records, by its path in the site folder. */
export function stateIdentities(state: SiteState): Map<string, FileIdentity> {
  const out = new Map<string, FileIdentity>();
  for (const [file, [, ino, size, mtimeMs]] of Object.entries(state.pages)) out.set(file, [ino, size, mtimeMs]);
  for (const [folder, bundle] of Object.entries(state.search)) for (const [file, identity] of Object.entries(bundle.files)) out.set(`${folder}/${file}`, identity);
  return out;
}
