// HTML pages that hold no article, only a notice, as real sites serve them: the site's header, navigation,
// skip link and footer around a consent wall, an app shell, a login or subscription wall, an error page,
// a region lock, a bot check, a newsletter or app promo, a market-data disclaimer. Two groups:
//   written: pages written for the HTML path (gt67, all before any result was run); the half by a hash of
//     the id: tuning slots 01-03, 05, 08-10, 13, 14, 19, 23, 24, 26, 30, checking slots 04, 06, 07, 11, 12,
//     15-18, 20-22, 25, 27-29, each checking one in other words and shapes than any tuning one;
//   served: every written text notice (notice-pages.ts) in one of three sites' page chrome, in the text
//     notice's half (the same words must not fall in the other half).
import { NOTICE_PAGES } from "./notice-pages.ts";
import { halfOf, type Half } from "./split.ts";

export interface NoticeHtmlPage {
  id: string;
  kind: string;
  group: "written" | "served";
  html: string;
  half: Half;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface Site {
  name: string;
  lang: string;
  head: string;
  foot: string;
}

const SITES: readonly Site[] = [
  {
    name: "The Daily Ledger",
    lang: "en",
    head: `<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><a class="logo" href="/">The Daily Ledger</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<a class="btn-subscribe" href="/subscribe">Subscribe</a> <a class="login" href="/login">Log in</a></header>`,
    foot: `<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/cookies">Cookie settings</a></li></ul>
<p>© 2024 The Daily Ledger Ltd. All rights reserved.</p></footer>`,
  },
  {
    name: "Rheinland Kurier",
    lang: "de",
    head: `<a class="skiplink" href="#inhalt">Zum Inhalt springen</a>
<div id="header"><div class="brand"><a href="/">Rheinland Kurier</a></div>
<ul class="navigation"><li><a href="/region">Region</a></li><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul>
<a href="/abo">Abo</a> <a href="/epaper">E-Paper</a> <a href="/anmelden">Anmelden</a></div>`,
    foot: `<div id="footer"><a href="/impressum">Impressum</a> | <a href="/datenschutz">Datenschutz</a> | <a href="/agb">AGB</a> | <a href="/kontakt">Kontakt</a>
<p>© Rheinland Kurier GmbH 2024</p></div>`,
  },
  {
    name: "Metro Wire",
    lang: "en",
    head: `<div class="topbar"><span>Tuesday 14 May 2024</span> <a href="/newsletters">Newsletters</a> <a href="/app">Get the app</a></div>
<header><h2 class="masthead"><a href="/">Metro Wire</a></h2>
<nav aria-label="Sections"><a href="/local">Local</a> <a href="/world">World</a> <a href="/money">Money</a> <a href="/tech">Tech</a> <a href="/weather">Weather</a> <a href="/obituaries">Obituaries</a></nav>
<form class="search" action="/search"><input type="search" name="q" placeholder="Search"><button>Search</button></form></header>`,
    foot: `<footer><nav><a href="/advertise">Advertise with us</a> <a href="/careers">Careers</a> <a href="/accessibility">Accessibility</a> <a href="/privacy">Your privacy choices</a> <a href="/sitemap">Site map</a></nav>
<p>Metro Wire is part of Metro Media Group. Copyright 2024.</p>
<p>Follow us: <a href="/fb">Facebook</a> <a href="/x">X</a> <a href="/ig">Instagram</a></p></footer>`,
  },
];

function page(site: Site | null, title: string, main: string, lang = site?.lang ?? "en"): string {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}${site ? ` | ${site.name}` : ""}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>${site ? site.head : ""}
<main id="main">${main}</main>
${site ? site.foot : ""}</body></html>`;
}

const [ledger, kurier, metro] = SITES as [Site, Site, Site];

const WRITTEN: ReadonlyArray<[kind: string, html: string]> = [
  // 01 tune: a consent wall
  ["consent", page(ledger, "The Daily Ledger", `<div class="cmp-dialog" role="dialog"><h2>We care about your privacy</h2>
<p>We and our 183 partners use cookies and similar technologies to store and access information on your device. Personal data may be processed for personalised advertising and content, measurement and audience research.</p>
<p>You can accept all, reject all or choose your settings. You can change your mind at any time under Cookie settings at the bottom of every page.</p>
<button>Accept all</button> <button>Reject all</button> <button>Manage settings</button></div>`)],
  // 02 tune: an app shell
  ["app shell", `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Newsroom</title><script src="/static/js/main.4f1c2a.js"></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>`],
  // 03 tune: a login wall
  ["wall", page(metro, "Sign in", `<section class="paywall"><h1>Sign in to continue reading</h1>
<p>This article is available to registered readers. Sign in or create a free account to keep reading.</p>
<form><label>Email address <input type="email"></label><label>Password <input type="password"></label><button>Sign in</button></form>
<p><a href="/forgot">Forgot your password?</a></p><p>New here? <a href="/register">Create an account</a></p></section>`)],
  // 05 tune: not found, with a search box and popular stories
  ["not found", page(ledger, "Page not found", `<h1>Page not found</h1>
<p>Sorry, we can't find the page you are looking for. It may have been moved or deleted.</p>
<form action="/search"><input type="search" name="q"><button>Search</button></form>
<h3>Most read</h3><ol class="most-read"><li><a href="/a1">Council approves new budget after late-night session</a></li><li><a href="/a2">Storm warning issued for the weekend</a></li><li><a href="/a3">Local club reaches cup semi-final</a></li><li><a href="/a4">House prices rise for third month in a row</a></li></ol>`)],
  // 08 tune: a bare 403
  ["access denied", `<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx/1.18.0</center></body></html>`],
  // 09 tune: a region lock
  ["region", page(metro, "Unavailable", `<div class="geo-block"><h1>451: Unavailable due to legal reasons</h1>
<p>We recognize you are attempting to access this website from a country belonging to the European Economic Area (EEA) including the EU which enforces the General Data Protection Regulation (GDPR) and therefore access cannot be granted at this time.</p>
<p>For any issues, contact newsroom@metrowire.example or call 555-0100.</p></div>`)],
  // 10 tune: a subscription wall with offers
  ["wall", page(ledger, "Subscribe", `<div class="paywall-offer"><h1>Subscribe to keep reading</h1>
<p>You've read all your free articles this month. Become a subscriber for unlimited access to our journalism.</p>
<ul class="plans"><li><h3>Digital</h3><p>£1 for 6 months, then £7.99 a month.</p><a href="/subscribe/digital">Choose</a></li><li><h3>Digital + Print</h3><p>Saturday paper delivered and full digital access for £12 a month.</p><a href="/subscribe/print">Choose</a></li></ul>
<p>Already a subscriber? <a href="/login">Log in</a></p></div>`)],
  // 13 tune: a notifications prompt and an app promo
  ["promo", page(metro, "Metro Wire", `<div class="push-prompt"><h2>Turn on notifications</h2><p>Get breaking news alerts straight to your device. You can turn them off at any time.</p><button>Allow</button> <button>Not now</button></div>
<div class="app-promo"><h2>Get the Metro Wire app</h2><p>The news that matters to you, wherever you are. Download it free for iPhone and Android.</p><a href="/ios">App Store</a> <a href="/android">Google Play</a></div>`)],
  // 14 tune: a bot check
  ["browser", page(null, "Attention Required! | Cloudflare", `<div class="cf-wrapper"><h1>Please complete the security check to access</h1><h2>metrowire.example</h2>
<h2>Why do I have to complete a CAPTCHA?</h2><p>Completing the CAPTCHA proves you are a human and gives you temporary access to the web property.</p>
<h2>What can I do to prevent this in the future?</h2><p>If you are on a personal connection, like at home, you can run an anti-virus scan on your device to make sure it is not infected with malware.</p>
<p>Cloudflare Ray ID: 7a1b2c3d4e5f6a7b • Your IP: 203.0.113.7 • Performance &amp; security by Cloudflare</p></div>`)],
  // 19 tune: maintenance, German
  ["maintenance", page(kurier, "Wartungsarbeiten", `<div class="maintenance"><h1>Wartungsarbeiten</h1>
<p>Unsere Website wird gerade gewartet. Bitte versuchen Sie es in einigen Minuten erneut. Vielen Dank für Ihr Verständnis.</p></div>`)],
  // 23 tune: a newsletter promo page (teaser-shaped: a heading and one sentence each)
  ["promo", page(ledger, "Newsletters", `<h1>Sign up for our newsletters</h1><p>Choose the emails you want. Unsubscribe at any time.</p>
<div class="newsletter"><h3>Morning Briefing</h3><p>The day's top stories in your inbox before 7am.</p><button>Sign up</button></div>
<div class="newsletter"><h3>Money Matters</h3><p>Personal finance tips and market news every Friday.</p><button>Sign up</button></div>
<div class="newsletter"><h3>Weekend Reads</h3><p>Our best long reads and culture picks on Saturdays.</p><button>Sign up</button></div>
<form><label>Your email <input type="email"></label><button>Subscribe</button></form><p>By signing up you agree to our privacy policy.</p>`)],
  // 24 tune: a market-data disclaimer page
  ["disclaimer", page(metro, "Markets", `<h1>Markets</h1><table class="tickers"><tr><td>FTSE 100</td><td>8,214.5</td><td>+0.4%</td></tr><tr><td>DAX</td><td>18,702.1</td><td>-0.2%</td></tr><tr><td>S&amp;P 500</td><td>5,221.4</td><td>+0.1%</td></tr></table>
<p class="disclaimer">Market data provided by Example Data Services. Quotes are delayed by at least 15 minutes. All information is provided as is, for informational purposes only, and is not intended for trading purposes or advice.</p>`)],
  // 26 tune: a German consent wall
  ["consent", page(kurier, "Rheinland Kurier", `<div id="consent-layer"><h2>Wir verwenden Cookies</h2>
<p>Wir und unsere Partner nutzen Cookies und ähnliche Technologien, um Inhalte und Anzeigen zu personalisieren und die Nutzung unserer Website zu analysieren. Mit Klick auf „Zustimmen“ willigen Sie ein.</p>
<button>Zustimmen</button> <button>Einstellungen</button> <a href="/datenschutz">Datenschutzerklärung</a></div>`)],
  // 30 tune: an unsupported browser
  ["browser", page(ledger, "Browser not supported", `<div class="browser-warning"><h1>Your browser is out of date</h1>
<p>To read The Daily Ledger, please update to one of these browsers:</p><ul><li><a href="/chrome">Google Chrome</a></li><li><a href="/firefox">Mozilla Firefox</a></li><li><a href="/edge">Microsoft Edge</a></li><li><a href="/safari">Apple Safari</a></li></ul></div>`)],
  // 04 check: an updated privacy notice
  ["privacy", page(metro, "Privacy update", `<div class="modal privacy-update"><h2>We've updated our Privacy Notice</h2>
<p>From 1 June we are changing how we share information with the companies that help us deliver adverts. Read what this means for you and what choices you have.</p>
<a href="/privacy-notice">Review changes</a> <button>Continue to site</button></div>`)],
  // 06 check: a customer-number unlock form
  ["wall", page(ledger, "Members area", `<section><h1>Members area</h1>
<p>This content is reserved for our print subscribers. Enter your customer number and postcode to unlock it on this device.</p>
<form><label>Customer number <input></label><label>Postcode <input></label><button>Unlock</button></form>
<p>Not a subscriber yet? <a href="/offers">See our offers</a></p></section>`)],
  // 07 check: a framework app shell with a loading message
  ["app shell", `<!doctype html><html lang="en"><head><title>Metro Wire</title><base href="/"></head>
<body><app-root><div class="spinner">Loading…</div></app-root>
<noscript>This application requires scripts to be allowed. Please allow scripts for this site and reload.</noscript></body></html>`],
  // 11 check: a withdrawn story with a teaser list
  ["not found", page(metro, "Story unavailable", `<h1>This story is no longer available</h1>
<p>The article you tried to open was withdrawn by the editors at the request of the people named in it.</p>
<h2>Latest news</h2>
<article class="teaser"><h3><a href="/n1">Bridge repairs to close main road for a month</a></h3><p>Drivers face long detours from Monday.</p></article>
<article class="teaser"><h3><a href="/n2">School wins national robotics prize</a></h3><p>Pupils built a machine that sorts recycling.</p></article>
<article class="teaser"><h3><a href="/n3">Fire crews called to warehouse blaze</a></h3><p>No one was hurt, police said.</p></article>
<article class="teaser"><h3><a href="/n4">New bus timetable starts next week</a></h3><p>Evening services are cut on two routes.</p></article>`)],
  // 12 check: a German page-not-there with links
  ["not found", page(kurier, "Seite nicht vorhanden", `<h1>Hoppla! Diese Seite gibt es nicht (mehr).</h1>
<p>Vielleicht finden Sie hier, was Sie suchen:</p><ul><li><a href="/">Startseite</a></li><li><a href="/region">Nachrichten aus der Region</a></li><li><a href="/suche">Suche</a></li></ul>`)],
  // 15 check: a broadcast-rights lock on a player
  ["region", page(ledger, "Video", `<div class="player"><div class="player-overlay"><p>Sorry, this content is not licensed for viewing from your location. Our broadcast rights cover the United Kingdom only.</p></div><div class="controls"><button>Play</button><span>0:00 / 3:12</span></div></div>`)],
  // 16 check: an email confirmation prompt
  ["wall", page(metro, "Check your inbox", `<div class="verify-email"><h1>Check your inbox</h1>
<p>We sent a link to confirm your email address. Click it to finish setting up your account and get back to the story.</p><button>Resend email</button> <a href="/help">Need help?</a></div>`)],
  // 17 check: pay or okay
  ["consent", page(ledger, "Your choice", `<div class="pur-layer"><h2>Read with ads or go ad-free</h2>
<p>Use our site with tracking and personalised advertising, or read without ads and tracking for €2.99 a month. You can change your choice at any time in the privacy centre.</p>
<button>Accept and continue</button> <button>Subscribe ad-free</button> <p>Already ad-free? <a href="/login">Log in</a></p></div>`)],
  // 18 check: a bare proxy error
  ["server error", `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>502 Bad Gateway</title></head><body>
<h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p><hr><address>Apache/2.4.41 (Ubuntu) Server at news.example Port 443</address></body></html>`],
  // 20 check: a French consent wall
  ["consent", page(null, "Le Quotidien", `<div class="didomi-popup"><h2>Nous respectons votre vie privée</h2>
<p>Avec votre accord, nous et nos partenaires utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles comme votre visite sur ce site. Vous pouvez retirer votre consentement à tout moment.</p>
<button>Accepter &amp; Fermer</button> <button>Refuser</button> <a href="/confidentialite">En savoir plus</a></div>`, "fr")],
  // 21 check: a live page waiting for scripts, skip links and accessibility help
  ["app shell", page(metro, "Live", `<p><a href="#live">Skip to live updates</a> <a href="/accessibility">Accessibility help</a></p>
<div id="live" class="live-shell"><h1>Live</h1><p>Please wait while the live coverage loads. If nothing appears, check that your browser allows scripts from this site.</p></div>`)],
  // 22 check: push notifications, German
  ["promo", page(kurier, "Rheinland Kurier", `<div class="push-layer"><h2>Verpassen Sie keine Eilmeldung</h2><p>Aktivieren Sie Push-Benachrichtigungen und erfahren Sie sofort, was in der Region passiert.</p><button>Aktivieren</button> <button>Später</button></div>`)],
  // 25 check: a sign-in prompt under a comments heading
  ["sign-in", page(ledger, "Comments", `<section id="comments"><h2>Join the conversation</h2>
<p>You must be logged in to comment. Log in or register for free to share your view with other readers.</p>
<p>Please keep comments civil and on topic. Read our <a href="/community">community guidelines</a>.</p>
<a href="/login">Log in</a> <a href="/register">Register</a></section>`)],
  // 27 check: an automation block
  ["browser", page(null, "Access to this page has been denied", `<div class="px-captcha"><h1>Access to this page has been denied</h1>
<p>We believe you are using automation tools to browse the website. This may happen as a result of the following: JavaScript is disabled or blocked by an extension, or your browser does not support cookies.</p>
<p>Please make sure that JavaScript and cookies are enabled on your browser and that you are not blocking them from loading.</p><p>Press &amp; Hold to confirm you are a human (and not a bot).</p><p>Reference ID 9c1e2f30-11ab-4cde-8f00-0123456789ab</p></div>`)],
  // 28 check: a site that moved
  ["moved", page(metro, "We have moved", `<div class="notice"><h1>This site has moved</h1><p>Our archive now lives at archive.metrowire.example. You will be redirected in 5 seconds.</p><a href="https://archive.metrowire.example/">Go there now</a></div>`)],
  // 29 check: an exchange-rate widget with its disclaimer
  ["disclaimer", page(ledger, "Currency converter", `<h1>Currency converter</h1><form><input value="100"> <select><option>GBP</option></select> to <select><option>EUR</option></select><button>Convert</button></form>
<table><tr><th>Currency</th><th>Rate</th></tr><tr><td>EUR</td><td>1.1652</td></tr><tr><td>USD</td><td>1.2634</td></tr><tr><td>JPY</td><td>196.41</td></tr></table>
<p><small>Exchange rates are indicative only and are not an offer to trade. Data: Example Rates, delayed by 20 minutes. We accept no liability for decisions made on the basis of this information.</small></p>`)],
];

/** Slot i (from 0) of WRITTEN is id html-notice-(i+1). */
const SLOTS = [1, 2, 3, 5, 8, 9, 10, 13, 14, 19, 23, 24, 26, 30, 4, 6, 7, 11, 12, 15, 16, 17, 18, 20, 21, 22, 25, 27, 28, 29];

/** A text notice as its site serves it: its first line a heading, lines of five words or fewer buttons, the rest paragraphs. */
function served(text: string, i: number): string {
  const site = SITES[i % SITES.length]!;
  const [first = "", ...rest] = text.split("\n");
  const body = rest.map((l) => (l.split(/\s+/).length <= 5 ? `<button>${esc(l)}</button>` : `<p>${esc(l)}</p>`)).join("\n");
  return page(site, first.slice(0, 60), `<div class="notice"><h1>${esc(first)}</h1>\n${body}</div>`);
}

export const NOTICE_HTML_PAGES: readonly NoticeHtmlPage[] = [
  ...WRITTEN.map(([kind, html], i) => {
    const id = `html-notice-${String(SLOTS[i]!).padStart(2, "0")}`;
    return { id, kind, group: "written" as const, html, half: halfOf(id) };
  }),
  ...NOTICE_PAGES.map((n, i) => ({ id: `served-${n.id}`, kind: n.kind, group: "served" as const, html: served(n.text, i), half: n.half })),
];
