// A date in the page's address: /2019/11/19/, /2019-11-19/, -20191119-, /2020/jan/20/, /29-10-2021, or
// only /2019/11/ and /2019-10-…. Evidence, never identity: the address says where the page lives, and
// many sites file a story under its day.
import { monthOf } from "./names.ts";
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
const COMPACT = /(?:^|[/_-])((?:19|20)\d\d)(\d\d)(\d\d)(?=$|[/_.-])/;
/** /2020/jan/20/: a month's name as a folder of its own. */
const Y_NAME_D = /\/((?:19|20)\d\d)\/(\p{L}{3,})\.?\/(\d{1,2})(?=$|[/_.-])/u;
/** 29-10-2021, 29.10.2021: day first, read only where the day cannot be the month (over 12) or both are one. */
const D_M_Y = /(?:^|[/_-])(\d{1,2})([_.-])(\d{1,2})\2((?:19|20)\d\d)(?=$|[/_.-])/;
const Y_M = /\/((?:19|20)\d\d)\/(\d{1,2})(?=\/)/;
/** /2019-10-flint-tool: a year and month opening a folder's name. */
const Y_M_NAME = /\/((?:19|20)\d\d)-(\d\d)(?=-\p{L})/u;

export function urlDate(url: string | null): UrlDate {
  const none = { day: null, month: null };
  if (!url) return none;
  let path = url;
  const archived = ARCHIVE.exec(url);
  if (archived) path = archived[1]!;
  path = path.replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/[?#].*$/, "");
  if (!path) return none;
  const full = (y: string, m: number, d: string) => {
    const day = isoDay(Number(y), m, Number(d));
    return day ? { day, month: day.slice(0, 7) } : null;
  };
  let m = Y_M_D.exec(path);
  let found = m && full(m[1]!, Number(m[3]), m[4]!);
  if (found) return found;
  m = COMPACT.exec(path);
  found = m && full(m[1]!, Number(m[2]), m[3]!);
  if (found) return found;
  m = Y_NAME_D.exec(path);
  found = m && monthOf(m[2]!) ? full(m[1]!, monthOf(m[2]!), m[3]!) : null;
  if (found) return found;
  m = D_M_Y.exec(path);
  if (m && (Number(m[1]) > 12 || m[1] === m[3])) {
    found = full(m[4]!, Number(m[3]), m[1]!);
    if (found) return found;
  }
  m = Y_M.exec(path) ?? Y_M_NAME.exec(path);
  if (m && isoDay(Number(m[1]), Number(m[2]), 1)) return { day: null, month: `${m[1]}-${m[2]!.padStart(2, "0")}` };
  return none;
}
