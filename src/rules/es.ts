import type {RulePack} from './types.js'

// Patterns match one normalized block, case-insensitively (`iu`). Buttons and
// headings are anchored at both ends; long notices are anchored at the start
// and bounded by `maxLength`, so prose that merely mentions the words survives.
// Spanish headings may open with `¿`/`¡`; accents are optional where sites drop them.

/** Word edges that know accented letters: JS `\b` only knows ASCII, so `abonné\b` never matches. */
const WS = String.raw`(?<![\p{L}\p{N}])`
const WE = String.raw`(?![\p{L}\p{N}])`
/** Trailing decoration a heading or button may carry ("Te puede interesar:", "Leer más »"). */
const END = String.raw`[ :.!?…»›>|)\-–]{0,4}$`
const NETWORKS = 'facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|flipboard|threads|bluesky|mastodon|messenger|instagram|e-?mail|mail|correo'
const LEGAL = 'aviso legal|política de privacidad|politica de privacidad|política de cookies|politica de cookies|términos y condiciones|terminos y condiciones|condiciones de uso|términos de uso|protección de datos|accesibilidad|cookies'
const FOOTER = `${LEGAL}|contacto|contáctenos|mapa del sitio|mapa web|quiénes somos|quienes somos|sobre nosotros|publicidad|anúnciate|trabaja con nosotros|ayuda|preguntas frecuentes`

