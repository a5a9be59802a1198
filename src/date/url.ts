// A date in the page's address: /2019/11/19/, /2019-11-19/, -20191119-, or only /2019/11/. Evidence, never
// identity: the address says where the page lives, and many sites file a story under its day.
import { isoDay } from "./parse.ts";

export interface UrlDate {
  /** The full day, when the path names one. */
  day: string | null;
  /** "YYYY-MM" when the path names a year and month (with or without the day). */
  month: string | null;
}

// An archived copy's address ("https://web.archive.org/web/20181206101316/https://site/…") carries the
// day it was archived; the page's own address follows it.
const ARCHIVE = /^https?:\/\/[^/]+\/web\/\d{4,14}[a-z_]*\/(.+)$/i;
const Y_M_D = /(?:^|[/_-])((?:19|20)\d\d)([/_-])(\d{1,2})\2(\d{1,2})(?=$|[/_.-])/;
const Y_M = /\/((?:19|20)\d\d)\/(\d{1,2})(?=\/)/;
const COMPACT = /(?:^|[/_-])((?:19|20)\d\d)(\d\d)(\d\d)(?=$|[/_.-])/;

export function urlDate(url: string | null): UrlDate {
  const none = { day: null, month: null };
  if (!url) return none;
  let path = url;
  const archived = ARCHIVE.exec(url);
  if (archived) path = archived[1]!;
  path = path.replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/[?#].*$/, "");
  if (!path) return none;
  let m = Y_M_D.exec(path);
  if (m) {
    const day = isoDay(Number(m[1]), Number(m[3]), Number(m[4]));
    if (day) return { day, month: day.slice(0, 7) };
  }
  m = COMPACT.exec(path);
  if (m) {
    const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day) return { day, month: day.slice(0, 7) };
  }
  m = Y_M.exec(path);
  if (m && isoDay(Number(m[1]), Number(m[2]), 1)) return { day: null, month: `${m[1]}-${m[2]!.padStart(2, "0")}` };
  return none;
}
