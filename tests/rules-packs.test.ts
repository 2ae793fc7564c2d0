import {describe, expect, it} from 'vitest'
import {compileRules, PACKS, validateRule, type RulePack} from '../src/rules/index.js'

const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl'] as const

/** Realistic boilerplate lines, each with the rule id that must remove it. */
const POSITIVE: Record<(typeof LANGUAGES)[number], Array<[string, string]>> = {
  de: [
    ['cookie/notice', 'Diese Website verwendet Cookies, um Ihnen das bestmögliche Nutzererlebnis zu bieten.'],
    ['cookie/notice', 'Um unsere Webseite für Sie optimal zu gestalten und fortlaufend verbessern zu können, verwenden wir Cookies.'],
    ['cookie/by-continuing', 'Durch die weitere Nutzung der Seite stimmen Sie der Verwendung von Cookies zu.'],
    ['cookie/button', 'Alle Cookies akzeptieren'],
    ['cookie/button', 'Cookie-Einstellungen'],
    ['consent/button', 'Alle akzeptieren'],
    ['consent/button', 'Datenschutz-Einstellungen'],
    ['consent/banner', 'Wir und unsere 142 Partner speichern und/oder greifen auf Informationen auf einem Gerät zu.'],
    ['consent/external-content', 'Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden.'],
    ['newsletter/sign-up', 'Jetzt Newsletter abonnieren und nichts verpassen!'],
    ['newsletter/sign-up', 'Melden Sie sich jetzt für unseren kostenlosen Newsletter an.'],
    ['newsletter/sign-up', 'Abonnieren Sie unseren täglichen Morning-Briefing-Newsletter'],
    ['newsletter/form', 'E-Mail-Adresse eingeben'],
    ['related/inline-teaser', 'Lesen Sie auch: Merz und Macron einigen sich auf neue Verteidigungsstrategie'],
    ['share/button', 'Artikel teilen'],
    ['share/button', 'Auf Facebook teilen'],
    ['share/follow-us', 'Folgen Sie uns auf Facebook, Instagram und X.'],
    ['comments/form', 'Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.'],
    ['legal/rights-reserved', '© 2024 Süddeutsche Zeitung GmbH. Alle Rechte vorbehalten.'],
    ['legal/rights-reserved', 'dpa:240312-99-301845/3'],
    ['legal/footer-link', 'Impressum Datenschutz'],
    ['legal/footer-link', 'Impressum | Datenschutzerklärung | AGB | Kontakt'],
    ['navigation/control', 'Zurück zur Übersicht'],
    ['navigation/control', 'Zum Inhalt springen'],
    ['navigation/breadcrumb', 'Sie sind hier: Startseite > Politik > Ausland'],
    ['paywall/prompt', 'Dieser Artikel ist exklusiv für Abonnenten.'],
    ['paywall/prompt', 'Sie haben bereits ein Abo? Hier anmelden'],
    ['paywall/prompt', 'Weiterlesen mit SZ Plus'],
    ['ad/label', 'ANZEIGE'],
    ['ad/continues', 'Artikel wird nach der Anzeige fortgesetzt'],
    ['byline/date', 'Stand: 12.03.2024 10:31 Uhr'],
    ['byline/date', 'Von Moritz Bachmann publiziert am 25. September 2018'],
    ['byline/reading-time', 'Lesezeit: 3 Min.'],
    ['media/credit', 'Foto: picture alliance/dpa | Michael Kappeler'],
    ['media/player', 'Bildergalerie ansehen']
  ],
  fr: [
    ['cookie/notice', 'Ce site utilise des cookies pour améliorer votre expérience de navigation.'],
    ['cookie/by-continuing', 'En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies.'],
    ['cookie/button', 'Paramétrer les cookies'],
    ['consent/button', 'Tout accepter'],
    ['consent/button', 'Continuer sans accepter'],
    ['consent/banner', 'Avec votre accord, nous et nos 812 partenaires utilisons des cookies ou technologies similaires.'],
    ['newsletter/sign-up', 'Inscrivez-vous à notre newsletter'],
    ['newsletter/sign-up', "Abonnez-vous à la lettre d'information quotidienne"],
    ['related/inline-teaser', 'À lire aussi : Réforme des retraites, le gouvernement recule'],
    ['share/button', 'Partager sur Facebook'],
    ['share/button', 'Copier le lien'],
    ['share/follow-us', 'Suivez-nous sur Twitter et Facebook'],
    ['comments/form', 'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *'],
    ['legal/rights-reserved', '© Le Monde 2024 - Tous droits réservés'],
    ['legal/footer-link', 'Mentions légales · Politique de confidentialité · Contact'],
    ['navigation/control', 'Aller au contenu principal'],
    ['navigation/breadcrumb', 'Accueil > Politique > Élections'],
    ['paywall/prompt', 'Il vous reste 78 % de cet article à lire. La suite est réservée aux abonnés.'],
    ['paywall/prompt', 'Déjà abonné ? Se connecter'],
    ['ad/label', 'PUBLICITÉ'],
    ['ad/continues', 'La suite après cette publicité'],
    ['byline/date', 'Publié le 12 mars 2024 à 10h30'],
    ['byline/reading-time', 'Temps de lecture : 4 min'],
    ['media/credit', 'Photo : AFP / Ludovic Marin'],
    ['media/credit', "Crédit photo : Ouest-France"]
  ],
  es: [
    ['cookie/notice', 'Utilizamos cookies propias y de terceros para mejorar nuestros servicios.'],
    ['cookie/notice', 'Este sitio web utiliza cookies para que usted tenga la mejor experiencia de usuario.'],
    ['cookie/by-continuing', 'Si continúa navegando, consideramos que acepta su uso y nuestra política de cookies.'],
    ['cookie/button', 'Configuración de cookies'],
    ['consent/button', 'Aceptar y cerrar'],
    ['newsletter/sign-up', 'Suscríbete a nuestro boletín diario'],
    ['newsletter/sign-up', '¡Apúntate a la newsletter de Tecnología!'],
    ['related/inline-teaser', 'Lee también: El Gobierno aprueba la reforma laboral'],
    ['share/button', 'Compartir en Facebook'],
    ['share/follow-us', 'Síguenos en Twitter, Facebook e Instagram'],
    ['comments/form', 'Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *'],
    ['legal/rights-reserved', '© 2024 EL PAÍS. Todos los derechos reservados.'],
    ['legal/rights-reserved', 'Queda prohibida su reproducción total o parcial sin autorización.'],
    ['legal/footer-link', 'Aviso legal | Política de privacidad | Política de cookies'],
    ['navigation/control', 'Ir al contenido'],
    ['paywall/prompt', 'Este contenido es exclusivo para suscriptores.'],
    ['paywall/prompt', '¿Ya eres suscriptor? Inicia sesión'],
    ['ad/label', 'PUBLICIDAD'],
    ['byline/date', 'Actualizado: 12/03/2024 10:30'],
    ['byline/date', 'Publicado el 5 de marzo de 2024'],
    ['byline/reading-time', 'Tiempo de lectura: 3 min'],
    ['media/credit', 'Foto: EFE / Juan Carlos Hidalgo']
  ],
  it: [
    ['cookie/notice', 'Questo sito utilizza cookie tecnici e di profilazione, anche di terze parti.'],
    ['cookie/notice', 'Noi e terze parti selezionate utilizziamo cookie o tecnologie simili per finalità tecniche.'],
    ['cookie/by-continuing', 'Proseguendo la navigazione acconsenti all’uso dei cookie.'],
    ['consent/button', 'Accetta e chiudi'],
    ['newsletter/sign-up', 'Iscriviti alla nostra newsletter'],
    ['related/inline-teaser', 'Leggi anche: Meloni incontra Macron a Parigi'],
    ['share/button', 'Condividi su WhatsApp'],
    ['share/follow-us', 'Seguici su Facebook e Instagram'],
    ['comments/form', 'Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *'],
    ['legal/rights-reserved', '© RIPRODUZIONE RISERVATA'],
    ['legal/rights-reserved', '© 2024 Gruppo Editoriale Srl - P.IVA 01234567890'],
    ['legal/rights-reserved', 'Copyright © 2024 ANSA. Tutti i diritti riservati.'],
    ['navigation/control', 'Vai al contenuto'],
    ['paywall/prompt', 'Questo articolo è riservato agli abbonati'],
    ['paywall/prompt', 'Sei già abbonato? Accedi'],
    ['ad/label', 'Pubblicità'],
    ['ad/continues', 'L’articolo continua dopo la pubblicità'],
    ['byline/date', 'Pubblicato il 12/03/2024 alle 10:30'],
    ['byline/reading-time', 'Tempo di lettura: 3 minuti'],
    ['media/credit', 'Foto: ANSA / Fabio Frustaci']
  ],
  pt: [
    ['cookie/notice', 'Utilizamos cookies para melhorar a sua experiência no nosso site.'],
    ['cookie/by-continuing', 'Ao continuar navegando, você concorda com a nossa Política de Privacidade.'],
    ['consent/button', 'Aceitar todos'],
    ['newsletter/sign-up', 'Assine nossa newsletter e receba as principais notícias do dia'],
    ['related/inline-teaser', 'Leia também: Lula anuncia novo pacote econômico'],
    ['share/button', 'Compartilhar no WhatsApp'],
    ['share/follow-us', 'Siga-nos no Instagram e no Facebook'],
    ['comments/form', 'O seu endereço de e-mail não será publicado. Campos obrigatórios são marcados com *'],
    [
      'comments/form',
      'ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.'
    ],
    ['legal/rights-reserved', 'Copyright © 2010 AUTORACING. Todos os direitos reservados.'],
    ['navigation/control', 'Pular para o conteúdo'],
    ['paywall/prompt', 'Este conteúdo é exclusivo para assinantes.'],
    ['paywall/prompt', 'Já é assinante? Faça login'],
    ['ad/label', 'PUBLICIDADE'],
    ['ad/continues', 'Continua depois da publicidade'],
    ['byline/date', 'Publicado em 12/03/2024 às 10h30'],
    ['byline/reading-time', 'Tempo de leitura: 1 minuto'],
    ['media/credit', 'Foto: Reprodução/Instagram']
  ],
  nl: [
    ['cookie/notice', 'Deze website maakt gebruik van cookies om de site goed te laten werken.'],
    ['cookie/by-continuing', 'Door verder te gaan op deze website ga je akkoord met het gebruik van cookies.'],
    ['consent/button', 'Akkoord en doorgaan'],
    ['consent/banner', 'Wij en onze 120 partners slaan informatie op een apparaat op en/of openen deze.'],
    ['newsletter/sign-up', 'Schrijf je in voor onze nieuwsbrief'],
    ['related/inline-teaser', 'Lees ook: Kabinet valt over asielbeleid'],
    ['share/button', 'Deel dit artikel'],
    ['share/follow-us', 'Volg ons op Facebook en Instagram'],
    ['comments/form', 'Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *'],
    ['legal/rights-reserved', '© 2024 DPG Media B.V. - alle rechten voorbehouden'],
    ['legal/footer-link', 'Privacyverklaring | Cookiebeleid | Algemene voorwaarden'],
    ['navigation/control', 'Ga naar de inhoud'],
    ['paywall/prompt', 'Dit artikel is alleen voor abonnees.'],
    ['paywall/prompt', 'Al abonnee? Log in'],
    ['ad/label', 'ADVERTENTIE'],
    ['ad/continues', 'Het artikel gaat verder onder de advertentie'],
    ['byline/date', 'Gepubliceerd op 12 maart 2024 10:30'],
    ['byline/reading-time', 'Leestijd: 3 minuten'],
    ['media/credit', 'Foto: ANP / Robin van Lonkhuijsen']
  ]
}

