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
  // nt76: Polish and Arabic (webpages-dev carries pl and ar pages and no notice of either language), the same kinds,
  // written once from what such pages commonly say. Appended, so the earlier pages keep their ids and folds.
  // Polish
  ["wall", "pl", "Ten artykuł jest dostępny tylko dla prenumeratorów\nWykup subskrypcję, aby czytać dalej i mieć nieograniczony dostęp do wszystkich treści serwisu w przeglądarce i w aplikacji.\nKup dostęp\nMasz już konto? Zaloguj się"],
  ["consent", "pl", "Szanujemy Twoją prywatność\nMy i nasi partnerzy używamy plików cookies i podobnych technologii, aby zapewnić prawidłowe działanie serwisu, mierzyć ruch i wyświetlać spersonalizowane reklamy. Swoje ustawienia możesz zmienić w dowolnym momencie.\nAkceptuję\nUstawienia\nOdrzuć wszystkie"],
  ["not found", "pl", "Błąd 404\nPrzepraszamy, nie znaleziono strony, której szukasz. Mogła zostać usunięta albo zmienić adres.\nWróć na stronę główną\nWyszukaj"],
  ["app shell", "pl", "Włącz obsługę JavaScript\nAby korzystać z tego serwisu, włącz JavaScript w ustawieniach swojej przeglądarki i odśwież stronę."],
  ["access denied", "pl", "Odmowa dostępu\nNie masz uprawnień do wyświetlenia tej strony. Jeśli uważasz, że to błąd, skontaktuj się z administratorem serwisu."],
  ["maintenance", "pl", "Przerwa techniczna\nTrwają prace konserwacyjne. Serwis będzie ponownie dostępny wkrótce. Przepraszamy za utrudnienia."],
  ["region", "pl", "Materiał niedostępny w Twoim kraju\nZe względu na ograniczenia licencyjne ten film nie może być odtwarzany w Twojej lokalizacji."],
  ["browser", "pl", "Sprawdzamy Twoją przeglądarkę\nTo automatyczny proces. Za kilka sekund zostaniesz przekierowany do żądanej strony.\nProsimy o cierpliwość…"],
  ["sign-in", "pl", "Zaloguj się, aby czytać dalej\nZałóż bezpłatne konto lub zaloguj się, aby przeczytać ten artykuł.\nAdres e-mail\nHasło\nNie pamiętasz hasła?\nZaloguj się\nZałóż konto"],
  ["server error", "pl", "Błąd serwera\nWystąpił nieoczekiwany błąd i nie udało się wyświetlić strony. Spróbuj ponownie za kilka minut.\nStrona główna"],
  // Arabic
  ["wall", "ar", "هذا المحتوى متاح للمشتركين فقط\nاشترك الآن لمتابعة القراءة والحصول على وصول غير محدود إلى جميع المقالات على الموقع والتطبيق.\nاشترك الآن\nلديك حساب؟ تسجيل الدخول"],
  ["consent", "ar", "نحن نحترم خصوصيتك\nنستخدم ملفات تعريف الارتباط (الكوكيز) وتقنيات مشابهة لتحسين تجربتك وتحليل حركة الزوار وعرض إعلانات مخصصة. يمكنك تغيير إعداداتك في أي وقت.\nموافق\nالإعدادات\nرفض"],
  ["not found", "ar", "الصفحة غير موجودة\nعذرا، الصفحة التي تبحث عنها غير موجودة أو تم نقلها إلى عنوان آخر.\nالعودة إلى الصفحة الرئيسية\nبحث"],
  ["app shell", "ar", "يرجى تفعيل جافاسكريبت\nلاستخدام هذا الموقع، يرجى تفعيل جافاسكريبت في إعدادات المتصفح ثم إعادة تحميل الصفحة."],
  ["access denied", "ar", "تم رفض الوصول\nليس لديك إذن للوصول إلى هذه الصفحة على هذا الخادم.\nرمز الخطأ 403"],
  ["browser", "ar", "جار التحقق من متصفحك\nهذه عملية تلقائية، وستتم إعادة توجيهك إلى المحتوى المطلوب خلال ثوان.\nيرجى الانتظار…"],
  ["region", "ar", "هذا المحتوى غير متاح في بلدك\nبسبب قيود حقوق البث، لا يمكن تشغيل هذا الفيديو من موقعك الحالي."],
  ["maintenance", "ar", "الموقع قيد الصيانة\nنقوم حاليا بأعمال صيانة مجدولة، وسيعود الموقع للعمل قريبا. نعتذر عن الإزعاج."],
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
  pl: { skip: "Przejdź do treści", sections: ["Wiadomości", "Biznes", "Sport", "Opinie", "Kultura"], footer: ["O nas", "Kontakt", "Prywatność", "Regulamin"] },
  ar: { skip: "انتقل إلى المحتوى", sections: ["أخبار", "اقتصاد", "رياضة", "رأي", "ثقافة"], footer: ["من نحن", "اتصل بنا", "الخصوصية", "الشروط"] },
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

