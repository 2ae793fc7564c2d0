import type {RulePack} from './types.js'

// Patterns match one normalized block, case-insensitively (`iu`). Buttons and
// headings are anchored at both ends; long notices are anchored at the start
// and bounded by `maxLength`, so prose that merely mentions the words survives.
// French puts a space before `:` and `?`, and writes apostrophes both ways.

/** Word edges that know accented letters: JS `\b` only knows ASCII, so `abonné\b` never matches. */
const WS = String.raw`(?<![\p{L}\p{N}])`
const WE = String.raw`(?![\p{L}\p{N}])`
/** Trailing decoration a heading or button may carry ("À lire aussi :", "Lire la suite »"). */
const END = String.raw`[ :.!?…»›>|)\-–]{0,4}$`
const A = `['’]`
const NETWORKS = 'facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|flipboard|threads|bluesky|mastodon|messenger|instagram|e-?mail|mail|courriel'
const LEGAL = `mentions légales|politique de confidentialité|politique de cookies|politique relative aux cookies|gestion des cookies|données personnelles|conditions générales d${A}utilisation|conditions générales de vente|conditions d${A}utilisation|cgu|cgv|accessibilité|charte de confidentialité|protection des données`
const FOOTER = `${LEGAL}|contact|contactez-nous|nous contacter|plan du site|qui sommes-nous|à propos|aide|faq|publicité|annonceurs|recrutement|presse`

