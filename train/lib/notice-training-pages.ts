// Notice pages written for training only (nt75, stop 75, issue 8): what a site serves in place of an article, as
// its text dump reads with JavaScript off, in the kinds and the languages the tuning half's written notices
// (eval/lib/notice-pages.ts) lack: subscription and login walls, parked domains, expired sessions, moved sites,
// server errors, maintenance, age gates, app promos, region locks, consent walls, scripts-off shells and browser
// checks, in French, Spanish, Italian, Portuguese and Dutch (webpages-dev carries es, fr, it, pt beside de and en)
// and more English and German walls. Each written from what such pages commonly say, no site's or page's words;
// none is read by eval:notices or scripts/held-back-dev.ts, so the checking half keeps its meaning. train:clean
// learns them as furniture rows of both gates (the text dump, and the same notice in a plain site's chrome for
// the HTML gate); EXTRA_NOTICES=0 leaves them out.

export interface TrainingNotice {
  id: string;
  kind: string;
  lang: string;
  text: string;
}

const PAGES: ReadonlyArray<[kind: string, lang: string, text: string]> = [
  // French
  ["wall", "fr", "Cet article est réservé aux abonnés\nPour lire la suite, abonnez-vous dès maintenant et profitez d'un accès illimité à tous nos contenus, sur le site et l'application.\nJe m'abonne\nDéjà abonné ? Se connecter"],
  ["consent", "fr", "Vos choix concernant l'utilisation des cookies\nNous et nos partenaires utilisons des cookies et des technologies similaires pour stocker et accéder à des informations sur votre appareil, mesurer l'audience et vous proposer des publicités personnalisées. Vous pouvez modifier vos choix à tout moment dans les paramètres.\nAccepter et fermer\nContinuer sans accepter\nParamétrer les cookies"],
  ["not found", "fr", "Erreur 404\nOups ! La page que vous recherchez est introuvable. Elle a peut-être été supprimée, renommée ou n'a jamais existé.\nRetour à l'accueil\nRechercher"],
  ["app shell", "fr", "JavaScript est désactivé\nPour utiliser ce site, veuillez activer JavaScript dans les paramètres de votre navigateur, puis recharger la page."],
  ["access denied", "fr", "Accès refusé\nVous n'avez pas l'autorisation d'accéder à cette page. Si vous pensez qu'il s'agit d'une erreur, veuillez contacter l'administrateur du site.\nCode d'erreur : 403"],
  ["maintenance", "fr", "Site en maintenance\nNous effectuons actuellement une opération de maintenance. Le site sera de nouveau accessible dans quelques instants. Merci de votre patience et désolé pour la gêne occasionnée."],
  ["region", "fr", "Contenu indisponible dans votre pays\nEn raison de restrictions liées aux droits de diffusion, cette vidéo n'est pas disponible depuis votre localisation."],
  ["sign-in", "fr", "Connectez-vous pour continuer\nCréez un compte gratuit ou identifiez-vous pour lire cet article et recevoir nos newsletters.\nAdresse e-mail\nMot de passe\nMot de passe oublié ?\nSe connecter\nCréer un compte"],
  ["browser", "fr", "Vérification de votre navigateur avant d'accéder au site\nCe processus est automatique. Vous serez redirigé vers le contenu demandé dans quelques secondes.\nVeuillez patienter…"],
  ["promo", "fr", "Téléchargez notre application\nRetrouvez toute l'actualité en continu, les alertes et le journal du jour sur votre téléphone.\nDisponible sur l'App Store\nDisponible sur Google Play\nNon merci, continuer sur le site"],
  // Spanish
  ["wall", "es", "Este contenido es exclusivo para suscriptores\nHas alcanzado el límite de artículos gratuitos de este mes. Suscríbete para seguir leyendo sin límites en la web y en la app.\nSuscríbete ahora\n¿Ya eres suscriptor? Inicia sesión"],
  ["consent", "es", "Valoramos tu privacidad\nUtilizamos cookies propias y de terceros para mejorar nuestros servicios, analizar la navegación y mostrarte publicidad personalizada. Puedes aceptar todas las cookies, rechazarlas o configurar tus preferencias.\nAceptar todas\nRechazar\nConfigurar"],
  ["not found", "es", "Página no encontrada\nLo sentimos, la página que buscas no existe o ha sido trasladada. Comprueba la dirección o vuelve a la portada.\nIr a la portada\nBuscar"],
  ["app shell", "es", "Necesitas habilitar JavaScript para ver esta página.\nPor favor, activa JavaScript en la configuración de tu navegador y vuelve a cargar la página."],
  ["access denied", "es", "Acceso denegado\nNo tienes permiso para acceder a este recurso en este servidor.\nSi crees que se trata de un error, ponte en contacto con el administrador del sitio."],
  ["maintenance", "es", "Estamos en mantenimiento\nEstamos realizando tareas de mantenimiento para mejorar el servicio. Volveremos a estar disponibles en breve. Disculpa las molestias."],
  ["region", "es", "Este vídeo no está disponible en tu país\nPor motivos de derechos de emisión, este contenido solo puede verse desde España."],
  ["server error", "es", "Error 500\nSe ha producido un error interno en el servidor. Inténtalo de nuevo más tarde.\nVolver al inicio"],
  ["age gate", "es", "¿Eres mayor de edad?\nPara acceder a este sitio debes tener al menos 18 años. Al entrar confirmas que tienes la edad legal para consumir alcohol en tu país.\nSí, soy mayor de 18\nNo, salir"],
  ["parked", "es", "Este dominio está a la venta\n¿Te interesa este dominio? Contacta con el propietario para hacer una oferta.\nEnlaces relacionados\nHosting barato\nRegistrar dominio\nCrear página web"],
  // Italian
  ["wall", "it", "Questo articolo è riservato agli abbonati\nAbbonati per continuare a leggere e avere accesso illimitato a tutti i contenuti del sito e dell'app.\nAbbonati ora\nSei già abbonato? Accedi"],
  ["consent", "it", "Questo sito utilizza cookie\nNoi e i nostri partner utilizziamo cookie tecnici e di profilazione per migliorare la tua esperienza di navigazione e mostrarti pubblicità in linea con le tue preferenze. Puoi accettare, rifiutare o gestire le tue scelte.\nAccetta tutti\nRifiuta\nGestisci preferenze"],
  ["not found", "it", "Pagina non trovata\nSpiacenti, la pagina che stai cercando non esiste più o è stata spostata.\nTorna alla home page\nCerca nel sito"],
  ["app shell", "it", "Per visualizzare questo sito è necessario abilitare JavaScript.\nAttiva JavaScript nelle impostazioni del tuo browser e ricarica la pagina."],
  ["access denied", "it", "Accesso negato\nNon hai i permessi necessari per visualizzare questa pagina.\nCodice errore 403"],
  ["maintenance", "it", "Sito in manutenzione\nStiamo effettuando alcuni interventi di manutenzione programmata. Il sito tornerà online a breve. Ci scusiamo per il disagio."],
  ["region", "it", "Contenuto non disponibile nel tuo paese\nPer motivi legati ai diritti, questo video non può essere riprodotto dalla tua area geografica."],
  ["sign-in", "it", "Accedi per continuare a leggere\nRegistrati gratuitamente o effettua il login con il tuo account.\nEmail\nPassword\nHai dimenticato la password?\nAccedi\nRegistrati"],
  ["browser", "it", "Il tuo browser non è aggiornato\nStai utilizzando una versione del browser non più supportata. Aggiorna il browser per navigare in sicurezza e visualizzare correttamente il sito."],
  // Portuguese
  ["wall", "pt", "Conteúdo exclusivo para assinantes\nVocê atingiu o limite de reportagens gratuitas. Assine agora para continuar lendo e ter acesso ilimitado ao site e ao aplicativo.\nAssine já\nJá é assinante? Entrar"],
  ["consent", "pt", "Este site usa cookies\nUtilizamos cookies e tecnologias semelhantes para melhorar a sua experiência, analisar o tráfego e personalizar anúncios. Ao continuar a navegar, você concorda com a nossa política de privacidade.\nAceitar\nRejeitar\nDefinições de cookies"],
  ["not found", "pt", "Página não encontrada\nDesculpe, a página que você procura não existe ou foi removida.\nVoltar para a página inicial\nPesquisar"],
  ["app shell", "pt", "Ative o JavaScript\nPara usar este site, ative o JavaScript nas configurações do seu navegador e recarregue a página."],
  ["access denied", "pt", "Acesso negado\nVocê não tem permissão para acessar esta página neste servidor."],
  ["maintenance", "pt", "Estamos em manutenção\nO site está passando por uma manutenção programada e voltará em breve. Pedimos desculpas pelo transtorno."],
  ["region", "pt", "Este conteúdo não está disponível na sua região\nDevido a restrições de direitos, este vídeo só pode ser assistido no Brasil."],
  ["server error", "pt", "Erro 500\nOcorreu um erro interno no servidor. Tente novamente mais tarde.\nVoltar ao início"],
  // Dutch
  ["consent", "nl", "Wij gebruiken cookies\nWij en onze partners gebruiken cookies om de website goed te laten werken, het gebruik te meten en advertenties af te stemmen op jouw interesses. Je kunt je voorkeuren altijd wijzigen.\nAccepteren\nWeigeren\nInstellingen"],
  ["not found", "nl", "Pagina niet gevonden\nSorry, de pagina die je zoekt bestaat niet of is verplaatst.\nNaar de homepage\nZoeken"],
  ["wall", "nl", "Dit artikel is alleen voor abonnees\nNeem een abonnement om verder te lezen en krijg onbeperkt toegang tot alle artikelen op de website en in de app.\nAbonneer nu\nAl abonnee? Log in"],
  ["app shell", "nl", "JavaScript is uitgeschakeld\nSchakel JavaScript in je browser in om deze website te gebruiken en laad de pagina opnieuw."],
  // English, kinds the tuning half's written notices have few of
  ["wall", "en", "You've read all your free articles\nBecome a subscriber for unlimited access to every story, the daily edition and our newsletters. Plans start at $1 a week for your first year.\nSubscribe now\nAlready subscribed? Log in"],
  ["wall", "en", "Register to keep reading\nCreate a free account to read 3 articles a month and get our morning briefing in your inbox.\nContinue with Google\nContinue with email\nAlready registered? Sign in"],
  ["parked", "en", "This domain may be for sale\nBuy this domain\nRelated searches\nOnline Degrees\nCheap Flights\nCredit Cards\nPrivacy Policy"],
  ["sign-in", "en", "Your session has expired\nFor your security you have been logged out after a period of inactivity. Please sign in again to continue.\nUsername\nPassword\nSign in"],
  ["moved", "en", "This page has moved\nThe content you requested is now available at a new address. If you are not redirected automatically, follow the link below.\nContinue to the new page"],
  ["server error", "en", "502 Bad Gateway\nThe server encountered a temporary error and could not complete your request. Please try again in 30 seconds."],
  ["promo", "en", "Get the app\nBreaking news alerts, offline reading and the puzzles, all in one place. Scan the code or download it free.\nDownload on the App Store\nGet it on Google Play\nNot now"],
  ["age gate", "en", "Please confirm your age\nYou must be 21 or older to enter this site. By entering you agree to our terms of use.\nI am 21 or older\nExit"],
  // German, kinds the tuning half's written notices have few of
  ["wall", "de", "Weiterlesen mit Plus\nSie haben Ihr Kontingent an kostenlosen Artikeln für diesen Monat erreicht. Lesen Sie jetzt alle Plus-Artikel für 0,99 € im ersten Monat, danach monatlich kündbar.\nJetzt testen\nBereits Abonnent? Hier anmelden"],
  ["sign-in", "de", "Bitte melden Sie sich an\nDieser Inhalt ist nur für registrierte Nutzer sichtbar. Melden Sie sich mit Ihrem Konto an oder registrieren Sie sich kostenlos.\nE-Mail-Adresse\nPasswort\nPasswort vergessen?\nAnmelden\nJetzt registrieren"],
  ["region", "de", "Dieses Video ist in Ihrem Land nicht verfügbar\nAufgrund von Lizenzbeschränkungen können wir diesen Inhalt außerhalb Deutschlands nicht anzeigen."],
  ["maintenance", "de", "Wartungsarbeiten\nUnsere Website wird gerade gewartet und ist in Kürze wieder für Sie da. Vielen Dank für Ihre Geduld.\nZur Startseite"],
  ["parked", "de", "Diese Domain steht zum Verkauf\nSie möchten diese Domain erwerben? Nehmen Sie Kontakt mit dem Inhaber auf.\nÄhnliche Suchanfragen\nGünstige Kredite\nWebhosting\nDomain registrieren"],
  ["server error", "de", "Interner Serverfehler\nBei der Verarbeitung Ihrer Anfrage ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.\nZurück zur Startseite"],
  ["promo", "de", "Holen Sie sich unsere App\nEilmeldungen, das E-Paper und alle Nachrichten aus Ihrer Region direkt auf Ihr Smartphone.\nJetzt im App Store laden\nJetzt bei Google Play\nNein danke"],
  ["moved", "de", "Diese Seite ist umgezogen\nDie gesuchten Inhalte finden Sie jetzt unter einer neuen Adresse. Sie werden in wenigen Sekunden automatisch weitergeleitet.\nJetzt weiter"],
];

