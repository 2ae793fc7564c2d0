import type {RulePack} from './types.js'

// Patterns match one normalized block, case-insensitively (`iu`). Buttons and
// headings are anchored at both ends; long notices are anchored at the start
// and bounded by `maxLength`, so prose that merely mentions the words survives.
// Italian writes apostrophes both ways ("l'articolo", "l’articolo").

/** Word edges that know accented letters: JS `\b` only knows ASCII, so `abonné\b` never matches. */
const WS = String.raw`(?<![\p{L}\p{N}])`
const WE = String.raw`(?![\p{L}\p{N}])`
/** Trailing decoration a heading or button may carry ("Leggi anche:", "Continua a leggere »"). */
const END = String.raw`[ :.!?…»›>|)\-–]{0,4}$`
const A = `['’]`
const NETWORKS = 'facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|flipboard|threads|bluesky|mastodon|messenger|instagram|e-?mail|mail'
const LEGAL = `note legali|privacy policy|informativa (?:sulla )?privacy|informativa cookie|cookie policy|termini e condizioni|termini di (?:uso|servizio)|condizioni d${A}uso|condizioni generali|accessibilità|dichiarazione di accessibilità|gestione cookie|preferenze cookie`
const FOOTER = `${LEGAL}|contatti|contattaci|chi siamo|mappa del sito|pubblicità|lavora con noi|redazione|aiuto|faq`