/** Spanish boilerplate rules. */
const es: RulePack = {
  language: 'es',
  rules: [
    // Cookies and consent.
    {
      id: 'cookie/notice',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:este|nuestro) (?:sitio(?: web)?|portal|web) (?:utiliza|usa|emplea|instala)${WE}.{0,60}${WS}cookies${WE}|^esta (?:web|página(?: web)?|pagina(?: web)?) (?:utiliza|usa|emplea|instala)${WE}.{0,60}${WS}cookies${WE}|^(?:utilizamos|usamos|empleamos)${WE}.{0,40}${WS}cookies${WE}`,
      reason: 'cookie notice (es)',
      maxLength: 600
    },
    {
      id: 'cookie/by-continuing',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:si (?:continúa|continua|continúas|continuas|sigue|sigues) (?:navegando|utilizando)|al (?:continuar|navegar|utilizar|usar))${WE}.{0,120}${WS}(?:cookies|política de privacidad|politica de privacidad|acepta|aceptas)${WE}`,
      reason: 'cookie consent notice (es)',
      maxLength: 400
    },
    {
      id: 'cookie/button',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:aceptar|rechazar|configurar|gestionar|personalizar) (?:todas )?(?:las )?cookies$|^(?:configuración|ajustes|preferencias) de (?:las )?cookies$|^cookies (?:necesarias|técnicas|analíticas|de rendimiento|publicitarias|de terceros|funcionales)$`,
      reason: 'cookie banner control (es)',
      maxLength: 50
    },
    {
      id: 'consent/button',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:aceptar(?: todo| todas| y cerrar| y continuar)?|acepto|rechazar(?: todo| todas)?|continuar sin aceptar|configurar|personalizar|más opciones|gestionar (?:preferencias|opciones)|guardar (?:preferencias|configuración|y salir)|estoy de acuerdo|de acuerdo|configuración de privacidad|preferencias de privacidad)$`,
      reason: 'consent banner control (es)',
      maxLength: 50
    },
    {
      id: 'consent/banner',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:nosotros y )?(?:nuestros|nuestros \d+) (?:socios|proveedores) (?:almacenamos|utilizamos|usamos|tratamos|procesamos)${WE}|^nosotros y nuestros (?:\d+ )?(?:socios|proveedores)${WE}|^(?:al hacer|haciendo) clic en .{0,40}${WS}(?:aceptar|acepto|aceptas|acepta)${WE}|^(?:tu|su) privacidad es importante para nosotros${WE}`,
      reason: 'consent banner (es)',
      maxLength: 700
    },
    // Newsletters.
    {
      id: 'newsletter/sign-up',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^[¡]?(?:suscríbete|suscribete|suscríbase|suscribase|suscribirse|suscribirme|apúntate|apuntate|regístrate|registrate|regístrese|recibe|reciba|recibir|date de alta)${WE}.{0,40}${WS}(?:newsletters?|boletín|boletin|boletines|alertas)${WE}`,
      reason: 'newsletter sign-up prompt (es)',
      maxLength: 250
    },
    {
      id: 'newsletter/inbox',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^.{0,80}${WS}(?:newsletter|boletín|boletin)${WE}.{0,100}${WS}(?:en|a) (?:tu|su) (?:bandeja de entrada|correo(?: electrónico)?|email|e-mail)${WE}`,
      reason: 'newsletter sign-up prompt (es)',
      maxLength: 250
    },
    {
      id: 'newsletter/form',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:tu |su )?(?:correo electrónico|correo electronico|dirección de correo(?: electrónico)?|e-?mail)\*?$|^(?:introduce|introduzca|escribe|escriba|ingresa|ingrese) (?:tu|su) (?:correo|dirección de correo|e-?mail)${WE}|^gracias por (?:suscribirte|suscribirse|registrarte|registrarse)${WE}`,
      reason: 'newsletter form text (es)',
      maxLength: 150
    },
    {
      id: 'newsletter/never-miss',
      category: 'newsletter',
      kind: 'terminator',
      pattern: String.raw`^[¡]?no te pierdas (?:ninguna|nada|ni una)${WE}.{0,50}$|^[¡]?no se pierda (?:ninguna|nada)${WE}.{0,50}$`,
      reason: 'newsletter prompt: what follows is site chrome (es)',
      maxLength: 70
    },
    // Related content.
    {
      id: 'related/terminating-heading',
      category: 'related',
      kind: 'terminator',
      pattern: String.raw`^[¿¡]?(?:noticias relacionadas|artículos relacionados|articulos relacionados|contenidos? relacionados?|temas relacionados|relacionad[oa]s?|(?:también )?te (?:puede|podría) (?:interesar|gustar)|(?:también )?le (?:puede|podría) (?:interesar|gustar)|quizás te interese|quizá te interese|te recomendamos|recomendados?(?: para (?:ti|usted))?|lo más (?:leído|leido|visto|popular|compartido)|(?:las )?más leídas|más (?:noticias|artículos|información) (?:sobre|de|en) .{1,30}|más noticias|más sobre .{1,40}|otras noticias|(?:las )?últimas noticias|lee también|lea también|leer también|ver también|mira también|sigue leyendo|seguir leyendo|te sugerimos|no te lo pierdas)${END}`,
      reason: 'related-content heading: what follows is site chrome (es)'
    },
    {
      id: 'related/inline-teaser',
      category: 'related',
      kind: 'block',
      pattern: String.raw`^(?:lee también|lea también|leer también|lee además|lea además|ver también|te puede interesar|le puede interesar|también te puede interesar|relacionado|más información) ?[:»›|–-] ?.{3,180}$`,
      reason: 'inline link to another article (es)',
      maxLength: 200
    },
    // Sharing.
    {
      id: 'share/button',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:compartir|comparte|compartir (?:esta noticia|este artículo|en (?:${NETWORKS}))|comparte (?:esta noticia|este artículo)|enviar por (?:e-?mail|correo(?: electrónico)?)|enviar (?:noticia|artículo)|imprimir(?: noticia| artículo)?|copiar (?:enlace|link|url)|enlace copiado|guardar(?: noticia| artículo)?|(?:compartir )?(?:en|por|vía|via) (?:${NETWORKS}))$`,
      reason: 'share button (es)',
      maxLength: 50
    },
    {
      id: 'share/follow-us',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^[¡]?(?:síguenos|siguenos|síganos|sígue(?:nos)?) (?:en|a través de)${WE}.{0,100}$|^[¡]?únete a (?:nuestro|nuestra) (?:canal|comunidad|grupo)${WE}.{0,80}$`,
      reason: 'social follow prompt (es)',
      maxLength: 160
    },
    // Comments.
    {
      id: 'comments/terminating-heading',
      category: 'comments',
      kind: 'terminator',
      pattern: String.raw`^(?:\d+ )?comentarios?(?: ?\(\d+\)| ?: ?\d+)?${END}|^(?:deja|dejar|escribe|escribir|añade|añadir|publica|publicar|haz) (?:un|tu|su) comentario${END}|^(?:deja|dejar) una respuesta${END}|^(?:comenta|comentar|(?:ver|mostrar|leer) (?:los |todos los )?comentarios|únete a la conversación|participa)${END}`,
      reason: 'comments section: what follows is site chrome (es)'
    },
    {
      id: 'comments/form',
      category: 'comments',
      kind: 'block',
      pattern: String.raw`^(?:tu|su) (?:dirección de )?correo electrónico no será publicad[oa]${WE}|^los campos obligatorios están marcados${WE}|^los comentarios están cerrados${WE}|^guardar mi nombre, (?:correo|e-?mail)${WE}|^(?:cancelar respuesta|publicar (?:el )?comentario|enviar comentario|responder)$|^(?:debes|debe) (?:iniciar sesión|estar registrado) para (?:publicar|comentar|dejar)${WE}`,
      reason: 'comment form text (es)',
      maxLength: 250
    },
    // Legal.
    {
      id: 'legal/rights-reserved',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:(?:©|\(c\)|copyright) .{0,100} )?todos los derechos reservados[ .!]{0,2}$|^(?:queda )?prohibida (?:su |la )?reproducción total o parcial${WE}`,
      reason: 'copyright line (es)',
      maxLength: 250
    },
    {
      id: 'legal/footer-link',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:${LEGAL})(?:[ |·•,/–-]|${FOOTER}){0,80}$`,
      reason: 'legal footer links (es)',
      maxLength: 160
    },
    // Navigation.
    {
      id: 'navigation/control',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:ir al contenido(?: principal)?|saltar al contenido(?: principal)?|(?:ir a |volver a la )?(?:portada|inicio|página principal)|volver(?: arriba)?|ir arriba|(?:abrir|cerrar) (?:el )?menú|menú(?: principal)?|buscar|búsqueda|buscador|iniciar sesión|cerrar sesión|acceder|entrar|registrarse|regístrate|mi cuenta|mi perfil|(?:noticia|artículo) (?:anterior|siguiente)|anterior|siguiente|leer más|ver más|cargar más|mostrar más|ver todo|ver todas|todas las noticias|secciones)${END}`,
      reason: 'navigation control (es)',
      maxLength: 50
    },
    {
      id: 'navigation/breadcrumb',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:usted está|estás|está) (?:aquí|en) ?:|^(?:inicio|portada) ?[>›»/|]`,
      reason: 'breadcrumb (es)',
      maxLength: 250
    },
    {
      id: 'navigation/tags',
      category: 'navigation',
      kind: 'terminator',
      pattern: String.raw`^(?:etiquetas|temas|tags relacionados|archivado en)${END}`,
      reason: 'topic tags: what follows is site chrome (es)'
    },
    // Paywalls.
    {
      id: 'paywall/prompt',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:este )?(?:contenido|artículo|articulo) (?:es )?(?:exclusivo|reservado|disponible (?:solo|sólo|únicamente)) (?:para|a) (?:suscriptores|suscriptoras|socios|abonados|miembros)${WE}|^[¿]?ya (?:eres|es) (?:suscriptor|suscriptora|socio|abonado|usuario registrado)${WE}|^(?:suscríbete|suscribete|suscríbase|hazte (?:socio|suscriptor)|regístrate) (?:para|y) (?:seguir|continuar) leyendo${WE}|^para (?:seguir|continuar) leyendo${WE}.{0,80}${WS}(?:suscríbete|suscribete|suscriptor|suscripción|regístrate|inicia sesión|hazte)${WE}|^(?:lee|leer) sin límites${WE}`,
      reason: 'paywall prompt (es)',
      maxLength: 250
    },
    {
      id: 'paywall/button',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:suscríbete|suscribete|suscríbase|suscribirse|suscripción|hazte (?:socio|suscriptor|premium)|exclusivo (?:para )?suscriptores|edición impresa|kiosko|quiosco)${END}`,
      reason: 'subscription button (es)',
      maxLength: 40
    },
    // Ads.
    {
      id: 'ad/label',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^[-–— ]{0,4}(?:publicidad|anuncio|patrocinado|contenido (?:patrocinado|de marca|ofrecido por .{1,30})|publirreportaje|en colaboración con .{1,30})[-–— ]{0,4}$`,
      reason: 'advertising label (es)',
      maxLength: 60
    },
    {
      id: 'ad/continues',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^(?:(?:la noticia|el artículo|el texto|el contenido) )?(?:continúa|continua|sigue) (?:después|debajo|tras) (?:de )?(?:la|esta|el) (?:publicidad|anuncio)[ .!…]{0,3}$`,
      reason: 'advertising notice (es)',
      maxLength: 80
    },
    // Bylines, dates, reading time.
    {
      id: 'byline/date',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:publicado|actualizado|modificado|creado)(?: el| a las| en)? ?:? ?(?:\p{L}{5,9},? )?\d{1,2}(?: de |/|-| )(?:\d{1,2}|\p{L}{3,10}\.?)(?: de |/|-| )\d{2,4}${WE}.{0,60}$`,
      reason: 'publication date line (es)',
      maxLength: 140
    },
    {
      id: 'byline/reading-time',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:tiempo (?:de|estimado de) lectura|lectura) ?:? ?\d{1,3} ?min(?:\.|utos?)?${WE}.{0,20}$|^\d{1,3} ?min(?:\.|utos?)? de lectura$`,
      reason: 'reading time (es)',
      maxLength: 60
    },
    {
      id: 'byline/author-box',
      category: 'byline',
      kind: 'terminator',
      pattern: String.raw`^(?:sobre el autor|sobre la autora|acerca del autor|acerca de la autora|más (?:artículos )?(?:del autor|de la autora|de este autor))${END}`,
      reason: 'author box: what follows is site chrome (es)'
    },
    // Media.
    {
      id: 'media/credit',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^\(?(?:foto|fotos|fotografía|fotografia|imagen|imágenes|crédito|créditos|ilustración|infografía)(?: de archivo)? ?[:©|] ?.{1,140}$|^(?:foto|imagen) de archivo$`,
      reason: 'photo credit (es)',
      maxLength: 160
    },
    {
      id: 'media/player',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^(?:ver|reproducir) (?:el )?(?:vídeo|video)$|^escuchar(?: (?:la )?noticia| (?:el )?artículo)?$|^(?:ver|abrir) (?:la )?(?:galería|fotogalería)$|^(?:galería|fotogalería)(?: de fotos)?$|^\d{1,3} fotos$|^foto \d{1,3} (?:de|/) \d{1,3}$`,
      reason: 'media player or gallery control (es)',
      maxLength: 50
    }
  ]
}

export default es
