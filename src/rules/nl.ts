import type {RulePack} from './types.js'

// Patterns match one normalized block, case-insensitively (`iu`). Buttons and
// headings are anchored at both ends; long notices are anchored at the start
// and bounded by `maxLength`, so prose that merely mentions the words survives.
// Dutch sites address readers as "je" or "u"; both are covered.

/** Word edges that know accented letters: JS `\b` only knows ASCII, so `abonné\b` never matches. */
const WS = String.raw`(?<![\p{L}\p{N}])`
const WE = String.raw`(?![\p{L}\p{N}])`
/** Trailing decoration a heading or button may carry ("Lees ook:", "Lees meer »"). */
const END = String.raw`[ :.!?…»›>|)\-–]{0,4}$`
const NETWORKS = 'facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|flipboard|threads|bluesky|mastodon|messenger|instagram|e-?mail|mail'
const LEGAL = 'privacyverklaring|privacybeleid|privacy statement|cookieverklaring|cookiebeleid|cookie-instellingen|cookie instellingen|algemene voorwaarden|gebruiksvoorwaarden|toegankelijkheid|colofon'
const FOOTER = `${LEGAL}|disclaimer|contact|over ons|klantenservice|adverteren|vacatures|sitemap|veelgestelde vragen|help|faq`

