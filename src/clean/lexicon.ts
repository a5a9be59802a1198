// Words and short phrases of page furniture in the languages news and blog pages are written in,
// by kind. They are features a learned model weighs (a cookie notice is long prose full of
// "cookies"; an article may say "cookies" once), never rules on their own. Generic vocabulary
// only: no site, outlet or page is named here.

export const LEXICON_GROUPS = [
  "consent", "navigation", "social", "subscribe", "account", "legal", "market", "related", "comments", "ads", "credit", "byline",
] as const;
export type LexiconGroup = (typeof LEXICON_GROUPS)[number];

/** One or more phrases of one to three words, comma-separated, lower case. */
const ENTRIES: Record<LexiconGroup, string> = {
  consent:
    "cookie, cookies, consent, gdpr, dsgvo, privacy policy, privacy settings, privacy notice, datenschutz, datenschutzerklärung, datenschutzhinweise, " +
    "datenschutzeinstellungen, einwilligung, zustimmen, akzeptieren, alle akzeptieren, accept all, i accept, i agree, einverstanden, " +
    "tracking, personalised ads, personalized ads, third parties, drittanbieter, politique de confidentialité, confidentialité, " +
    "política de privacidad, privacidad, informativa, privacy, consentement, consentimiento, rgpd, prywatności, conformidad, " +
    "your data, ihre daten, opt out, manage preferences, einstellungen verwalten",
  navigation:
    "skip to, skip navigation, zum inhalt, direkt zum, zur navigation, zur suche, zum hauptinhalt, springen, menu, menü, main menu, hauptmenü, " +
    "navigation, hauptnavigation, startseite, home, homepage, search, suche, suchen, suchbegriff, sitemap, breadcrumb, you are here, sie sind hier, " +
    "back to top, nach oben, zurück, previous post, next post, vorheriger, nächster, older posts, newer posts, page of, weiterlesen, " +
    "read more, mehr lesen, lire la suite, leer más, continue reading, aller au contenu, ir al contenido, saltar al, pasar al, contenido principal, " +
    "passer au contenu, vai al contenuto, przejdź do, toggle, close, schließen, " +
    "open menu, übersicht, alle artikel, rubriken, categories, kategorien, archiv, archive, tags, schlagwörter, themen",
  social:
    "share, shares, teilen, tweet, facebook, twitter, whatsapp, pinterest, linkedin, instagram, xing, telegram, youtube, tiktok, reddit, " +
    "follow us, folge uns, folgen sie uns, partager, compartir, condividi, udostępnij, print, drucken, e-mail, email, copy link, link kopieren, " +
    "merken, bookmark, embed",
  subscribe:
    "newsletter, subscribe, subscription, subscriber, abonnieren, abonnement, abo, abonnent, sign up, signup, jetzt anmelden, registrieren, " +
    "download the app, get the app, unsere app, app store, google play, notifications, benachrichtigungen, push, turn on, inbox, " +
    "inscrivez-vous, abonnez-vous, suscríbete, suscribirse, iscriviti, premium, plus artikel, weiterlesen mit, jetzt lesen, testen, gratis testen, free trial",
  account:
    "sign in, log in, login, logout, log out, anmelden, abmelden, einloggen, password, passwort, kennwort, username, benutzername, " +
    "forgot, vergessen, remember me, angemeldet bleiben, my account, mein konto, konto, account, register, required fields, pflichtfelder, " +
    "pflichtfeld, submit, absenden, senden, mot de passe, contraseña, connexion, se connecter, iniciar sesión",
  legal:
    "impressum, imprint, copyright, all rights reserved, alle rechte vorbehalten, rights reserved, terms of use, terms of service, " +
    "terms and conditions, nutzungsbedingungen, agb, disclaimer, haftungsausschluss, mentions légales, aviso legal, contact us, kontakt, " +
    "contact, about us, über uns, mediadaten, jobs, karriere, careers, barrierefreiheit, accessibility",
  market:
    "quotes delayed, delayed by, market data, data provided, kursdaten, realtime, echtzeit, verzögert, investment advice, anlageberatung, " +
    "not intended, provided by, stock quotes, kurse",
  related:
    "related, related posts, related articles, related stories, ähnliche artikel, ähnliche beiträge, auch interessant, könnte sie, " +
    "mehr zum thema, weitere artikel, weitere beiträge, you may also, recommended, empfohlen, empfehlungen, most read, meistgelesen, " +
    "meistgelesene, trending, popular, beliebt, also read, lesen sie auch, read also, lire aussi, à lire, te puede, top stories, more from, " +
    "more stories, mehr aus, mehr von, das könnte, neueste beiträge, latest posts, recent posts, letzte beiträge, aktuelle beiträge, videos",
  comments:
    "comment, comments, kommentar, kommentare, kommentieren, leave a reply, reply, antworten, antwort, responses, commentaires, " +
    "commentaire, comentarios, comentario, commenti, komentarze, leserbrief, diskutieren, diskussion",
  ads:
    "advertisement, anzeige, werbung, sponsored, gesponsert, publicité, publicidad, pubblicità, reklama, promoted, partner, affiliate, provision",
  credit:
    "foto, fotos, photo, photos, bild, bilder, image, images, credit, credits, fotocredit, bildquelle, quelle, source, getty, imago, " +
    "picture alliance, dpa, afp, reuters, shutterstock, istock, caption, bildunterschrift, fotograf, photographer",
  byline:
    "autor, autorin, author, posted, posted by, written by, veröffentlicht, aktualisiert, updated, published, geschrieben, min read, lesezeit, " +
    "reading time, redaktion, editor, uhr, minuten, minutes ago, hours ago, stunden",
};

/** Bit of each group. */
export const GROUP_BIT: Record<LexiconGroup, number> = Object.fromEntries(LEXICON_GROUPS.map((g, i) => [g, 1 << i])) as Record<LexiconGroup, number>;
/** The groups' bits in `LEXICON_GROUPS` order: for a loop over every group, no look-up by name. */
export const GROUP_BITS: readonly number[] = LEXICON_GROUPS.map((g) => GROUP_BIT[g]);

export interface LexiconEntry {
  words: string[];
  bits: number;
}

export function lexiconEntries(): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const g of LEXICON_GROUPS) {
    for (const phrase of ENTRIES[g].split(",")) {
      const words = phrase.trim().split(/[\s-]+/).filter(Boolean);
      if (words.length > 0) out.push({ words, bits: GROUP_BIT[g] });
    }
  }
  return out;
}