export const TRAINING_NOTICES: readonly TrainingNotice[] = PAGES.map(([kind, lang, text], i) => ({ id: `train-notice-${lang}-${String(i + 1).padStart(2, "0")}`, kind, lang, text }));

/** A plain site's chrome by language, for the HTML gate: skip link, masthead, sections, footer. */
const CHROME: Record<string, { skip: string; sections: readonly string[]; footer: readonly string[] }> = {
  en: { skip: "Skip to content", sections: ["News", "Business", "Sport", "Opinion", "Culture"], footer: ["About", "Contact", "Privacy", "Terms"] },
  de: { skip: "Zum Inhalt", sections: ["Nachrichten", "Wirtschaft", "Sport", "Meinung", "Kultur"], footer: ["Impressum", "Kontakt", "Datenschutz", "AGB"] },
  fr: { skip: "Aller au contenu", sections: ["Actualité", "Économie", "Sport", "Opinions", "Culture"], footer: ["Qui sommes-nous", "Contact", "Confidentialité", "Mentions légales"] },
  es: { skip: "Ir al contenido", sections: ["Noticias", "Economía", "Deportes", "Opinión", "Cultura"], footer: ["Quiénes somos", "Contacto", "Privacidad", "Aviso legal"] },
  it: { skip: "Vai al contenuto", sections: ["Cronaca", "Economia", "Sport", "Opinioni", "Cultura"], footer: ["Chi siamo", "Contatti", "Privacy", "Note legali"] },
  pt: { skip: "Ir para o conteúdo", sections: ["Notícias", "Economia", "Esportes", "Opinião", "Cultura"], footer: ["Quem somos", "Contato", "Privacidade", "Termos de uso"] },
  nl: { skip: "Naar inhoud", sections: ["Nieuws", "Economie", "Sport", "Opinie", "Cultuur"], footer: ["Over ons", "Contact", "Privacy", "Voorwaarden"] },
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The notice as a site serves it: its first line a heading, lines of five words or fewer links or buttons, the rest paragraphs, in a plain chrome of its language. */
export function trainingNoticeHtml(n: TrainingNotice): string {
  const c = CHROME[n.lang] ?? CHROME.en!;
  const [first = "", ...rest] = n.text.split("\n");
  const body = rest.map((l, i) => (l.split(/\s+/).length <= 5 ? (i % 2 ? `<a class="button" href="#">${esc(l)}</a>` : `<button>${esc(l)}</button>`) : `<p>${esc(l)}</p>`)).join("\n");
  return `<!DOCTYPE html>
<html lang="${n.lang}"><head><meta charset="utf-8"><title>${esc(first)}</title></head>
<body><a class="skip" href="#main">${esc(c.skip)}</a>
<header class="masthead"><a class="brand" href="/">Courier</a>
<nav><ul>${c.sections.map((s) => `<li><a href="/${encodeURIComponent(s.toLowerCase())}">${esc(s)}</a></li>`).join("")}</ul></nav></header>
<main id="main"><section class="notice"><h1>${esc(first)}</h1>
${body}
</section></main>
<footer><ul>${c.footer.map((s) => `<li><a href="/${encodeURIComponent(s.toLowerCase())}">${esc(s)}</a></li>`).join("")}</ul><p>© Courier Media 2024</p></footer>
</body></html>
`;
}