/** Dutch boilerplate rules. */
const nl: RulePack = {
  language: 'nl',
  rules: [
    // Cookies and consent.
    {
      id: 'cookie/notice',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:deze|onze) (?:website|site|webwinkel) (?:maakt gebruik van|gebruikt|plaatst)${WE}.{0,60}${WS}cookies${WE}|^(?:wij|we) (?:gebruiken|maken gebruik van|plaatsen)${WE}.{0,40}${WS}cookies${WE}`,
      reason: 'cookie notice (nl)',
      maxLength: 600
    },
    {
      id: 'cookie/by-continuing',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:door (?:verder te (?:gaan|surfen|klikken)|gebruik te maken|deze (?:website|site) te gebruiken|op .{1,30} te klikken)|als (?:je|u) verder (?:gaat|surft|klikt))${WE}.{0,120}${WS}(?:cookies|privacyverklaring|privacybeleid|akkoord)${WE}`,
      reason: 'cookie consent notice (nl)',
      maxLength: 400
    },
    {
      id: 'cookie/button',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:alle )?cookies (?:accepteren|toestaan|weigeren|afwijzen|beheren|aanpassen)$|^cookie-? ?(?:instellingen|voorkeuren|melding)$|^(?:noodzakelijke|functionele|analytische|marketing|tracking) ?cookies$`,
      reason: 'cookie banner control (nl)',
      maxLength: 50
    },
    {
      id: 'consent/button',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:alles (?:accepteren|toestaan|weigeren|afwijzen)|accepteren(?: en (?:doorgaan|sluiten))?|akkoord(?: en doorgaan| en sluiten)?|ik ga akkoord|weigeren|afwijzen|doorgaan zonder (?:te )?accepteren|instellingen (?:aanpassen|beheren|opslaan)|voorkeuren (?:beheren|aanpassen|opslaan)|keuze opslaan|privacy-?instellingen|privacyvoorkeuren)$`,
      reason: 'consent banner control (nl)',
      maxLength: 50
    },
    {
      id: 'consent/banner',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:wij|we) en (?:onze|onze \d+) (?:partners|leveranciers)${WE}|^(?:door|als (?:je|u)) (?:op )?.{0,30}${WS}(?:akkoord|accepteren|toestaan)${WE}.{0,10}${WS}(?:te )?(?:klikken|klikt)${WE}|^(?:deze|hier staat) (?:externe )?(?:inhoud|content) (?:kan niet worden|wordt niet) (?:getoond|weergegeven)${WE}`,
      reason: 'consent banner (nl)',
      maxLength: 700
    },
    // Newsletters.
    {
      id: 'newsletter/sign-up',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:schrijf (?:je|u) in|meld (?:je|u) (?:nu )?aan|abonneer (?:je|u)|ontvang|aanmelden|inschrijven|abonneren)${WE}.{0,40}${WS}(?:nieuwsbrief|nieuwsbrieven|newsletter)${WE}|^(?:nieuwsbrief|newsletter) (?:ontvangen|aanmelden|abonneren|inschrijven)${END}`,
      reason: 'newsletter sign-up prompt (nl)',
      maxLength: 250
    },
    {
      id: 'newsletter/inbox',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^.{0,80}${WS}(?:nieuwsbrief|newsletter)${WE}.{0,100}${WS}in (?:je|jouw|uw) (?:mailbox|inbox|e-?mail)${WE}|^.{0,80}${WS}in (?:je|jouw|uw) (?:mailbox|inbox)${WE}.{0,60}${WS}(?:nieuwsbrief|newsletter)${WE}`,
      reason: 'newsletter sign-up prompt (nl)',
      maxLength: 250
    },
    {
      id: 'newsletter/form',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:je |jouw |uw )?e-?mail-?adres\*?$|^(?:vul|voer) (?:je|jouw|uw) e-?mail-?adres in${WE}|^bedankt voor (?:je|jouw|uw) (?:inschrijving|aanmelding)${WE}`,
      reason: 'newsletter form text (nl)',
      maxLength: 150
    },
    {
      id: 'newsletter/never-miss',
      category: 'newsletter',
      kind: 'terminator',
      pattern: String.raw`^mis (?:geen|niets|nooit meer)${WE}.{0,50}$|^(?:nooit meer|niets meer) (?:iets )?missen${END}`,
      reason: 'newsletter prompt: what follows is site chrome (nl)',
      maxLength: 70
    },
    // Related content.
    {
      id: 'related/terminating-heading',
      category: 'related',
      kind: 'terminator',
      pattern: String.raw`^(?:gerelateerde (?:artikelen|berichten|verhalen|content)|gerelateerd|lees ook|lees meer|lees verder|meer over (?:dit onderwerp|.{1,30})|meer nieuws(?: over .{1,30}| uit .{1,30})?|meer (?:artikelen|verhalen|berichten)(?: over .{1,30})?|meer (?:van|uit) .{1,40}|ook interessant|(?:dit )?(?:vind|vindt) (?:je|u) (?:misschien|wellicht) ook (?:interessant|leuk)|misschien ook interessant|(?:dit )?(?:is|zijn) (?:misschien|wellicht) ook interessant(?: voor (?:je|u))?|aanbevolen(?: voor (?:jou|u))?|(?:meest|best) (?:gelezen|bekeken|gedeeld)|populair(?:e artikelen)?|laatste nieuws|net binnen|bekijk ook|anderen (?:lazen|bekeken) ook|uitgelicht|tip van de redactie)${END}`,
      reason: 'related-content heading: what follows is site chrome (nl)'
    },
    {
      id: 'related/inline-teaser',
      category: 'related',
      kind: 'block',
      pattern: String.raw`^(?:lees ook|lees meer|lees verder|bekijk ook|zie ook|ook interessant) ?[:»›|–-] ?.{3,180}$`,
      reason: 'inline link to another article (nl)',
      maxLength: 200
    },
    // Sharing.
    {
      id: 'share/button',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:delen|deel|deel dit (?:artikel|bericht|verhaal)|dit artikel delen|(?:delen|deel) (?:via|op) (?:${NETWORKS})|(?:via|op) (?:${NETWORKS}) delen|mailen|printen|afdrukken|link kopiëren|link gekopieerd|opslaan|bewaren|artikel (?:opslaan|bewaren|printen))$`,
      reason: 'share button (nl)',
      maxLength: 50
    },
    {
      id: 'share/follow-us',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:volg (?:ons|ons ook)|volg .{1,30} ook) (?:op|via)${WE}.{0,100}$|^(?:word lid van|volg) (?:ons|onze) (?:whatsapp|telegram)-?(?:kanaal|groep)${WE}.{0,80}$`,
      reason: 'social follow prompt (nl)',
      maxLength: 160
    },
    // Comments.
    {
      id: 'comments/terminating-heading',
      category: 'comments',
      kind: 'terminator',
      pattern: String.raw`^(?:\d+ )?reacties?(?: ?\(\d+\)| ?: ?\d+)?${END}|^(?:plaats|schrijf|geef) een reactie${END}|^laat een reactie achter${END}|^(?:reageer|reageren|reageer op dit artikel|(?:bekijk|toon|lees) (?:alle )?reacties|praat mee|discussieer mee)${END}`,
      reason: 'comments section: what follows is site chrome (nl)'
    },
    {
      id: 'comments/form',
      category: 'comments',
      kind: 'block',
      pattern: String.raw`^(?:je|uw) e-?mailadres (?:wordt|zal) niet (?:gepubliceerd|getoond)${WE}|^vereiste velden zijn gemarkeerd${WE}|^(?:reacties zijn gesloten|reageren is niet (?:meer )?mogelijk)${WE}|^mijn naam, e-?mail${WE}|^(?:reactie (?:plaatsen|versturen)|annuleer reactie|beantwoorden)$|^(?:je moet|u moet) (?:ingelogd zijn|inloggen) om (?:te reageren|een reactie te plaatsen)${WE}`,
      reason: 'comment form text (nl)',
      maxLength: 250
    },
    // Legal.
    {
      id: 'legal/rights-reserved',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:(?:©|\(c\)|copyright) .{0,100} )?alle rechten voorbehouden[ .!]{0,2}$|^(?:niets uit deze uitgave|overname) .{0,80}${WS}(?:zonder|met) (?:voorafgaande )?(?:schriftelijke )?toestemming${WE}`,
      reason: 'copyright line (nl)',
      maxLength: 250
    },
    {
      id: 'legal/footer-link',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:${LEGAL})(?:[ |·•,/–-]|${FOOTER}){0,80}$`,
      reason: 'legal footer links (nl)',
      maxLength: 160
    },
    // Navigation.
    {
      id: 'navigation/control',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:(?:ga|spring|direct) naar (?:de )?(?:inhoud|hoofdinhoud|content|navigatie)|naar de inhoud springen|terug naar (?:boven|home|de homepage|het overzicht)|naar boven|(?:open|sluit) (?:het )?menu|hoofdmenu|zoeken|inloggen|uitloggen|registreren|mijn account|mijn profiel|(?:vorig|volgend) artikel|vorige|volgende|meer laden|toon meer|bekijk alles|alle artikelen|alle nieuws|rubrieken)${END}`,
      reason: 'navigation control (nl)',
      maxLength: 50
    },
    {
      id: 'navigation/breadcrumb',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:u bent|je bent|jij bent) hier ?:|^(?:home|start|voorpagina) ?[>›»/|]`,
      reason: 'breadcrumb (nl)',
      maxLength: 250
    },
    {
      id: 'navigation/tags',
      category: 'navigation',
      kind: 'terminator',
      pattern: String.raw`^(?:onderwerpen|trefwoorden|tags|thema's|thema’s|lees meer over)${END}`,
      reason: 'topic tags: what follows is site chrome (nl)'
    },
    // Paywalls.
    {
      id: 'paywall/prompt',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:dit )?(?:artikel|verhaal|stuk) is (?:alleen|exclusief|uitsluitend) (?:voor|beschikbaar voor) (?:abonnees|leden|premium-?leden)${WE}|^(?:al|bent u al|ben je al) (?:abonnee|lid|geabonneerd)${WE}|^(?:word abonnee|neem een abonnement|log in) (?:om|en) (?:verder te lezen|dit artikel te lezen|alles te lezen)${WE}|^om (?:dit artikel|verder) te lezen${WE}.{0,80}${WS}(?:abonnee|abonnement|inloggen|log in|registreer)${WE}|^lees verder met (?:een )?.{1,40}$`,
      reason: 'paywall prompt (nl)',
      maxLength: 250
    },
    {
      id: 'paywall/button',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:word abonnee|abonneer(?: nu)?|abonnement(?: afsluiten)?|abonnementen|neem een abonnement|alleen voor abonnees|digitale krant|e-?paper|plus)${END}`,
      reason: 'subscription button (nl)',
      maxLength: 40
    },
    // Ads.
    {
      id: 'ad/label',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^[-–— ]{0,4}(?:advertentie|gesponsord|gesponsorde (?:inhoud|content|bijdrage|link)|partnerbijdrage|in samenwerking met .{1,30}|commerciële (?:bijdrage|samenwerking)|betaalde (?:samenwerking|partnerschap))[-–— ]{0,4}$`,
      reason: 'advertising label (nl)',
      maxLength: 60
    },
    {
      id: 'ad/continues',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^(?:het )?(?:artikel|verhaal|bericht) gaat (?:verder )?(?:onder|na) de (?:advertentie|reclame)(?: verder)?[ .!…]{0,3}$|^(?:lees )?verder (?:onder|na) de (?:advertentie|reclame)[ .!…]{0,3}$`,
      reason: 'advertising notice (nl)',
      maxLength: 80
    },
    // Bylines, dates, reading time.
    {
      id: 'byline/date',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:gepubliceerd|geplaatst|bijgewerkt|aangepast|laatste update)(?: op| om)? ?:? ?(?:\p{L}{6,9} )?\d{1,2}(?: |-|/)(?:\d{1,2}|\p{L}{3,9}\.?)(?: |-|/)\d{2,4}${WE}.{0,60}$`,
      reason: 'publication date line (nl)',
      maxLength: 140
    },
    {
      id: 'byline/reading-time',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:leestijd|leesduur) ?:? ?(?:ca\. |circa )?\d{1,3} ?min(?:\.|uut|uten)?${WE}.{0,20}$|^\d{1,3} ?min(?:\.|uten)? (?:leestijd|lezen)$`,
      reason: 'reading time (nl)',
      maxLength: 60
    },
    {
      id: 'byline/author-box',
      category: 'byline',
      kind: 'terminator',
      pattern: String.raw`^(?:over de (?:auteur|schrijver|schrijfster)|meer (?:artikelen |verhalen )?van deze (?:auteur|schrijver))${END}`,
      reason: 'author box: what follows is site chrome (nl)'
    },
    // Media.
    {
      id: 'media/credit',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^\(?(?:foto|foto's|foto’s|beeld|afbeelding|illustratie|archieffoto)(?: ter illustratie)? ?[:©|] ?.{1,140}$|^(?:archieffoto|foto ter illustratie|beeld ter illustratie|ter illustratie)$`,
      reason: 'photo credit (nl)',
      maxLength: 160
    },
    {
      id: 'media/player',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^(?:bekijk|speel) (?:de )?video(?: af)?$|^(?:luister|beluister)(?: naar)? (?:dit artikel|het artikel|de podcast)$|^bekijk (?:de )?(?:fotoserie|foto's|foto’s|fotogalerij)$|^(?:fotoserie|fotogalerij)$|^\d{1,3} foto's$|^foto \d{1,3} (?:van|/) \d{1,3}$`,
      reason: 'media player or gallery control (nl)',
      maxLength: 50
    }
  ]
}

export default nl
