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

// The checks below are loops rather than `Object.entries(…).every(…)`: the state of a 10,000-article site
// lists about 4,000 pages, 4,000 folders and 1,300 search files, and every build reads it; the arrays and
// closures of the chained form were most of the site stage's cost of reading it (about 20 ms of CPU).

/** `v[from]`, `v[from + 1]` and `v[from + 2]` finite numbers, and nothing after them. */
function isIdentity(v: unknown, from = 0): boolean {
  if (!Array.isArray(v) || v.length !== from + 3) return false;
  for (let i = from; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** A name within a folder: no "/", not "." or "..", so that a listing names nothing outside its folder. */
const isName = (name: string) => name !== "" && name !== "." && name !== ".." && !name.includes("/");

/** A folder's path (relative, "/"-separated) whose every part is a name. */
function isFolderPath(path: string): boolean {
  let start = 0;
  for (;;) {
    const end = path.indexOf("/", start);
    if (!isName(path.slice(start, end < 0 ? path.length : end))) return false;
    if (end < 0) return true;
    start = end + 1;
  }
}

function isListing(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const folder of Object.keys(v)) {
    const f = v[folder];
    if (!isFolderPath(folder) || !Array.isArray(f) || f.length !== 3 || !Number.isFinite(f[0]) || !Number.isFinite(f[1]) || !isObject(f[2])) return false;
    const names = f[2];
    for (const name of Object.keys(names)) if (!isName(name) || !Number.isInteger(names[name])) return false;
  }
  return true;
}

/** Whether every member of `v` (an object) passes `test`. */
function everyValue(v: Record<string, unknown>, test: (value: unknown) => boolean): boolean {
  for (const key of Object.keys(v)) if (!test(v[key])) return false;
  return true;
}

const isPage = (p: unknown) => isIdentity(p, 1) && typeof (p as unknown[])[0] === "string";
const isHash = (h: unknown) => typeof h === "string" && h !== "";
const isBundle = (b: unknown) => isObject(b) && typeof b.key === "string" && isObject(b.files) && everyValue(b.files, (f) => isIdentity(f));

export const siteStateNamespace: Namespace<SiteState> = {
  name: "site",
  accepts(v): v is SiteState {
    if (!isObject(v) || typeof v.site !== "string" || !isObject(v.pages)) return false;
    if (!everyValue(v.pages, isPage)) return false;
    if (v.folders !== undefined && !(isObject(v.folders) && everyValue(v.folders, isListing))) return false;
    if (v.searched !== undefined && !(isObject(v.searched) && everyValue(v.searched, isHash))) return false;
    return isObject(v.search) && everyValue(v.search, isBundle);
  },
};

/** The identity of every file the state records, by its path in the site folder. */
export function stateIdentities(state: SiteState): Map<string, FileIdentity> {
  const out = new Map<string, FileIdentity>();
  for (const [file, [, ino, size, mtimeMs]] of Object.entries(state.pages)) out.set(file, [ino, size, mtimeMs]);
  for (const [folder, bundle] of Object.entries(state.search)) for (const [file, identity] of Object.entries(bundle.files)) out.set(`${folder}/${file}`, identity);
  return out;
}
