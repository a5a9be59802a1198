// Single lines that are never article text, whatever page they sit on.
import type { CleanRule } from "./types.ts";
import { bodyIndices, dropLine, type Line, type TextDoc } from "../doc.ts";

/** Drops every kept line the test picks, in the rule's name. */
export function dropWhere(doc: TextDoc, rule: string, test: (line: Line) => boolean): void {
  doc.lines.forEach((line, i) => {
    if (line.drop === null && test(line)) dropLine(doc, i, rule);
  });
}

const AD_PHRASES = new Set([
  "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content", "promoted",
  "paid content", "paid post", "scroll to continue", "scroll to continue with content", "story continues below",
  "story continues below advertisement", "article continues below", "article continues below advertisement",
  "continue reading below", "continue reading the main story", "skip advertisement", "ad feedback",
  "report this ad", "advertisement - scroll to continue", "partner content",
]);

const AD_PARTS = /\s*[·|•:–—]\s*|\s+-\s+/;
const AD_END = /[.…!]+$/;

/** Every phrase above starts so: a cheap gate before splitting the line. */
const AD_START = /^(advert|ads?\b|sponsored|promoted|paid|scroll|story|article|continue|skip|report|partner)/;

/** "Advertisement", "Advertisement · Scroll to continue", "Story continues below" and friends. */
export const advertisement: CleanRule = {
  name: "advertisement",
  apply(doc) {
    dropWhere(doc, "advertisement", (line) => {
      if (line.words > 8 || !AD_START.test(line.norm)) return false;
      // The parts read in a loop: the arrays of `map` and `filter` are of one kind in the interpreter and
      // another in optimised code, and meeting the other deoptimised the rule.
      let parts = 0;
      for (const part of line.norm.split(AD_PARTS)) {
        const p = part.replace(AD_END, "").trim();
        if (!p) continue;
        if (!AD_PHRASES.has(p)) return false;
        parts++;
      }
      return parts > 0;
    });
  },
};

const SHARE_WORDS =
  /^(share|share this( article| story| page| post| entry)?|share( this)? (on|via|to|by) [\w+]+|\d+ shares|buffer|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|reddit|pinterest|telegram|copy link|link copied|copied!?|save|bookmark|listen( to this article)?|gift this article|comment)$/;
const CALL_TO_ACTION =
  /^(join|follow|subscribe|sign up|signup|download|get|like|register|stay)\b.{0,100}\b(channel|newsletter|newsletters|app|telegram|whatsapp|updates|alerts|inbox|podcast|on (facebook|twitter|x|instagram|youtube|google news|linkedin|threads|bluesky)|for free|free trial|delivered to you)\b/;

const SHARE_START = /^(share|tweet|e-?mail|print|whatsapp|facebook|twitter|x\b|linkedin|reddit|pinterest|telegram|copy|link|save|bookmark|listen|gift|comment)/;
/** Every share button, call to action and account prompt above starts with one of these words. */
const PROMPT_START = /^(share|tweet|e-?mail|print|whatsapp|facebook|twitter|x\b|linkedin|reddit|pinterest|telegram|copy|link|save|bookmark|listen|gift|comment|\d+ shares|buffer|join|follow|subscribe|sign|download|get|like|register|stay|click|tap|log|already)/;
const ACCOUNT_PROMPT = /^(subscribe now|click here|tap here|sign in to|log in to|already a subscriber)\b/;

/** Share buttons and "Join our channel / subscribe to our newsletter" lines. */
export const shareAndSubscribe: CleanRule = {
  name: "share-and-subscribe",
  apply(doc) {
    dropWhere(doc, "share-and-subscribe", (line) => {
      if (line.words > 30 || !PROMPT_START.test(line.norm)) return false;
      const n = line.norm.replace(/[.!:]+$/, "");
      if (line.words <= 5 && SHARE_START.test(n) && n.split(/\s*[|·•]\s*/).every((p) => SHARE_WORDS.test(p))) return true;
      return CALL_TO_ACTION.test(n) || ACCOUNT_PROMPT.test(n);
    });
  },
};

const COMMENT_WIDGET =
  /^(\d+ )?(comments?|no comments( yet)?|leave a (comment|reply)|be the first to comment|show comments|view comments|add a comment|post a comment|comments are closed|join the conversation|load comments|read comments)[.…!]*$/;

/** Comment-section furniture. */
export const commentWidget: CleanRule = {
  name: "comment-widget",
  apply(doc) {
    dropWhere(doc, "comment-widget", (line) => line.words <= 6 && COMMENT_WIDGET.test(line.norm));
  },
};

const TIMESTAMP = /^(?:(?:\d+|an?|one) (?:second|minute|min|hour|hr|day|week|month|year)s? ago|just now|updated:?.{0,40}|published:?.{0,40}|last updated.{0,40})$/;

/** "2 hours ago", "Updated: 10:42 GMT" standing alone. */
export const timestampLine: CleanRule = {
  name: "timestamp-line",
  apply(doc) {
    dropWhere(doc, "timestamp-line", (line) => line.words <= 10 && TIMESTAMP.test(line.norm));
  },
};

const INLINE_TEASER = /^(also read|read also|read more|see also|related|related story|related article|recommended|watch|listen|more|must read|don't miss|also see|click to read)\s*[:|»>–—-]\s*\S/;

/** "ALSO READ: <another story's headline>" and the like, inside the text. */
export const inlineTeaser: CleanRule = {
  name: "inline-teaser",
  apply(doc) {
    dropWhere(doc, "inline-teaser", (line) => line.words <= 40 && INLINE_TEASER.test(line.norm));
  },
};

/**
 * A label ending in a colon introduces what follows it; at the very end of the body nothing of the
 * article follows, so it introduced a widget, a form or a list the page left out ("Share this:",
 * "Explore what our app can do for you:").
 */
export const danglingLabel: CleanRule = {
  name: "dangling-label",
  apply(doc) {
    const body = bodyIndices(doc);
    for (let k = body.length - 1; k > 0; k--) {
      const line = doc.lines[body[k]!]!;
      if (!line.text.endsWith(":") || line.words > 15) break;
      dropLine(doc, body[k]!, "dangling-label");
    }
  },
};