/** Terminating headings: a short block that starts the chrome tail. */
const TERMINATORS: Record<(typeof LANGUAGES)[number], Array<[string, string]>> = {
  de: [
    ['related/terminating-heading', 'Mehr zum Thema'],
    ['related/terminating-heading', 'Das könnte Sie auch interessieren:'],
    ['related/terminating-heading', 'Weitere Beiträge zum Thema'],
    ['related/terminating-heading', 'Mehr aus Politik'],
    ['related/terminating-heading', 'Lesen Sie auch'],
    ['newsletter/never-miss', 'Verpassen Sie keine Nachrichten mehr!'],
    ['comments/terminating-heading', '12 Kommentare'],
    ['comments/terminating-heading', 'Kommentar schreiben'],
    ['byline/author-box', 'Über den Autor']
  ],
  fr: [
    ['related/terminating-heading', 'À lire aussi'],
    ['related/terminating-heading', 'Sur le même sujet'],
    ['related/terminating-heading', 'Vous aimerez aussi'],
    ['related/terminating-heading', 'Les plus lus'],
    ['newsletter/never-miss', 'Ne manquez aucune actualité'],
    ['comments/terminating-heading', 'Laisser un commentaire'],
    ['comments/terminating-heading', 'Commentaires (14)']
  ],
  es: [
    ['related/terminating-heading', 'Noticias relacionadas'],
    ['related/terminating-heading', 'Te puede interesar'],
    ['related/terminating-heading', 'Lo más leído'],
    ['related/terminating-heading', 'Más sobre la guerra en Ucrania'],
    ['newsletter/never-miss', '¡No te pierdas ninguna noticia!'],
    ['comments/terminating-heading', 'Deja un comentario'],
    ['comments/terminating-heading', '3 comentarios']
  ],
  it: [
    ['related/terminating-heading', 'Articoli correlati'],
    ['related/terminating-heading', 'Potrebbe interessarti anche'],
    ['related/terminating-heading', 'I più letti'],
    ['newsletter/never-miss', 'Non perdere nessuna notizia'],
    ['comments/terminating-heading', 'Lascia un commento'],
    ['comments/terminating-heading', 'Commenti (5)']
  ],
  pt: [
    ['related/terminating-heading', 'Notícias relacionadas'],
    ['related/terminating-heading', 'Você também pode gostar'],
    ['related/terminating-heading', 'Veja também'],
    ['related/terminating-heading', 'Mais lidas'],
    ['newsletter/never-miss', 'Não perca nenhuma notícia'],
    ['comments/terminating-heading', 'Deixe um comentário'],
    ['comments/terminating-heading', '5 comentários']
  ],
  nl: [
    ['related/terminating-heading', 'Gerelateerde artikelen'],
    ['related/terminating-heading', 'Lees ook'],
    ['related/terminating-heading', 'Meer nieuws'],
    ['related/terminating-heading', 'Meest gelezen'],
    ['newsletter/never-miss', 'Mis geen enkel nieuwsbericht'],
    ['comments/terminating-heading', 'Plaats een reactie'],
    ['comments/terminating-heading', '23 reacties']
  ]
}

