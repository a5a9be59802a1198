// Article pages for the fetch tests: enough real prose that the build reads each as an article.
const SENTENCES = [
  "The harbour council voted on Thursday to approve a new bridge across the river, ending a debate that has lasted more than ten years.",
  "Supporters said the bridge would cut travel times for thousands of commuters who now queue for the ferry every morning.",
  "Opponents warned about the cost, which has risen twice since the first plans were drawn up, and about the future of the ferry crews.",
  "Construction is expected to begin next spring and to take about three years, the council said in a statement after the meeting.",
  "Local businesses on both banks welcomed the decision and said they hoped the work would be finished before the summer season.",
];

export function articleHtml(title: string, extra = ""): string {
  const paragraphs = SENTENCES.map((s) => `<p>${s} ${title}.</p>`).join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${title}</h1>
${paragraphs}
${extra}
</article>
<footer>© Harbour Gazette</footer></body></html>`;
}

export function rss(title: string, items: { link: string; title: string; date?: string; content?: string }[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ""}${i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ""}</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>http://127.0.0.1/</link>
${body}
</channel></rss>`;
}
