import type {RulePack} from './types.js'

// Patterns match one normalized block, case-insensitively (`iu`). Buttons and
// headings are anchored at both ends; long notices are anchored at the start
// and bounded by `maxLength`, so prose that merely mentions the words survives.

/** Word edges that know accented letters: JS `\b` only knows ASCII, so `abonné\b` never matches. */
const WS = String.raw`(?<![\p{L}\p{N}])`
const WE = String.raw`(?![\p{L}\p{N}])`
/** Trailing decoration a heading or button may carry ("Mehr zum Thema:", "Weiter »"). */
const END = String.raw`[ :.!?…»›>|)\-–]{0,4}$`
const NETWORKS = 'facebook|twitter|x|whatsapp|linkedin|xing|pinterest|telegram|reddit|flipboard|threads|bluesky|mastodon|messenger|instagram|e-?mail|mail'
const LEGAL =
  'impressum|datenschutzerklärung|datenschutzhinweise|datenschutzbestimmungen|datenschutzeinstellungen|datenschutz|agb|nutzungsbedingungen|barrierefreiheit|cookie-einstellungen|cookie-richtlinie|widerrufsbelehrung|haftungsausschluss|rechtliche hinweise|verträge hier kündigen'
const FOOTER = `${LEGAL}|kontakt|über uns|hilfe|sitemap|mediadaten|karriere|jobs|presse|werben|abo|faq`