/** French boilerplate rules. */
const fr: RulePack = {
  language: 'fr',
  rules: [
    // Cookies and consent.
    {
      id: 'cookie/notice',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:ce|notre) (?:site(?: web| internet)?|portail) (?:utilise|emploie|dépose|a recours à)${WE}.{0,60}${WS}(?:cookies|traceurs)${WE}|^nous (?:utilisons|employons|déposons|avons recours à)${WE}.{0,40}${WS}(?:cookies|traceurs)${WE}`,
      reason: 'cookie notice (fr)',
      maxLength: 600
    },
    {
      id: 'cookie/by-continuing',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^en (?:poursuivant|continuant|utilisant|naviguant)${WE}.{0,120}${WS}(?:cookies|traceurs|politique de confidentialité|conditions d${A}utilisation)${WE}`,
      reason: 'cookie consent notice (fr)',
      maxLength: 400
    },
    {
      id: 'cookie/button',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:accepter|refuser|autoriser|gérer|paramétrer|personnaliser) (?:tous )?(?:les )?cookies$|^(?:paramètres|réglages|préférences|gestion) (?:des )?cookies$|^(?:politique|charte) (?:de |des |relative aux )?cookies$|^cookies (?:nécessaires|essentiels|fonctionnels|analytiques|publicitaires|de performance|de mesure d${A}audience)$`,
      reason: 'cookie banner control (fr)',
      maxLength: 50
    },
    {
      id: 'consent/button',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:tout accepter|tout refuser|accepter(?: et (?:fermer|continuer|poursuivre))?|refuser|continuer sans accepter|j${A}accepte|je refuse|personnaliser(?: mes choix)?|paramétrer|gérer (?:mes choix|les préférences|mes préférences|les paramètres)|enregistrer (?:mes choix|les paramètres|mes préférences)|valider mes choix|paramètres de confidentialité|préférences de confidentialité)$`,
      reason: 'consent banner control (fr)',
      maxLength: 50
    },
    {
      id: 'consent/banner',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:avec votre (?:accord|consentement), )?nous et (?:nos|nos \d+) partenaires${WE}|^en cliquant sur .{0,40}${WS}(?:accepte|accepter|tout accepter|j${A}accepte)${WE}|^(?:ce contenu est bloqué|ce contenu n${A}est pas disponible) (?:car|parce que)${WE}.{0,80}${WS}(?:cookies|traceurs|consentement)${WE}|^contenu (?:externe|bloqué)$`,
      reason: 'consent banner (fr)',
      maxLength: 700
    },
    // Newsletters.
    {
      id: 'newsletter/sign-up',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:inscrivez-vous|abonnez-vous|inscris-toi|abonne-toi|s${A}inscrire|s${A}abonner|je m${A}inscris|je m${A}abonne|recevez|recevoir|inscription) (?:gratuitement )?(?:à |aux |a )?(?:notre |nos |la |les |ma )?(?:\p{L}{1,20} )?(?:newsletters?|lettres? d${A}(?:information|info)s?|infolettres?|alertes)${WE}`,
      reason: 'newsletter sign-up prompt (fr)',
      maxLength: 250
    },
    {
      id: 'newsletter/inbox',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^.{0,80}${WS}(?:newsletter|lettre d${A}information|infolettre)${WE}.{0,100}${WS}dans (?:votre|ta) boîte (?:mail|e-mail|aux lettres|de réception)${WE}|^.{0,80}${WS}dans (?:votre|ta) boîte (?:mail|e-mail|de réception)${WE}.{0,60}${WS}(?:newsletter|lettre d${A}information|infolettre)${WE}`,
      reason: 'newsletter sign-up prompt (fr)',
      maxLength: 250
    },
    {
      id: 'newsletter/form',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:votre |ton )?adresse (?:e-?mail|mail|électronique|courriel)\*?$|^(?:saisissez|entrez|indiquez) votre (?:adresse )?(?:e-?mail|mail|courriel)${WE}|^merci (?:pour|de) votre inscription${WE}`,
      reason: 'newsletter form text (fr)',
      maxLength: 150
    },
    {
      id: 'newsletter/never-miss',
      category: 'newsletter',
      kind: 'terminator',
      pattern: String.raw`^ne (?:manquez|ratez|manquez plus|ratez plus) (?:plus )?(?:aucun|aucune|rien)${WE}.{0,50}$`,
      reason: 'newsletter prompt: what follows is site chrome (fr)',
      maxLength: 70
    },
    // Related content.
    {
      id: 'related/terminating-heading',
      category: 'related',
      kind: 'terminator',
      pattern: String.raw`^(?:à lire (?:aussi|également|ensuite)|a lire aussi|lire aussi|(?:à )?voir aussi|à découvrir(?: aussi| également)?|sur le même (?:sujet|thème)|dans la même rubrique|articles? (?:similaires|liés|associés|connexes|recommandés)|vous (?:aimerez|aimeriez|pourriez aimer) (?:peut-être )?(?:aussi|également)|(?:ces|d${A}autres) articles (?:peuvent|pourraient) vous intéresser|(?:ça|cela) (?:peut|pourrait) (?:aussi )?vous intéresser|(?:les |nos )?(?:articles )?(?:les )?plus (?:lus|populaires|partagés|commentés)|les plus lus|(?:nos )?derniers articles|dernières (?:actualités|actus|infos|nouvelles)|(?:toute l${A}actualité|toute l${A}actu)(?: .{1,30})?|plus d${A}(?:articles|actualités|infos)(?: .{1,30})?|(?:d${A})?autres articles(?: .{1,30})?|(?:recommandé|sélectionné|sélection) pour vous|nos recommandations|(?:la )?sélection de la rédaction|en (?:lien|rapport) avec (?:cet article|ce sujet))${END}`,
      reason: 'related-content heading: what follows is site chrome (fr)'
    },
    {
      id: 'related/inline-teaser',
      category: 'related',
      kind: 'block',
      pattern: String.raw`^(?:à lire aussi|a lire aussi|lire aussi|à voir aussi|voir aussi|à lire|lire également|à relire|(?:à )?découvrir aussi|sur le même sujet) ?[:»›|–-] ?.{3,180}$`,
      reason: 'inline link to another article (fr)',
      maxLength: 200
    },
    // Sharing.
    {
      id: 'share/button',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:partager|partagez|partager (?:cet article|l${A}article|la page|sur (?:${NETWORKS}))|envoyer (?:par (?:e-?mail|mail|courriel)|à un ami|cet article)|imprimer(?: l${A}article| cet article)?|copier le lien|lien copié|sauvegarder|enregistrer(?: l${A}article| cet article)?|ajouter à (?:mes favoris|ma liste)|(?:partager )?(?:sur|via|par) (?:${NETWORKS}))$`,
      reason: 'share button (fr)',
      maxLength: 50
    },
    {
      id: 'share/follow-us',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:suivez-nous|suivez|retrouvez-nous|rejoignez-nous|abonnez-vous à (?:notre|nos) (?:compte|page|chaîne|comptes))${WE}.{0,40}${WS}(?:${NETWORKS}|instagram|youtube|tiktok|google (?:news|actualités)|réseaux sociaux)${WE}.{0,60}$|^suivez-nous$`,
      reason: 'social follow prompt (fr)',
      maxLength: 160
    },
    // Comments.
    {
      id: 'comments/terminating-heading',
      category: 'comments',
      kind: 'terminator',
      pattern: String.raw`^(?:\d+ )?(?:commentaires?|réactions)(?: ?\(\d+\)| ?: ?\d+)?${END}|^(?:laisser|écrire|ajouter|poster|publier|rédiger) un (?:commentaire|avis)${END}|^(?:laissez|écrivez|ajoutez|postez) un commentaire${END}|^(?:réagir|réagissez|vos réactions|votre réaction|commenter|(?:voir|afficher|lire) (?:les|tous les) commentaires|participer à la discussion)${END}`,
      reason: 'comments section: what follows is site chrome (fr)'
    },
    {
      id: 'comments/form',
      category: 'comments',
      kind: 'block',
      pattern: String.raw`^votre adresse (?:e-?mail|mail|de messagerie|courriel) ne sera pas publiée${WE}|^les champs obligatoires sont indiqués${WE}|^les commentaires sont (?:fermés|désactivés)${WE}|^enregistrer mon nom, (?:mon )?e-?mail${WE}|^(?:annuler la réponse|laisser une réponse|répondre|envoyer le commentaire|publier le commentaire)$|^vous devez (?:être connecté|vous connecter) pour (?:publier|poster|laisser) un commentaire${WE}`,
      reason: 'comment form text (fr)',
      maxLength: 250
    },
    // Legal.
    {
      id: 'legal/rights-reserved',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:(?:©|\(c\)|copyright) .{0,100} )?tous droits réservés[ .!]{0,2}$|^(?:toute )?reproduction (?:même partielle )?(?:interdite|strictement interdite)${WE}`,
      reason: 'copyright line (fr)',
      maxLength: 250
    },
    {
      id: 'legal/footer-link',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:${LEGAL})(?:[ |·•,/–-]|${FOOTER}){0,80}$`,
      reason: 'legal footer links (fr)',
      maxLength: 160
    },
    // Navigation.
    {
      id: 'navigation/control',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:aller (?:au|directement au) contenu(?: principal)?|passer au contenu(?: principal)?|aller à la navigation|(?:retour à l${A}|retour a l${A})?accueil|retour(?: en haut(?: de (?:la )?page)?)?|haut de page|(?:ouvrir|fermer) (?:le )?menu|menu principal|rechercher|recherche|se connecter|connexion|se déconnecter|déconnexion|s${A}inscrire|inscription|mon compte|mon espace|(?:article )?(?:précédent|suivant)|lire la suite|lire l${A}article|en savoir plus|voir plus|afficher plus|charger plus|voir tout|tout voir|voir tous les articles|toutes les rubriques|rubriques)${END}`,
      reason: 'navigation control (fr)',
      maxLength: 50
    },
    {
      id: 'navigation/breadcrumb',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^vous êtes (?:ici|sur) ?:|^accueil ?[>›»/|]`,
      reason: 'breadcrumb (fr)',
      maxLength: 250
    },
    {
      id: 'navigation/tags',
      category: 'navigation',
      kind: 'terminator',
      pattern: String.raw`^(?:mots-clés|mots clés|thèmes|sujets associés|sur les mêmes thèmes)${END}`,
      reason: 'topic tags: what follows is site chrome (fr)'
    },
    // Paywalls.
    {
      id: 'paywall/prompt',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:cet |l${A})?(?:article|contenu) (?:est )?(?:réservé|exclusivement réservé|accessible) (?:aux|à nos) (?:abonnés|abonnées|membres)${WE}|^(?:déjà|vous êtes déjà) (?:abonné|abonnée|inscrit|client)${WE}|^il vous reste \d{1,3} ?% de (?:cet |l${A})article à lire${WE}|^la suite est réservée aux (?:abonnés|abonnées)${WE}|^(?:abonnez-vous|inscrivez-vous|connectez-vous) pour (?:lire|continuer|poursuivre|accéder)${WE}|^pour (?:lire|continuer à lire|poursuivre la lecture|accéder à) .{0,60}${WS}(?:abonnez-vous|abonnement|abonné|connectez-vous|inscrivez-vous)${WE}`,
      reason: 'paywall prompt (fr)',
      maxLength: 250
    },
    {
      id: 'paywall/button',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:s${A}abonner|je m${A}abonne|abonnez-vous|abonnement|offre numérique|découvrir les offres|voir les offres|journal numérique|e-?journal|édition numérique|réservé aux abonnés|abonnés)${END}`,
      reason: 'subscription button (fr)',
      maxLength: 40
    },
    // Ads.
    {
      id: 'ad/label',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^[-–— ]{0,4}(?:publicité|pub|annonce|contenu (?:sponsorisé|partenaire|proposé par .{1,30})|sponsorisé|article sponsorisé|publi-?(?:reportage|rédactionnel|communiqué)|communiqué|en partenariat avec .{1,30})[-–— ]{0,4}$`,
      reason: 'advertising label (fr)',
      maxLength: 60
    },
    {
      id: 'ad/continues',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^(?:la suite (?:de l${A}article )?(?:après|sous) (?:cette|la) (?:publicité|annonce)|(?:l${A}article|la suite|le texte) (?:continue|se poursuit) (?:après|sous) (?:cette|la) (?:publicité|annonce))[ .!…]{0,3}$`,
      reason: 'advertising notice (fr)',
      maxLength: 80
    },
    // Bylines, dates, reading time.
    {
      id: 'byline/date',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:publié|mis à jour|modifié|actualisé|posté)(?: le| à)? ?:? ?(?:\p{L}{5,8} )?\d{1,2}(?:er)?(?: |/)(?:\d{1,2}|\p{L}{3,9}\.?)(?: |/)\d{2,4}${WE}.{0,60}$`,
      reason: 'publication date line (fr)',
      maxLength: 140
    },
    {
      id: 'byline/reading-time',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:temps de lecture|durée de lecture|lecture) ?:? ?\d{1,3} ?min(?:\.|utes?)?${WE}.{0,20}$|^\d{1,3} ?min(?:\.|utes?)? de lecture$`,
      reason: 'reading time (fr)',
      maxLength: 60
    },
    {
      id: 'byline/author-box',
      category: 'byline',
      kind: 'terminator',
      pattern: String.raw`^(?:à propos de l${A}auteur|à propos de l${A}autrice|l${A}auteur|l${A}autrice|(?:du|de la) même (?:auteur|autrice))${END}`,
      reason: 'author box: what follows is site chrome (fr)'
    },
    // Media.
    {
      id: 'media/credit',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^\(?(?:photo|photos|crédit(?:s)?(?: photo)?|crédits? photos?|image|illustration|infographie)(?: d${A}illustration)? ?[:©|] ?.{1,140}$|^(?:photo|image) d${A}illustration$`,
      reason: 'photo credit (fr)',
      maxLength: 160
    },
    {
      id: 'media/player',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^(?:voir|lire|regarder) la vidéo$|^(?:écouter|lire) (?:cet article|l${A}article)$|^(?:voir|ouvrir) (?:la galerie|le diaporama|les photos)$|^(?:diaporama|galerie photos?)$|^\d{1,3} photos$|^photo \d{1,3} (?:sur|/) \d{1,3}$`,
      reason: 'media player or gallery control (fr)',
      maxLength: 50
    }
  ]
}

export default fr