/** Italian boilerplate rules. */
const it: RulePack = {
  language: 'it',
  rules: [
    // Cookies and consent.
    {
      id: 'cookie/notice',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:questo|il nostro) (?:sito(?: web| internet)?|portale) (?:utilizza|usa|fa uso di|impiega)${WE}.{0,60}${WS}cookie${WE}|^(?:utilizziamo|usiamo|impieghiamo)${WE}.{0,40}${WS}cookie${WE}|^noi e (?:terze parti selezionate|i nostri partner) (?:utilizziamo|usiamo)${WE}`,
      reason: 'cookie notice (it)',
      maxLength: 700
    },
    {
      id: 'cookie/by-continuing',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:proseguendo|continuando|chiudendo (?:questo banner|il banner)|scorrendo)${WE}.{0,120}${WS}(?:cookie|privacy|consenso|acconsenti)${WE}`,
      reason: 'cookie consent notice (it)',
      maxLength: 400
    },
    {
      id: 'cookie/button',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:accetta|rifiuta|gestisci|personalizza|consenti) (?:tutti )?(?:i )?cookie$|^(?:impostazioni|preferenze|gestione) (?:dei )?cookie$|^cookie (?:necessari|tecnici|analitici|di profilazione|di terze parti|funzionali|di marketing)$`,
      reason: 'cookie banner control (it)',
      maxLength: 50
    },
    {
      id: 'consent/button',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:accetta(?: tutto| tutti| e chiudi| e continua)?|accetto|rifiuta(?: tutto| tutti)?|continua senza accettare|personalizza|gestisci (?:le )?(?:preferenze|opzioni|impostazioni)|salva (?:le )?(?:preferenze|impostazioni|e esci)|scopri di più e personalizza|impostazioni (?:sulla |della )?privacy|preferenze (?:sulla |della )?privacy)$`,
      reason: 'consent banner control (it)',
      maxLength: 50
    },
    {
      id: 'consent/banner',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^noi e (?:i nostri|i nostri \d+|\d+) (?:partner|fornitori)${WE}|^(?:cliccando|facendo clic) su .{0,40}${WS}(?:accetta|accetto|acconsenti)${WE}|^(?:la tua|la sua) privacy è importante${WE}|^(?:questo )?contenuto (?:non è )?(?:disponibile|bloccato) (?:senza|finché non) .{0,40}${WS}(?:consenso|cookie)${WE}`,
      reason: 'consent banner (it)',
      maxLength: 700
    },
    // Newsletters.
    {
      id: 'newsletter/sign-up',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:iscriviti|iscrivetevi|iscriversi|abbonati|ricevi|ricevere|registrati) (?:gratuitamente |gratis )?(?:alla |alle |a |per ricevere (?:la |le )?)?(?:nostra |nostre |tua )?(?:\p{L}{1,20} )?(?:newsletters?|notifiche|alert)${WE}`,
      reason: 'newsletter sign-up prompt (it)',
      maxLength: 250
    },
    {
      id: 'newsletter/inbox',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^.{0,80}${WS}newsletter${WE}.{0,100}${WS}nella (?:tua|sua) (?:casella (?:di posta|email|e-mail)|email|e-mail|inbox)${WE}`,
      reason: 'newsletter sign-up prompt (it)',
      maxLength: 250
    },
    {
      id: 'newsletter/form',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:il tuo |la tua )?(?:indirizzo )?e-?mail\*?$|^(?:inserisci|inserire|scrivi) (?:il tuo |la tua )?(?:indirizzo )?e-?mail${WE}|^grazie per (?:esserti|esservi|essersi) (?:iscritt[oaie]|registrat[oaie])${WE}`,
      reason: 'newsletter form text (it)',
      maxLength: 150
    },
    {
      id: 'newsletter/never-miss',
      category: 'newsletter',
      kind: 'terminator',
      pattern: String.raw`^non perder(?:e|ti) (?:più )?(?:nessun[ao]?|niente|nulla)${WE}.{0,50}$`,
      reason: 'newsletter prompt: what follows is site chrome (it)',
      maxLength: 70
    },
    // Related content.
    {
      id: 'related/terminating-heading',
      category: 'related',
      kind: 'terminator',
      pattern: String.raw`^(?:articoli correlati|notizie correlate|post correlati|contenuti correlati|articoli simili|leggi anche|potrebbe(?:ro)? (?:anche )?interessarti(?: anche)?|ti (?:potrebbe|potrebbero|può|possono) (?:anche )?interessare|potrebbe (?:anche )?piacerti|ti potrebbe (?:anche )?piacere|(?:gli articoli |le notizie )?più (?:letti|lette|visti|viste|condivisi|popolari)|i più letti|le più lette|da non perdere|(?:le )?ultime notizie|altre notizie(?: .{1,30})?|altri articoli(?: .{1,30})?|(?:le )?notizie più lette|leggi di più|continua a leggere|scopri di più|consigliati per te|potrebbe interessarti anche|in evidenza|altro da .{1,30}|altro su .{1,30})${END}`,
      reason: 'related-content heading: what follows is site chrome (it)'
    },
    {
      id: 'related/inline-teaser',
      category: 'related',
      kind: 'block',
      pattern: String.raw`^(?:leggi anche|leggi pure|leggi|vedi anche|guarda anche|approfondisci|potrebbe interessarti|ti potrebbe interessare) ?[:»›|–-] ?.{3,180}$`,
      reason: 'inline link to another article (it)',
      maxLength: 200
    },
    // Sharing.
    {
      id: 'share/button',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:condividi|condividi (?:questo articolo|l${A}articolo|la notizia|su (?:${NETWORKS}))|invia (?:per|via) (?:e-?mail|mail)|invia (?:questo )?articolo|stampa(?: l${A}articolo| articolo)?|copia (?:il )?link|link copiato|salva(?: l${A}articolo| articolo)?|(?:condividi )?(?:su|via|per) (?:${NETWORKS}))$`,
      reason: 'share button (it)',
      maxLength: 50
    },
    {
      id: 'share/follow-us',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:seguici|seguiteci|segui(?:ci)? (?:la nostra pagina|il nostro canale)) (?:su|anche su|sui)${WE}.{0,100}$|^(?:entra|iscriviti) (?:nel|al) (?:nostro )?canale (?:whatsapp|telegram)${WE}.{0,80}$`,
      reason: 'social follow prompt (it)',
      maxLength: 160
    },
    // Comments.
    {
      id: 'comments/terminating-heading',
      category: 'comments',
      kind: 'terminator',
      pattern: String.raw`^(?:\d+ )?commenti(?: ?\(\d+\)| ?: ?\d+)?${END}|^(?:lascia|lasciare|scrivi|aggiungi|inserisci) un commento${END}|^(?:lascia|lasciare) una risposta${END}|^(?:commenta|commenti|(?:leggi|mostra|vedi) (?:i |tutti i )?commenti|partecipa alla discussione)${END}`,
      reason: 'comments section: what follows is site chrome (it)'
    },
    {
      id: 'comments/form',
      category: 'comments',
      kind: 'block',
      pattern: String.raw`^il tuo indirizzo (?:e-?mail|email) non sarà pubblicato${WE}|^i campi obbligatori sono contrassegnati${WE}|^i commenti sono (?:chiusi|disabilitati)${WE}|^salva il mio nome, (?:e-?mail|email)${WE}|^(?:annulla risposta|pubblica (?:il )?commento|invia commento|rispondi)$|^(?:devi|è necessario) (?:essere (?:registrato|connesso)|effettuare il login|accedere) per (?:commentare|pubblicare|lasciare)${WE}`,
      reason: 'comment form text (it)',
      maxLength: 250
    },
    // Legal.
    {
      id: 'legal/rights-reserved',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:(?:©|\(c\)|copyright) .{0,100} )?tutti i diritti (?:sono )?riservati[ .!]{0,2}$|^(?:© ?)?riproduzione riservata${WE}.{0,40}$|^(?:la )?riproduzione (?:anche parziale )?(?:è )?vietata${WE}|^.{0,150}${WS}(?:p\. ?iva|partita iva|p\.iva|c\.f\.(?: e p\. ?iva)?) ?:? ?(?:it ?)?\d{11}${WE}`,
      reason: 'copyright or company-id line (it)',
      maxLength: 250
    },
    {
      id: 'legal/footer-link',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:${LEGAL})(?:[ |·•,/–-]|${FOOTER}){0,80}$`,
      reason: 'legal footer links (it)',
      maxLength: 160
    },
    // Navigation.
    {
      id: 'navigation/control',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:vai al contenuto(?: principale)?|salta al contenuto(?: principale)?|vai alla navigazione|(?:torna (?:alla )?)?(?:homepage|home page|pagina iniziale)|torna su|torna all${A}inizio|torna indietro|(?:apri|chiudi) (?:il )?menu|menu principale|cerca|ricerca|accedi|esci|registrati|il mio account|area (?:riservata|personale)|(?:articolo|post) (?:precedente|successivo)|precedente|successivo|mostra (?:di )?più|carica (?:altri|di più)|vedi (?:tutto|tutti|tutte)|tutte le notizie|sezioni)${END}`,
      reason: 'navigation control (it)',
      maxLength: 50
    },
    {
      id: 'navigation/breadcrumb',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:sei|ti trovi) (?:qui|in) ?:|^(?:home|homepage) ?[>›»/|]`,
      reason: 'breadcrumb (it)',
      maxLength: 250
    },
    {
      id: 'navigation/tags',
      category: 'navigation',
      kind: 'terminator',
      pattern: String.raw`^(?:argomenti|tag correlati|parole chiave|temi)${END}`,
      reason: 'topic tags: what follows is site chrome (it)'
    },
    // Paywalls.
    {
      id: 'paywall/prompt',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:questo |l${A})?(?:articolo|contenuto) (?:è )?(?:riservato|dedicato|disponibile (?:solo|soltanto)) (?:agli|per gli|ai) (?:abbonati|iscritti|utenti registrati)${WE}|^(?:sei già|già) (?:abbonato|abbonata|iscritto|registrato)${WE}|^(?:abbonati|iscriviti|accedi|registrati) per (?:continuare a leggere|leggere|proseguire)${WE}|^per (?:continuare a leggere|leggere (?:l${A}articolo|tutto)|proseguire la lettura)${WE}.{0,80}${WS}(?:abbonati|abbonamento|accedi|registrati|iscriviti)${WE}`,
      reason: 'paywall prompt (it)',
      maxLength: 250
    },
    {
      id: 'paywall/button',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:abbonati(?: ora| subito)?|abbonamenti|abbonamento|scopri (?:le )?offerte|edizione digitale|sfoglia il giornale|riservato agli abbonati|premium)${END}`,
      reason: 'subscription button (it)',
      maxLength: 40
    },
    // Ads.
    {
      id: 'ad/label',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^[-–— ]{0,4}(?:pubblicità|annuncio|annunci|sponsorizzato|contenuto (?:sponsorizzato|sponsor|promozionale|offerto da .{1,30})|articolo sponsorizzato|publiredazionale|in collaborazione con .{1,30}|informazione pubblicitaria)[-–— ]{0,4}$`,
      reason: 'advertising label (it)',
      maxLength: 60
    },
    {
      id: 'ad/continues',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^(?:l${A}articolo|la notizia|il testo) (?:continua|prosegue) (?:dopo|sotto) (?:la|questa) (?:pubblicità|pubblicita|inserzione|foto)[ .!…]{0,3}$|^(?:continua|prosegue) (?:a leggere )?(?:dopo|sotto) la pubblicità[ .!…]{0,3}$`,
      reason: 'advertising notice (it)',
      maxLength: 80
    },
    // Bylines, dates, reading time.
    {
      id: 'byline/date',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:pubblicato|aggiornato|modificato|ultimo aggiornamento)(?: il| alle| in data)? ?:? ?(?:\p{L}{5,9} )?\d{1,2}(?: |/|-|\.)(?:\d{1,2}|\p{L}{3,9}\.?)(?: |/|-|\.)\d{2,4}${WE}.{0,60}$`,
      reason: 'publication date line (it)',
      maxLength: 140
    },
    {
      id: 'byline/reading-time',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:tempo (?:di|stimato di) lettura|lettura) ?:? ?\d{1,3} ?min(?:\.|uti|uto)?${WE}.{0,20}$|^\d{1,3} ?min(?:\.|uti)? di lettura$`,
      reason: 'reading time (it)',
      maxLength: 60
    },
    {
      id: 'byline/author-box',
      category: 'byline',
      kind: 'terminator',
      pattern: String.raw`^(?:l${A}autore|l${A}autrice|sull${A}autore|chi è l${A}autore|altri articoli (?:dell${A}autore|di questo autore))${END}`,
      reason: 'author box: what follows is site chrome (it)'
    },
    // Media.
    {
      id: 'media/credit',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^\(?(?:foto|fotografia|immagine|immagini|credit(?:s)?|crediti|illustrazione|infografica)(?: di archivio)? ?[:©|] ?.{1,140}$|^(?:foto|immagine) d${A}archivio$|^foto di (?:archivio|repertorio)$`,
      reason: 'photo credit (it)',
      maxLength: 160
    },
    {
      id: 'media/player',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^guarda (?:il video|la gallery|la fotogallery|le foto)$|^(?:ascolta|leggi) (?:l${A}articolo|questo articolo)$|^(?:fotogallery|gallery|galleria fotografica|videogallery)$|^\d{1,3} foto$|^foto \d{1,3} (?:di|/) \d{1,3}$`,
      reason: 'media player or gallery control (it)',
      maxLength: 50
    }
  ]
}

export default it