/** Real news sentences that mention the same words: no rule of any pack may touch them. */
const NEGATIVE: Record<(typeof LANGUAGES)[number], string[]> = {
  de: [
    'Der Europäische Gerichtshof entschied, dass Facebook Cookies nur mit ausdrücklicher Einwilligung der Nutzer setzen darf.',
    'Datenschützer kritisieren, dass viele Websites Cookies verwenden, ohne die Nutzer ausreichend zu informieren.',
    'Den Newsletter des Ministeriums abonnieren inzwischen mehr als 20.000 Menschen.',
    'Nach der Anzeige ermittelt die Polizei gegen den 34-Jährigen.',
    'Mehr als 200 Menschen wurden bei dem Erdbeben verletzt.',
    'Die Kommentare des Kanzlers sorgten im Bundestag für Empörung.',
    'Wir verwenden keine Daten aus sozialen Netzwerken, sagte der Sprecher des Konzerns.',
    'Das Foto zeigt den Kanzler bei seiner Ankunft in Brüssel.',
    'Der Verlag hat sich alle Rechte an dem Buch gesichert, das im Herbst erscheint.',
    'Weitere Informationen erhalten Bürger beim Bürgeramt.',
    'Teilen wollte er die Beute nicht.'
  ],
  fr: [
    'La CNIL a infligé une amende à Google pour avoir déposé des cookies sans le consentement des internautes.',
    'Le président a partagé sur Facebook une vidéo de sa rencontre avec les agriculteurs.',
    'Plus de 300 personnes ont été évacuées après les inondations.',
    'Les commentaires du ministre ont provoqué un tollé à l’Assemblée nationale.',
    'Nous utilisons toutes nos ressources pour retrouver les disparus, a déclaré le préfet.',
    'La publicité pour les jeux d’argent sera encadrée à partir de janvier.',
    'Tous les droits de diffusion ont été rachetés par la chaîne qatarie.'
  ],
  es: [
    'La Agencia de Protección de Datos multó a la empresa por instalar cookies sin consentimiento de los usuarios.',
    'El presidente compartió en Twitter un mensaje de apoyo a las víctimas.',
    'Más de 200 personas murieron en el terremoto, según las autoridades.',
    'Los comentarios del ministro generaron una fuerte polémica en el Congreso.',
    'Utilizamos todos los medios a nuestro alcance, afirmó la alcaldesa.',
    'El boletín oficial publicó ayer la nueva ley de vivienda.'
  ],
  it: [
    'Il Garante della privacy ha sanzionato la società per aver utilizzato cookie senza il consenso degli utenti.',
    'Il ministro ha condiviso su Facebook le immagini dell’alluvione.',
    'I commenti del premier hanno scatenato la reazione dell’opposizione.',
    'Aprire una partita Iva costa sempre di più ai giovani professionisti.',
    'La pubblicità del gioco d’azzardo resta vietata in televisione.'
  ],
  pt: [
    'A Autoridade Nacional de Proteção de Dados multou a empresa por usar cookies sem consentimento dos usuários.',
    'O presidente compartilhou no Instagram um vídeo da reunião com governadores.',
    'Mais de 100 pessoas ficaram desalojadas após as chuvas.',
    'Os comentários do ministro foram considerados ofensivos pela oposição.',
    'A publicidade infantil será proibida a partir do próximo ano.'
  ],
  nl: [
    'De Autoriteit Persoonsgegevens legde de webwinkel een boete op omdat die zonder toestemming cookies plaatste.',
    'De minister deelde op Facebook een foto van zijn bezoek aan het rampgebied.',
    'Meer dan 200 mensen raakten gewond bij de explosie.',
    'De reacties op het voorstel waren overwegend negatief.',
    'We gebruiken alle middelen om de vermiste jongen te vinden, zei de politie.'
  ]
}