/** German boilerplate rules. */
const de: RulePack = {
  language: 'de',
  rules: [
    // Cookies and consent.
    {
      id: 'cookie/notice',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:diese|unsere) (?:web-?)?(?:site|seite|webseite|website|internetseite|homepage|plattform|app) (?:verwendet|nutzt|benutzt|setzt|speichert)${WE}.{0,80}${WS}cookies${WE}|^wir (?:verwenden|nutzen|benutzen|setzen|speichern)${WE}.{0,40}${WS}cookies${WE}|^(?:um|damit) .{0,120}${WS}(?:verwenden|nutzen|setzen) wir${WE}.{0,30}${WS}cookies${WE}`,
      reason: 'cookie notice (de)',
      maxLength: 600
    },
    {
      id: 'cookie/by-continuing',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:durch|mit|bei) (?:der |die )?(?:weitere[n]? )?(?:nutzung|verwendung|benutzung)${WE}.{0,120}${WS}(?:cookies|datenschutzerklärung|datenschutzbestimmungen)${WE}|^wenn sie (?:diese|unsere|die) (?:web)?(?:site|seite|webseite|website)${WE}.{0,100}${WS}cookies${WE}`,
      reason: 'cookie consent notice (de)',
      maxLength: 400
    },
    {
      id: 'cookie/button',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:alle |nur (?:notwendige|essenzielle|essentielle|erforderliche) )?cookies (?:akzeptieren|zulassen|erlauben|ablehnen|verwalten|anpassen)$|^cookie-? ?(?:einstellungen|richtlinie|richtlinien|hinweis|hinweise|erklärung|präferenzen|verwaltung|zustimmung)$|^(?:notwendige|essenzielle|essentielle|erforderliche|funktionale|technisch notwendige|statistik-?|marketing-?) ?cookies$`,
      reason: 'cookie banner control (de)',
      maxLength: 50
    },
    {
      id: 'consent/button',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:alle (?:akzeptieren|ablehnen|zulassen|auswählen)|alles akzeptieren|akzeptieren(?: und (?:weiter|schließen|fortfahren))?|zustimmen(?: und (?:weiter|fortfahren))?|ablehnen|einverstanden|ich stimme zu|ich bin einverstanden|auswahl (?:speichern|bestätigen|erlauben|zulassen)|einstellungen (?:speichern|verwalten|anpassen)|(?:datenschutz|privatsphäre)-? ?(?:einstellungen|center|präferenzen)|(?:einwilligungen?|zustimmung|präferenzen) verwalten)$`,
      reason: 'consent banner control (de)',
      maxLength: 50
    },
    {
      id: 'consent/banner',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^wir und unsere (?:\d+ )?(?:partner|drittanbieter)${WE}|^(?:mit|durch) (?:dem )?(?:klick|klicken|tippen) auf .{0,40}${WS}(?:akzeptieren|zustimmen|einverstanden|zulassen)${WE}|^wir (?:benötigen|brauchen) (?:ihre|deine) (?:zustimmung|einwilligung)${WE}`,
      reason: 'consent banner (de)',
      maxLength: 700
    },
    {
      id: 'consent/external-content',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:externer inhalt|empfohlener (?:redaktioneller )?inhalt|externe inhalte (?:aktivieren|laden|anzeigen|erlauben)|inhalt (?:laden|anzeigen|entsperren))$|^(?:ich bin )?damit einverstanden, dass mir externe inhalte angezeigt werden${WE}|^an dieser stelle (?:finden sie|ist|befindet sich) (?:einen |ein )?(?:externen? inhalt|inhalt von)${WE}`,
      reason: 'placeholder for blocked external content (de)',
      maxLength: 400
    },
    // Newsletters.
    {
      id: 'newsletter/sign-up',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:jetzt |hier )?(?:(?:den|unseren|zum|kostenlosen|gratis) ){0,2}(?:[\p{L}-]{1,30}-)?newsletter (?:abonnieren|bestellen|anmelden)(?: und .{0,100})?${END}|^(?:abonnieren|bestellen|abonniere|bestelle) (?:sie |du )?(?:jetzt )?(?:hier )?(?:(?:unseren|den|kostenlosen|gratis|täglichen|wöchentlichen) ){0,3}(?:[\p{L}-]{1,30}-)?newsletter${WE}|^(?:melden sie sich|melde dich|registrieren sie sich|registriere dich|tragen sie sich|trag dich)${WE}.{0,60}${WS}newsletter${WE}`,
      reason: 'newsletter sign-up prompt (de)',
      maxLength: 250
    },
    {
      id: 'newsletter/inbox',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^.{0,80}${WS}newsletter${WE}.{0,100}${WS}in (?:ihr|dein|ihren|deinen) (?:e-mail-)?(?:postfach|posteingang)${WE}|^.{0,80}${WS}in (?:ihr|dein) (?:e-mail-)?(?:postfach|posteingang)${WE}.{0,60}${WS}newsletter${WE}`,
      reason: 'newsletter sign-up prompt (de)',
      maxLength: 250
    },
    {
      id: 'newsletter/form',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:ihre |deine )?e-?mail-?adresse(?: eingeben)?\*?$|^(?:bitte )?(?:geben sie|gib) (?:ihre|deine) e-?mail-?adresse ein${WE}|^(?:vielen )?dank für (?:ihre|deine) (?:newsletter-?)?(?:anmeldung|registrierung)${WE}`,
      reason: 'newsletter form text (de)',
      maxLength: 150
    },
    {
      id: 'newsletter/never-miss',
      category: 'newsletter',
      kind: 'terminator',
      pattern: String.raw`^(?:nie wieder|keine (?:news|nachrichten|artikel|story|geschichte|neuigkeiten|meldung|folge|ausgabe) mehr|nichts mehr) (?:etwas )?verpassen${END}|^(?:verpassen sie|verpasse|verpass) (?:keine (?:news|nachrichten|artikel|story|geschichte|neuigkeiten|meldungen?|folge|ausgabe|updates?)|nichts)(?: mehr)?(?: aus .{1,30})?${END}`,
      reason: 'newsletter prompt: what follows is site chrome (de)',
      maxLength: 70
    },
    // Related content.
    {
      id: 'related/terminating-heading',
      category: 'related',
      kind: 'terminator',
      pattern: String.raw`^(?:mehr zu(?:m| diesem) thema|zum thema|das (?:könnte|dürfte) (?:sie|dich) auch interessieren|(?:das )?könnte (?:sie|dich) auch interessieren|(?:auch|ebenfalls) interessant|weitere (?:artikel|beiträge|nachrichten|meldungen|news|themen|geschichten)(?: zum thema| aus .{1,30}| von .{1,30})?|(?:ähnliche|verwandte|passende|empfohlene) (?:artikel|beiträge|themen|nachrichten|news)|passend (?:zum thema|dazu)|(?:unsere )?empfehlungen(?: der redaktion| für sie| für dich)?|empfehlung der redaktion|lesen sie (?:auch|mehr|dazu)|auch lesenswert|meistgelesen(?:e(?: artikel| beiträge| nachrichten)?)?|meist(?:kommentiert|geteilt|gesehen)e(?: artikel| beiträge)?|am meisten gelesen|top-?(?:artikel|themen|news|nachrichten)|(?:die )?beliebteste[n]? (?:artikel|beiträge|themen)|(?:neueste|aktuelle|letzte) (?:artikel|beiträge|nachrichten|meldungen|news)|mehr (?:aus|von) .{1,40}|mehr (?:artikel|nachrichten|news|meldungen|beiträge|geschichten)(?: aus .{1,30}| zum thema| von .{1,30})?|andere leser (?:lasen|interessierten sich) auch)${END}`,
      reason: 'related-content heading: what follows is site chrome (de)'
    },
    {
      id: 'related/inline-teaser',
      category: 'related',
      kind: 'block',
      pattern: String.raw`^(?:lesen sie (?:auch|dazu|mehr|hier)|mehr (?:zum thema|dazu)|auch interessant|zum thema|siehe auch|lesetipp|hier weiterlesen) ?[:»›|–-] ?.{3,180}$`,
      reason: 'inline link to another article (de)',
      maxLength: 200
    },
    // Sharing.
    {
      id: 'share/button',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:teilen|jetzt teilen|(?:diesen )?(?:artikel|beitrag|seite|story|video) (?:teilen|versenden|drucken|merken|empfehlen)|drucken|druckversion|versenden|per (?:e-?mail|mail) (?:teilen|versenden|senden|empfehlen)|link kopieren|link kopiert|merken|gemerkt|zur merkliste(?: hinzufügen)?|(?:(?:auf|bei|via|per|über|mit|in) )?(?:${NETWORKS}) (?:teilen|versenden|empfehlen|posten|twittern|senden|folgen)|teilen (?:auf|bei|via|per|über) (?:${NETWORKS}))$`,
      reason: 'share button (de)',
      maxLength: 50
    },
    {
      id: 'share/follow-us',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:folgen sie uns|folge uns|folgt uns|besuchen sie uns|werden sie fan)${WE}.{0,100}$|^(?:jetzt )?(?:(?:unserem|dem|unseren|den) )?(?:[\p{L}.-]{1,30} )?(?:whatsapp|telegram)-?kanal (?:folgen|abonnieren)${WE}.{0,80}$`,
      reason: 'social follow prompt (de)',
      maxLength: 160
    },
    // Comments.
    {
      id: 'comments/terminating-heading',
      category: 'comments',
      kind: 'terminator',
      pattern: String.raw`^(?:\d+ )?(?:kommentare|leserkommentare)(?: ?\(\d+\)| ?: ?\d+)?${END}|^(?:(?:einen |ihren |deinen )?kommentar|antwort) (?:schreiben|hinterlassen|verfassen|abgeben|posten)${END}|^(?:schreiben sie|schreibe|hinterlassen sie|hinterlasse|verfassen sie) (?:einen|ihren|deinen) kommentar${END}|^(?:diskutieren sie mit|jetzt (?:mit)?diskutieren|jetzt kommentieren|kommentieren|(?:alle )?kommentare (?:anzeigen|lesen|laden|einblenden)|zu den kommentaren)${END}`,
      reason: 'comments section: what follows is site chrome (de)'
    },
    {
      id: 'comments/form',
      category: 'comments',
      kind: 'block',
      pattern: String.raw`^(?:ihre|deine) e-?mail-?adresse wird nicht veröffentlicht${WE}|^erforderliche felder sind (?:mit \* )?markiert${WE}|^(?:die )?kommentarfunktion (?:ist|wurde) (?:für diesen (?:artikel|beitrag) )?(?:deaktiviert|geschlossen|nicht (?:mehr )?(?:verfügbar|aktiviert))${WE}|^kommentare sind (?:geschlossen|deaktiviert)${WE}|^meinen namen, (?:meine )?e-?mail${WE}|^(?:kommentar (?:abschicken|absenden|senden)|antworten|antwort abbrechen|antworten abbrechen)$`,
      reason: 'comment form text (de)',
      maxLength: 250
    },
    // Legal.
    {
      id: 'legal/rights-reserved',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:(?:©|\(c\)|copyright) .{0,100} )?alle rechte vorbehalten[ .!]{0,2}$|^(?:nachdruck|vervielfältigung|weiterverbreitung|weiterverwendung) (?:nur )?(?:mit|nach) (?:(?:ausdrücklicher|schriftlicher|vorheriger) ){0,2}(?:genehmigung|zustimmung)${WE}|^(?:©\s?)?dpa-infocom${WE}|^dpa:\d{6}-\d{2}-\d{3,9}/\d{1,3}$`,
      reason: 'copyright line (de)',
      maxLength: 250
    },
    {
      id: 'legal/footer-link',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:${LEGAL})(?:[ |·•,/–-]|${FOOTER}){0,80}$`,
      reason: 'legal footer links (de)',
      maxLength: 160
    },
    // Navigation.
    {
      id: 'navigation/control',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:zum (?:haupt)?inhalt(?: springen| wechseln)?|direkt zum (?:haupt)?inhalt|zur (?:haupt)?navigation(?: springen)?|(?:zur|zurück zur) (?:startseite|übersicht|suche)|navigation (?:überspringen|öffnen|schließen)|menü(?: öffnen| schließen| anzeigen)?|hauptmenü|suche(?: öffnen| schließen| starten)?|suchen|startseite|nach oben|zurück(?: nach oben)?|(?:zum )?seitenanfang|anmelden|abmelden|einloggen|ausloggen|registrieren|mein konto|mein profil|(?:vorheriger|nächster) (?:artikel|beitrag)|weiter|zurück zum artikel|(?:alle )?ressorts|rubriken|weiterlesen|mehr lesen|mehr anzeigen|alle anzeigen|mehr laden|mehr erfahren|zum artikel|zum beitrag|artikel lesen|hier klicken|alle (?:artikel|beiträge|meldungen|nachrichten))${END}`,
      reason: 'navigation control (de)',
      maxLength: 50
    },
    {
      id: 'navigation/breadcrumb',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^sie (?:sind|befinden sich) (?:hier|gerade) ?:|^startseite ?[>›»/|]`,
      reason: 'breadcrumb (de)',
      maxLength: 250
    },
    {
      id: 'navigation/tags',
      category: 'navigation',
      kind: 'terminator',
      pattern: String.raw`^(?:themen|schlagworte|schlagwörter|stichworte|stichwörter|mehr zu den themen|alle themen)${END}`,
      reason: 'topic tags: what follows is site chrome (de)'
    },
    {
      id: 'navigation/tag-list',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:themen|schlagworte|schlagwörter|stichworte|stichwörter) ?: .{1,200}$`,
      reason: 'topic tags (de)',
      maxLength: 220
    },
    // Paywalls.
    {
      id: 'paywall/prompt',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:dieser|der|diesen) (?:artikel|beitrag|inhalt|text) (?:ist|steht|gibt es|können sie) .{0,40}${WS}(?:abonnent(?:en|innen)?|abonnement|abo|abos|plus-?(?:abo|kunden|leser)|registrierte[n]? (?:nutzer|leser))${WE}|^(?:bereits|schon) (?:abonnent(?:in)?|abonniert|registriert|kunde|kundin|ein abo)${WE}|^(?:sie haben|haben sie|du hast|hast du) (?:bereits|schon) (?:ein(?:en)? )?(?:abo|abonnement|zugang|konto|account|digital-?abo)${WE}|^jetzt (?:weiterlesen|abonnieren|abo abschließen|abo sichern|gratis testen|kostenlos testen|upgraden|freischalten|kostenlos registrieren)${WE}|^(?:um|zum) .{0,40}${WS}(?:weiterzulesen|weiter ?lesen|vollständig zu lesen|lesen zu können)${WE}.{0,60}${WS}(?:abo|abonnement|abonnieren|anmelden|registrieren|einloggen|plus|\+)|^weiterlesen mit .{1,40}$|^(?:exklusiv|nur) für (?:abonnent(?:en|innen)|abonnierende|plus-?(?:abonnenten|kunden|leser)|registrierte (?:nutzer|leser))${WE}`,
      reason: 'paywall prompt (de)',
      maxLength: 250
    },
    {
      id: 'paywall/button',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:abo(?:nnement)? (?:abschließen|bestellen|sichern|testen|wählen)|abonnieren|abo-?angebote|zum abo|zu den abo-angeboten|digital-?abo|e-?paper|gratis testen|kostenlos testen)${END}`,
      reason: 'subscription button (de)',
      maxLength: 40
    },
    // Ads.
    {
      id: 'ad/label',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^[-–— ]{0,4}(?:anzeige|werbung|gesponsert|gesponserte[rs]? (?:inhalt|beitrag|artikel|links?)|advertorial|partnerinhalt|bezahlte (?:partnerschaft|anzeige|kooperation)|werbemitteilung|enthält werbung|unbezahlte werbung)[-–— ]{0,4}$`,
      reason: 'advertising label (de)',
      maxLength: 40
    },
    {
      id: 'ad/continues',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^(?:(?:der )?(?:artikel|text|beitrag|bericht) (?:geht|wird) (?:nach|unter|unterhalb) der (?:anzeige|werbung) (?:weiter|fortgesetzt)|(?:weiter|weiterlesen|mehr|lesen sie weiter|es geht weiter) (?:nach|unter) der (?:anzeige|werbung)(?: weiter)?|(?:lesen sie )?nach der (?:anzeige|werbung) weiter(?:lesen)?|(?:anzeige ?[-–|:] ?)?(?:bitte )?(?:scrollen sie weiter|weiter scrollen)${WE}.{0,40})[ .!…]{0,3}$|^(?:affiliate-?hinweis|transparenz-?hinweis|werbehinweis)${WE}|^(?:für|bei) (?:links|käufen) (?:auf|über) diese[rn]? seite${WE}.{0,40}${WS}provision${WE}`,
      reason: 'advertising notice (de)',
      maxLength: 400
    },
    // Bylines, dates, reading time.
    {
      id: 'byline/date',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:(?:zuletzt )?(?:veröffentlicht|aktualisiert|publiziert|erstellt|geändert)(?: am)?|stand|datum) ?:? ?\d{1,2}\. ?(?:\d{1,2}\.|\p{L}{3,9}\.?) ?\d{2,4}${WE}.{0,40}$|^von [^.!?]{3,60} (?:publiziert|veröffentlicht|aktualisiert) am${WE}.{0,50}$`,
      reason: 'publication date line (de)',
      maxLength: 140
    },
    {
      id: 'byline/reading-time',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:lesezeit|lesedauer)(?: ca\.)? ?:? ?(?:ca\. |etwa )?\d{1,3} ?min(?:\.|uten?)?${WE}.{0,20}$|^\d{1,3} ?min(?:\.|uten)? (?:lesezeit|lesedauer)$`,
      reason: 'reading time (de)',
      maxLength: 60
    },
    {
      id: 'byline/author-box',
      category: 'byline',
      kind: 'terminator',
      pattern: String.raw`^(?:über (?:den autor|die autorin|die autoren|die autorinnen|den verfasser|die verfasserin)|zur person|mehr von (?:diesem autor|dieser autorin))${END}`,
      reason: 'author box: what follows is site chrome (de)'
    },
    // Media credits and players.
    {
      id: 'media/credit',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^\(?(?:foto|fotos|bild|bilder|bildquelle|fotoquelle|grafik|illustration|titelbild|archivbild|symbolbild|collage|montage|fotograf(?:in)?)(?: ?/ ?\p{L}{1,10})? ?[:©|] ?.{1,140}$|^(?:symbolbild|archivbild|titelbild|symbolfoto|archivfoto)$`,
      reason: 'photo credit (de)',
      maxLength: 160
    },
    {
      id: 'media/player',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^(?:(?:video|audio|podcast) )?(?:abspielen|ansehen|anhören|anschauen)$|^(?:zum|zur|zu den) (?:video|videos|bildergalerie|galerie|fotostrecke|audio|podcast)$|^(?:bildergalerie|fotostrecke|galerie)(?: ansehen| öffnen| starten| anzeigen)?$|^(?:artikel|beitrag|text) (?:vorlesen(?: lassen)?|anhören)$|^(?:vorlesen|pausieren|wiedergabe)$|^\d{1,3} bilder$|^bild \d{1,3} (?:von|/) \d{1,3}$`,
      reason: 'media player or gallery control (de)',
      maxLength: 50
    }
  ]
}

export default de