/**
 * nt76: pages a site's security service or server serves in place of the whole page, with no site chrome at all (a
 * bot or browser check, a CAPTCHA, a firewall block, a rate limit, a host's suspended-account page), written for the
 * HTML gate only as such pages commonly read: a heading, the site's address, a few questions and answers or steps,
 * and a line of reference codes. The chrome-wrapped notices above teach the gate a notice inside a site; a page with
 * a heading and a few sentences of prose and nothing around it read to it as a short article (html-notice-14,
 * tuning, a CAPTCHA page, published since stop 72). Nine languages, the kinds spread over them; each a train-only
 * row of the HTML gate (and its blocks' text a row of the text gate), never read by an eval.
 */
export interface TrainingHtmlNotice {
  id: string;
  kind: string;
  lang: string;
  html: string;
}

type Section = readonly [heading: string | null, text: string];

const INTERSTITIALS: ReadonlyArray<[kind: string, lang: string, title: string, heading: string, sections: readonly Section[], foot: string]> = [
  ["bot check", "en", "Just a moment...", "Checking if the site connection is secure", [[null, "harbourpost.example needs to review the security of your connection before proceeding."], ["Why am I seeing this?", "This page is displayed while our security service verifies that requests come from a real visitor and not from automated software."], ["What should I do?", "Wait a few seconds. If nothing happens, make sure cookies and JavaScript are enabled in your browser, then reload."]], "Request ID: 9f2c41d07b • Protected by an edge security service"],
  ["captcha", "en", "Verify you are human", "One more step", [[null, "Please solve the challenge below so we know you are not a robot."], ["Why is this check needed?", "Unusual traffic was detected from your network. Automated requests are blocked to keep the service available for everyone."], ["Having trouble?", "Try disabling a VPN or proxy, clear your browser cache, or contact support with the reference number below."]], "Reference #18.4f2a.1699.77c3 • Client IP 198.51.100.23"],
  ["rate limit", "en", "429 Too Many Requests", "You have sent too many requests", [[null, "Your access to this site has been temporarily limited because too many requests were made from your IP address in a short time."], [null, "Please wait a few minutes before trying again. If you believe this is an error, contact the site owner and include the details below."]], "Error code 1015 • Time 2024-03-02 14:05:11 UTC"],
  ["firewall", "en", "Access Denied", "Sorry, you have been blocked", [[null, "You are unable to access northline.example."], ["Why have I been blocked?", "This website uses a security service to protect itself from online attacks. The action you just performed triggered the security solution."], ["What can I do to resolve this?", "You can email the site owner to let them know you were blocked. Please include what you were doing when this page came up and the ID found at the bottom of this page."]], "Incident ID: 0c7e5a91f3 • Your IP: 192.0.2.45"],
  ["suspended", "en", "Account Suspended", "This account has been suspended", [[null, "The website you are trying to reach is temporarily unavailable. If you are the owner of this site, please contact your hosting provider for more information."]], "Powered by a web hosting control panel"],
  ["bot check", "de", "Einen Moment bitte…", "Überprüfung Ihres Browsers", [[null, "Bevor Sie auf rheinblatt.example zugreifen können, prüfen wir, ob die Verbindung sicher ist. Dieser Vorgang läuft automatisch ab."], ["Warum sehe ich diese Seite?", "Unser Sicherheitsdienst schützt die Website vor automatisierten Zugriffen. Bitte aktivieren Sie Cookies und JavaScript in Ihrem Browser."]], "Anfrage-ID: 5d81a0c2e4 • Schutz durch einen Sicherheitsdienst"],
  ["captcha", "de", "Sicherheitsüberprüfung", "Bitte bestätigen Sie, dass Sie kein Roboter sind", [[null, "Wir haben ungewöhnlich viele Anfragen aus Ihrem Netzwerk festgestellt. Lösen Sie bitte die Aufgabe, um fortzufahren."], ["Was kann ich tun?", "Deaktivieren Sie gegebenenfalls VPN oder Proxy und laden Sie die Seite neu. Wenn das Problem bleibt, wenden Sie sich mit der Referenznummer an den Support."]], "Referenz: 7a.22f1.3b90 • IP-Adresse 203.0.113.91"],
  ["firewall", "de", "Zugriff verweigert", "Ihr Zugriff wurde gesperrt", [[null, "Die Sicherheitsfunktion dieser Website hat Ihre Anfrage blockiert. Möglicherweise wurde eine verdächtige Eingabe oder ein ungewöhnliches Muster erkannt."], ["Wie kann ich das beheben?", "Kontaktieren Sie den Betreiber der Website und nennen Sie die unten stehende Vorfallnummer sowie die Uhrzeit."]], "Vorfall-ID: 2b6f09d4c1 • Fehlercode 403"],
  ["bot check", "fr", "Un instant…", "Vérification de la sécurité de votre connexion", [[null, "Le site bretagnejour.example doit vérifier la sécurité de votre connexion avant de continuer."], ["Pourquoi cette page ?", "Notre service de sécurité s'assure que les requêtes proviennent d'un visiteur réel et non d'un programme automatisé. Veuillez activer les cookies et JavaScript dans votre navigateur."]], "Identifiant de requête : 4e19b7a2d0"],
  ["captcha", "fr", "Vérification requise", "Confirmez que vous n'êtes pas un robot", [[null, "Un trafic inhabituel a été détecté depuis votre réseau. Veuillez résoudre le test ci-dessous pour accéder au site."], ["Que faire en cas de problème ?", "Désactivez votre VPN ou votre proxy, videz le cache de votre navigateur, puis réessayez. Sinon, contactez le support en indiquant la référence ci-dessous."]], "Référence : 61.9c0d.2e77 • Adresse IP 198.51.100.8"],
  ["bot check", "es", "Un momento…", "Comprobando tu navegador antes de acceder", [[null, "Este proceso es automático. Tu navegador te redirigirá al contenido solicitado en unos segundos."], ["¿Por qué veo esta página?", "Nuestro servicio de seguridad comprueba que las solicitudes proceden de una persona y no de un programa automatizado. Asegúrate de tener habilitadas las cookies y JavaScript."]], "ID de solicitud: 8c3f2a10e5"],
  ["firewall", "es", "Acceso bloqueado", "Lo sentimos, se ha bloqueado tu acceso", [[null, "El sistema de seguridad de este sitio ha bloqueado tu solicitud para protegerlo de ataques."], ["¿Qué puedo hacer?", "Ponte en contacto con el responsable del sitio e indica qué estabas haciendo cuando apareció esta página y el identificador que figura abajo."]], "ID del incidente: 3a9d6e21b7 • Tu IP: 192.0.2.120"],
  ["captcha", "it", "Verifica di sicurezza", "Conferma di non essere un robot", [[null, "Abbiamo rilevato traffico insolito proveniente dalla tua rete. Completa la verifica qui sotto per continuare la navigazione."], ["Perché devo completare questa verifica?", "Il servizio di sicurezza del sito blocca le richieste automatiche. Se il problema persiste, disattiva VPN o proxy e ricarica la pagina."]], "Codice di riferimento: 5b.7e21.0c4d"],
  ["bot check", "pt", "Só um momento…", "Verificando se a conexão é segura", [[null, "O site precisa verificar a segurança da sua conexão antes de continuar. Este processo é automático."], ["Por que estou vendo esta página?", "Nosso serviço de segurança confirma que as solicitações vêm de um visitante real. Ative os cookies e o JavaScript no seu navegador e recarregue a página."]], "ID da solicitação: 1f6b3c92a8"],
  ["firewall", "pt", "Acesso bloqueado", "Desculpe, o seu acesso foi bloqueado", [[null, "Este site usa um serviço de segurança para se proteger de ataques online. A ação que você acabou de executar acionou essa proteção."], ["O que posso fazer?", "Envie um e-mail ao responsável pelo site informando o que você estava fazendo e o código exibido no fim desta página."]], "Código do incidente: 6d0a8f35c2"],
  ["captcha", "pl", "Weryfikacja", "Potwierdź, że nie jesteś robotem", [[null, "Wykryliśmy nietypowy ruch z Twojej sieci. Rozwiąż poniższe zadanie, aby przejść do serwisu."], ["Dlaczego widzę tę stronę?", "System bezpieczeństwa serwisu blokuje automatyczne zapytania. Wyłącz VPN lub proxy, włącz obsługę cookies w przeglądarce i odśwież stronę."]], "Numer referencyjny: 2c.81f0.9a3e"],
  ["rate limit", "pl", "Zbyt wiele żądań", "Twój dostęp został tymczasowo ograniczony", [[null, "Z Twojego adresu IP wysłano zbyt wiele zapytań w krótkim czasie. Spróbuj ponownie za kilka minut."], [null, "Jeśli uważasz, że to błąd, skontaktuj się z administratorem i podaj poniższy identyfikator."]], "Identyfikator: 7e4b2d19c0 • Kod błędu 429"],
  ["bot check", "nl", "Een moment geduld…", "We controleren je browser", [[null, "Voordat je verdergaat, controleert onze beveiligingsdienst of de verbinding veilig is. Dit gaat automatisch en duurt maar een paar seconden."], ["Waarom zie ik deze pagina?", "Zo beschermen we de website tegen geautomatiseerd verkeer. Schakel cookies en JavaScript in je browser in en laad de pagina opnieuw."]], "Verzoek-ID: 9a2e5c71d4"],
  ["bot check", "ar", "لحظة من فضلك…", "جار التحقق من أمان اتصالك", [[null, "يحتاج الموقع إلى التحقق من أمان اتصالك قبل المتابعة. هذه العملية تلقائية وتستغرق بضع ثوان."], ["لماذا أرى هذه الصفحة؟", "تتحقق خدمة الحماية من أن الطلبات صادرة عن زائر حقيقي وليس عن برنامج آلي. يرجى تفعيل ملفات الكوكيز وجافاسكريبت في متصفحك ثم إعادة تحميل الصفحة."]], "معرف الطلب: 4c7a1e90b2"],
  ["captcha", "ar", "تحقق أمني", "يرجى تأكيد أنك لست روبوتا", [[null, "رصدنا حركة غير معتادة من شبكتك. يرجى حل الاختبار أدناه للوصول إلى الموقع."], ["ماذا أفعل إذا واجهت مشكلة؟", "عطل الشبكة الافتراضية الخاصة أو الوكيل، وامسح ذاكرة التخزين المؤقت للمتصفح، ثم حاول مرة أخرى."]], "الرقم المرجعي: 3f.90b2.7d1c"],
];

/** An interstitial as a security service or a server serves it: no site chrome, a heading, sections, a line of codes. */
function interstitialHtml(lang: string, title: string, heading: string, sections: readonly Section[], foot: string): string {
  const body = sections.map(([h, t]) => `${h ? `<h2>${esc(h)}</h2>` : ""}<p>${esc(t)}</p>`).join("\n");
  return `<!DOCTYPE html>
<html lang="${lang}"${lang === "ar" ? ` dir="rtl"` : ""}><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="robots" content="noindex, nofollow"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><div class="wrapper"><div class="box">
<h1>${esc(heading)}</h1>
${body}
<div class="footer"><p>${esc(foot)}</p></div>
</div></div></body></html>
`;
}

export const TRAINING_HTML_NOTICES: readonly TrainingHtmlNotice[] = INTERSTITIALS.map(([kind, lang, title, heading, sections, foot], i) => ({
  id: `train-html-notice-${lang}-${String(i + 1).padStart(2, "0")}`,
  kind,
  lang,
  html: interstitialHtml(lang, title, heading, sections, foot),
}));