const pack = (code: string): RulePack => PACKS[code]!
const otherThanEnglish = () => LANGUAGES.map(pack)

describe.each(LANGUAGES)('rule pack %s', (code) => {
  it('is registered under its language code', () => {
    expect(pack(code).language).toBe(code)
  })

  it('has valid rules: unique ids, category matching the id, compiles with iu, no capturing groups', () => {
    const ids = new Set<string>()
    for (const rule of pack(code).rules) {
      expect(() => validateRule(rule), rule.id).not.toThrow()
      expect(ids.has(rule.id), `duplicate id ${rule.id}`).toBe(false)
      ids.add(rule.id)
      expect(rule.id.split('/')[0]).toBe(rule.category)
      expect(() => new RegExp(rule.pattern, 'iu')).not.toThrow()
      expect(new RegExp(`(?:${rule.pattern})|`, 'u').exec('')!.length, `${rule.id} has a capturing group`).toBe(1)
      // Terminators fall back to the short default; block rules must say how long a block may be.
      if (rule.kind === 'block') expect(rule.maxLength ?? 0, `${rule.id} needs an explicit maxLength`).toBeGreaterThan(0)
    }
  })

  it('covers the shared categories', () => {
    const categories = new Set(pack(code).rules.map((r) => r.category))
    for (const category of ['cookie', 'consent', 'newsletter', 'related', 'share', 'comments', 'legal', 'navigation', 'paywall', 'ad']) {
      expect(categories.has(category as never), category).toBe(true)
    }
  })

  it('matches localized boilerplate blocks with the expected rule', () => {
    const compiled = compileRules([pack(code)])
    for (const [id, text] of POSITIVE[code]) expect(compiled.matchBlock(text)?.id, text).toBe(id)
  })

  it('matches localized terminating headings', () => {
    const compiled = compileRules([pack(code)])
    for (const [id, text] of TERMINATORS[code]) expect(compiled.matchTerminator(text)?.id, text).toBe(id)
  })

  it('leaves news sentences that mention the same words alone (in every non-English pack)', () => {
    const compiled = compileRules(otherThanEnglish())
    for (const text of NEGATIVE[code]) {
      expect(compiled.matchBlock(text)?.id, text).toBeUndefined()
      expect(compiled.matchTerminator(text)?.id, text).toBeUndefined()
    }
  })
  // Backtracking safety of every pack is proven once, in rules-safety.test.ts.
})

describe('non-English packs on English prose', () => {
  it('leave ordinary English news sentences alone', () => {
    const compiled = compileRules(otherThanEnglish())
    const sentences = [
      'The court ruled that Facebook must ask users before it sets advertising cookies.',
      'Comments from the senator drew sharp criticism on Tuesday.',
      'Photo editors at the newspaper chose the image for the front page.',
      'He said the company would publish its privacy policy in March.',
      'Home prices rose 4 percent last year, according to the report.'
    ]
    for (const text of sentences) {
      expect(compiled.matchBlock(text)?.id, text).toBeUndefined()
      expect(compiled.matchTerminator(text)?.id, text).toBeUndefined()
    }
  })
})
