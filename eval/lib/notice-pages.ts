// Pages that hold no article, only a notice, written as real sites print them when a browser with
// JavaScript off (how the dev sets' text dumps were made) or a visitor from elsewhere reaches them:
// app shells, browser and bot checks, consent and subscription walls, error pages, region locks.
// Each is the whole text dump of such a page. The halves come from a hash of the id, like the dev sets'.
import { halfOf, type Half } from "./split.ts";

export interface NoticePage {
  id: string;
  kind: string;
  text: string;
  half: Half;
}

const PAGES: ReadonlyArray<[kind: string, text: string]> = [
  ["app shell", "You need to enable JavaScript to run this app."],
  ["app shell", "We're sorry but news-portal-web doesn't work properly without JavaScript enabled. Please enable it to continue."],
  ["app shell", "Please enable JavaScript to view this page.\nLoading..."],
  ["app shell", "JavaScript is disabled in your browser. To use this website, please enable JavaScript in your browser settings and reload the page."],
  ["app shell", "Bitte aktivieren Sie JavaScript, um diese Seite nutzen zu können.\nDiese Website benötigt JavaScript, damit alle Funktionen korrekt dargestellt werden."],
  ["browser", "Your browser is not supported\nPlease upgrade to a modern browser such as Chrome, Firefox, Safari or Edge to continue using this site."],
  ["browser", "You are using an outdated browser. Please upgrade your browser to improve your experience and security."],
  ["browser", "Just a moment...\nEnable JavaScript and cookies to continue"],
  ["browser", "Checking your browser before accessing the website.\nThis process is automatic. Your browser will redirect to your requested content shortly.\nPlease allow up to 5 seconds…\nDDoS protection by Cloudflare\nRay ID: 6f2a91c4be3d0a17"],
  ["consent", "We value your privacy\nWe and our partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers and standard information sent by a device, for personalised ads and content, ad and content measurement, audience insights and product development.\nWith your permission we and our partners may use precise geolocation data and identification through device scanning.\nAccept all\nReject all\nMore options"],
  ["consent", "This website uses cookies\nWe use cookies to personalise content and ads, to provide social media features and to analyse our traffic. We also share information about your use of our site with our social media, advertising and analytics partners who may combine it with other information that you've provided to them.\nAllow all cookies\nUse necessary cookies only\nShow details"],
  ["consent", "Wir verwenden Cookies\nWir und unsere Partner verwenden Cookies und ähnliche Technologien, um Ihnen ein optimales Nutzungserlebnis zu bieten, Inhalte und Anzeigen zu personalisieren und die Zugriffe auf unsere Website zu analysieren.\nAlle akzeptieren\nEinstellungen\nNur notwendige Cookies"],
  ["consent", "Before you continue\nWe use cookies and data to deliver and maintain our services, track outages and protect against spam, fraud and abuse, and measure audience engagement and site statistics to understand how our services are used.\nIf you choose to accept all, we will also use cookies and data to develop and improve new services and deliver and measure the effectiveness of ads.\nReject all\nAccept all"],
  ["wall", "Subscribe to continue reading\nYou have reached your limit of free articles this month. Subscribe now for unlimited access to our journalism, on any device.\nSubscribe\nAlready a subscriber? Log in"],
  ["wall", "Sign in to continue\nThis content is only available to registered users. Please log in or create a free account to keep reading.\nEmail address\nPassword\nForgot your password?\nLog in\nCreate account"],
  ["wall", "Dieser Artikel ist exklusiv für Abonnenten.\nJetzt weiterlesen mit unserem Digital-Abo: alle Artikel auf der Website und in der App, jederzeit kündbar.\nJetzt abonnieren\nSie sind bereits Abonnent? Hier anmelden"],
  ["wall", "Please verify you are a human\nAccess to this page has been denied because we believe you are using automation tools to browse the website.\nPress & Hold\nReference ID 8c1f6e2a-4b7d-11ee-9a3c-0242ac120002"],
  ["access denied", "Access Denied\nYou don't have permission to access this page on this server.\nReference #18.4f2c1d17.1693567521.2a9b7c1e"],
  ["access denied", "403 Forbidden\nnginx"],
  ["access denied", "Sorry, you have been blocked\nYou are unable to access this website.\nWhy have I been blocked?\nThis website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution. There are several actions that could trigger this block including submitting a certain word or phrase, a SQL command or malformed data.\nWhat can I do to resolve this?\nYou can email the site owner to let them know you were blocked. Please include what you were doing when this page came up and the Cloudflare Ray ID found at the bottom of this page.\nCloudflare Ray ID: 7d1e9a2b5c6f0e43"],
  ["not found", "404 Not Found\nThe requested URL was not found on this server."],
  ["not found", "Page not found\nSorry, the page you are looking for does not exist, has been moved or is temporarily unavailable.\nGo to the homepage\nSearch"],
  ["not found", "Seite nicht gefunden\nDie von Ihnen aufgerufene Seite existiert leider nicht mehr oder wurde verschoben. Bitte nutzen Sie die Suche oder kehren Sie zur Startseite zurück.\nZur Startseite"],
  ["region", "This content is not available in your region."],
  ["region", "451: Unavailable due to legal reasons\nWe recognize you are attempting to access this website from a country belonging to the European Economic Area (EEA) including the EU which enforces the General Data Protection Regulation (GDPR) and therefore access cannot be granted at this time.\nFor any issues, contact the site's support team."],
  ["region", "Sorry, this video is not available in your country due to rights restrictions.\nHome\nNews\nSport\nWeather"],
  ["region", "Dieses Angebot ist in Ihrem Land leider nicht verfügbar.\nAus lizenzrechtlichen Gründen können wir diese Inhalte nur in Deutschland anbieten."],
  // gt65: more notices. Ids come from the position, so the half is the hash's: tuning slots 28, 30-32, 34, 35,
  // 37-40 (written to train the gate on), checking slots 29, 33, 36, 41-43 (written before any result was seen,
  // in other words and shapes than the tuning ones, so the check is not of texts the gate learned).
  ["not found", "Oops! That page can't be found.\nIt looks like nothing was found at this location. Maybe try one of the links below or a search?\nSearch for:\nSearch"],
  ["not found", "We couldn't find that story\nThe link you followed may be broken, or the article may have been archived or removed by our editors.\nTry searching our archive, or browse today's top stories from the front page.\nBack to front page"],
  ["browser", "Update your browser\nThis site no longer supports Internet Explorer. Please switch to a current version of Chrome, Firefox, Edge or Safari for the best experience.\nDownload Chrome\nDownload Firefox"],
  ["access denied", "Request blocked\nWe detected unusual traffic coming from your network. Please complete the security check to access this page.\nWhy am I seeing this?\nThis may happen if you are browsing with a VPN or an automated script.\nIncident ID: 3b7f21c9"],
  ["consent", "Your privacy choices\nWe use cookies and similar technologies to run this site, remember your settings, measure traffic and show you personalised advertising. You can change your choices at any time in the privacy settings.\nAgree and continue\nManage preferences"],
  ["wall", "Continue reading with a subscription\nGet unlimited digital access to award-winning reporting, newsletters and the app. Cancel anytime.\nSee subscription options\nLog in to your account"],
  ["region", "Service unavailable in your location\nDue to licensing restrictions this website cannot be accessed from outside the United States.\nIf you believe you are seeing this message in error, please contact support."],
  ["app shell", "Loading the latest news\nPlease enable JavaScript in your browser to read this site. It looks like JavaScript is turned off or blocked by an extension.\nReload page"],
  ["wall", "Ad blocker detected\nWe rely on advertising to fund our journalism. Please disable your ad blocker or whitelist this site to continue reading.\nI have disabled my ad blocker\nSubscribe instead"],
  ["not found", "Error 500 - Internal server error\nSomething went wrong on our end. Our team has been notified and is working to fix the problem. Please try again later.\nReturn home"],
  ["browser", "Hold on, we're checking your connection\nThis only takes a few seconds. You will be forwarded to the site automatically once the check is complete.\nNot forwarded? Click here."],
  ["not found", "Hmm, this article has gone missing\nIt might have been unpublished, or the address has a typo in it. Have a look around the homepage or use the search box above to find what you were after."],
  ["app shell", "Um diese Website zu nutzen, muss JavaScript aktiviert sein.\nSo aktivieren Sie JavaScript in Ihrem Browser\nSeite neu laden"],
  ["consent", "Hi there, we use cookies\nSome are essential so the site works, others help us understand how you use it and show ads that suit you. Okay with that?\nYes, I'm happy\nNo thanks, essentials only\nCookie policy"],
  ["wall", "This story is for members\nJoin today to read every article on our site, take part in the comments and get the weekend edition delivered to your inbox. Members already? Sign in below.\nBecome a member\nSign in"],
  ["access denied", "You've been rate limited\nToo many requests were sent from your IP address in a short time. Wait a minute, then refresh the page.\nError code 1015"],
  // gt66: more notices, all written before any result of stop 66 was run. Tuning slots 44-46, 48, 50-52, 54, 55,
  // 59-62, 64, 66 (to train on: cookie boxes, human checks, region locks, rate limits, maintenance, age gates,
  // sign-up overlays); checking slots 47, 49, 53, 56-58, 63, 65, 67, 68, in other words and shapes than any tuning
  // one (a maintenance page, an age gate, a parked domain, an expired session, a capitals cookie box, a removed
  // story, a robot tick box, a region lock without the word "region", a scripts-off shell, a German login wall).
  ["consent", "Cookie consent\nWe use necessary cookies to make our site work. We'd also like to set optional analytics cookies to help us improve it. We won't set optional cookies unless you enable them.\nAccept additional cookies\nReject additional cookies\nView cookies"],
  ["browser", "Are you a robot?\nPlease confirm that you are a human by completing the challenge below. We need to make sure that the request is not automated.\nContinue"],
  ["region", "Access restricted\nThis service is not available in your country or region. We apologise for any inconvenience.\nLearn more"],
  ["maintenance", "Scheduled maintenance\nOur website is currently undergoing scheduled maintenance. We should be back shortly. Thank you for your patience.\nFollow us for updates"],
  ["access denied", "Too Many Requests\nYou have sent too many requests in a given amount of time. Please slow down and try again in a few minutes.\nError 429"],
  ["age gate", "Are you over 18?\nYou must be of legal drinking age in your country to enter this site.\nYes, enter\nNo, leave"],
  ["maintenance", "We'll be back soon!\nSorry for the inconvenience but we're performing some maintenance at the moment. We'll be back online shortly!\n— The Team"],
  ["not found", "Error 404\nThe page you requested could not be found. It may have been deleted or the address may be incorrect.\nHome | News | Contact"],
  ["wall", "Register to keep reading\nCreate a free account to continue reading this article and get access to newsletters and comments.\nContinue with Google\nContinue with email\nAlready have an account? Sign in"],
  ["parked", "This domain is for sale!\nThe owner of this domain is offering it for sale. Make an offer today.\nRelated searches\nBreaking News Today\nLocal Newspaper\nOnline News Sites"],
  ["consent", "Datenschutzeinstellungen\nWir nutzen Cookies auf unserer Website. Einige von ihnen sind essenziell, während andere uns helfen, diese Website und Ihre Erfahrung zu verbessern.\nAlle akzeptieren\nSpeichern\nIndividuelle Datenschutzeinstellungen"],
  ["app shell", "This site requires JavaScript\nTo view this content, turn on JavaScript in your browser and refresh the page.\nHow to enable JavaScript"],
  ["wall", "Session expired\nYour session has timed out due to inactivity. For your security, please sign in again to pick up where you left off.\nSign in again"],
  ["consent", "COOKIE SETTINGS\nThis site stores small files on your device so pages load faster and we can count visits. Some partners use them to tailor the adverts you see.\nAccept\nDecline\nCustomise"],
  ["not found", "Content removed\nThis article has been removed following a legal complaint. We apologise for any inconvenience.\nRead our corrections policy"],
  ["browser", "Verify you are human by completing the action below.\nnews.example needs to review the security of your connection before proceeding.\nVerification successful\nWaiting for news.example to respond..."],
  ["age gate", "Age verification\nThis content may not be suitable for all audiences. Please confirm your date of birth to continue.\nDay\nMonth\nYear\nEnter"],
  ["wall", "Get our morning briefing\nSign up for the newsletter and get the day's top stories delivered to your inbox every morning.\nEmail address\nSign up\nNo thanks"],
  ["not found", "Service Unavailable\nThe server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later."],
  ["browser", "Verifying you are not a robot\nTick the box below to prove you are a person and not an automated program. Your answer helps keep the site safe from spam.\nI'm not a robot\nPrivacy - Terms"],
  ["region", "Video unavailable\nThe uploader has not made this video available in your country.\nWatch later\nShare"],
  ["region", "Not available here\nReaders in your part of the world cannot open our site at the moment while we work through new local rules on data. We hope to restore access soon.\nRead more about this"],
  ["access denied", "Zugriff verweigert\nSie haben keine Berechtigung, auf diese Seite zuzugreifen. Bitte wenden Sie sich an den Administrator.\nFehlercode: 403"],
  ["app shell", "Loading…\nThis page needs a browser feature that is switched off. Turn on scripts in your settings and then refresh to view the story."],
  ["wall", "Anmeldung erforderlich\nUm diesen Beitrag zu lesen, melden Sie sich bitte mit Ihrem Konto an oder registrieren Sie sich kostenlos.\nAnmelden\nRegistrieren"],
];

export const NOTICE_PAGES: readonly NoticePage[] = PAGES.map(([kind, text], i) => {
  const id = `notice-${String(i + 1).padStart(2, "0")}`;
  return { id, kind, text, half: halfOf(id) };
});
