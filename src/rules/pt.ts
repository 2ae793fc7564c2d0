import type {RulePack} from './types.js'

// Patterns match one normalized block, case-insensitively (`iu`). Buttons and
// headings are anchored at both ends; long notices are anchored at the start
// and bounded by `maxLength`, so prose that merely mentions the words survives.
// Covers Brazilian and European Portuguese ("compartilhar"/"partilhar",
// "você"/"o seu", "cadastre-se"/"registe-se").

/** Word edges that know accented letters: JS `\b` only knows ASCII, so `abonné\b` never matches. */
const WS = String.raw`(?<![\p{L}\p{N}])`
const WE = String.raw`(?![\p{L}\p{N}])`
/** Trailing decoration a heading or button may carry ("Leia também:", "Saiba mais »"). */
const END = String.raw`[ :.!?…»›>|)\-–]{0,4}$`
const NETWORKS = 'facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|flipboard|threads|bluesky|mastodon|messenger|instagram|e-?mail|mail'
const LEGAL = 'política de privacidade|politica de privacidade|política de cookies|termos de uso|termos de utilização|termos e condições|termos de serviço|aviso legal|proteção de dados|acessibilidade'
const FOOTER = `${LEGAL}|fale conosco|contato|contacto|contactos|quem somos|sobre nós|expediente|anuncie|publicidade|trabalhe conosco|mapa do site|ajuda|faq`

/** Portuguese boilerplate rules. */
const pt: RulePack = {
  language: 'pt',
  rules: [
    // Cookies and consent.
    {
      id: 'cookie/notice',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:este|o nosso|nosso) (?:site|sítio|portal|website) (?:utiliza|usa|emprega|armazena)${WE}.{0,60}${WS}cookies${WE}|^(?:utilizamos|usamos|nós usamos|nós utilizamos)${WE}.{0,40}${WS}cookies${WE}`,
      reason: 'cookie notice (pt)',
      maxLength: 600
    },
    {
      id: 'cookie/by-continuing',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^ao (?:continuar|navegar|utilizar|usar|clicar)${WE}.{0,120}${WS}(?:cookies|política de privacidade|termos de uso|concorda|aceita)${WE}`,
      reason: 'cookie consent notice (pt)',
      maxLength: 400
    },
    {
      id: 'cookie/button',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:aceitar|rejeitar|recusar|configurar|gerenciar|gerir|personalizar) (?:todos )?(?:os )?cookies$|^(?:configurações|definições|preferências) de cookies$|^cookies (?:necessários|essenciais|estritamente necessários|analíticos|de desempenho|de publicidade|funcionais|de terceiros)$`,
      reason: 'cookie banner control (pt)',
      maxLength: 50
    },
    {
      id: 'consent/button',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:aceitar(?: todos| tudo| e fechar| e continuar)?|aceito|concordo|rejeitar(?: todos| tudo)?|recusar(?: todos| tudo)?|continuar sem aceitar|personalizar|gerenciar (?:preferências|opções)|gerir (?:preferências|opções)|salvar (?:preferências|configurações)|guardar (?:preferências|definições)|mais opções|(?:configurações|definições|preferências) de privacidade|entendi|ok, entendi)$`,
      reason: 'consent banner control (pt)',
      maxLength: 50
    },
    {
      id: 'consent/banner',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^nós e (?:os )?(?:nossos|nossos \d+) parceiros${WE}|^(?:ao clicar|clicando) em .{0,40}${WS}(?:aceitar|aceito|concordo)${WE}|^(?:a sua|sua) privacidade é importante${WE}|^(?:este )?conteúdo (?:externo|bloqueado)$`,
      reason: 'consent banner (pt)',
      maxLength: 700
    },
    // Newsletters.
    {
      id: 'newsletter/sign-up',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:assine|assinar|inscreva-se|inscrever-se|subscreva|subscrever|cadastre-se|cadastrar-se|registe-se|receba|receber)${WE}.{0,40}${WS}(?:newsletters?|boletim|boletins|informativo|alertas)${WE}`,
      reason: 'newsletter sign-up prompt (pt)',
      maxLength: 250
    },
    {
      id: 'newsletter/inbox',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^.{0,80}${WS}(?:newsletter|boletim|informativo)${WE}.{0,100}${WS}(?:no seu|na sua|no teu|na tua) (?:e-?mail|caixa de (?:entrada|correio)|inbox)${WE}`,
      reason: 'newsletter sign-up prompt (pt)',
      maxLength: 250
    },
    {
      id: 'newsletter/form',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:seu |o seu |teu )?(?:endereço de )?e-?mail\*?$|^(?:digite|insira|informe|introduza|coloque) (?:o )?(?:seu|teu) (?:endereço de )?e-?mail${WE}|^obrigad[oa] por (?:se )?(?:inscrever|cadastrar|assinar|subscrever)${WE}`,
      reason: 'newsletter form text (pt)',
      maxLength: 150
    },
    {
      id: 'newsletter/never-miss',
      category: 'newsletter',
      kind: 'terminator',
      pattern: String.raw`^não (?:perca|percas) (?:mais )?(?:nenhuma|nenhum|nada)${WE}.{0,50}$`,
      reason: 'newsletter prompt: what follows is site chrome (pt)',
      maxLength: 70
    },
    // Related content.
    {
      id: 'related/terminating-heading',
      category: 'related',
      kind: 'terminator',
      pattern: String.raw`^(?:notícias relacionadas|noticias relacionadas|matérias relacionadas|artigos relacionados|posts relacionados|conteúdos? relacionados?|leia também|leia mais|veja também|veja mais|(?:você|voce) (?:também )?(?:pode|poderá|vai) gostar(?: de)?|(?:também )?pode(?: lhe| te)? interessar|(?:as |os )?mais (?:lidas|lidos|vistas|vistos|populares|compartilhadas)|mais (?:notícias|artigos|matérias) (?:sobre|de|em) .{1,30}|mais notícias|mais sobre .{1,40}|outras notícias|últimas notícias|(?:recomendados?|sugeridos?) para (?:você|si|ti)|recomendamos|saiba mais|continue lendo|continuar lendo|(?:em|no|na) destaque|não deixe de ler)${END}`,
      reason: 'related-content heading: what follows is site chrome (pt)'
    },
    {
      id: 'related/inline-teaser',
      category: 'related',
      kind: 'block',
      pattern: String.raw`^(?:leia também|leia mais|leia|veja também|saiba mais|relacionadas?) ?[:»›|–-] ?.{3,180}$`,
      reason: 'inline link to another article (pt)',
      maxLength: 200
    },
    // Sharing.
    {
      id: 'share/button',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:compartilhar|compartilhe|partilhar|partilhe|compartilhar (?:esta notícia|este artigo|no (?:${NETWORKS}))|partilhar (?:esta notícia|este artigo|no (?:${NETWORKS}))|compartilhe (?:esta notícia|este artigo)|enviar por (?:e-?mail|email)|imprimir|copiar (?:o )?link|link copiado|salvar|guardar|(?:compartilhar |partilhar )?(?:no|na|via|por) (?:${NETWORKS}))$`,
      reason: 'share button (pt)',
      maxLength: 50
    },
    {
      id: 'share/follow-us',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:siga-nos|sigam-nos|siga|acompanhe(?:-nos)?) (?:no|nas|na|nos|em|pelo|pelas)${WE}.{0,100}$|^(?:entre|participe) (?:no|do) (?:nosso )?(?:canal|grupo) (?:do |no )?(?:whatsapp|telegram)${WE}.{0,80}$`,
      reason: 'social follow prompt (pt)',
      maxLength: 160
    },
    // Comments.
    {
      id: 'comments/terminating-heading',
      category: 'comments',
      kind: 'terminator',
      pattern: String.raw`^(?:\d+ )?comentários?(?: ?\(\d+\)| ?: ?\d+)?${END}|^(?:deixe|deixar|escreva|escrever|adicione|publique|faça) (?:um|o seu|seu) comentário${END}|^(?:deixe|deixar) uma resposta${END}|^(?:comente|comentar|(?:ver|mostrar|ler) (?:os |todos os )?comentários|participe da conversa)${END}`,
      reason: 'comments section: what follows is site chrome (pt)'
    },
    {
      id: 'comments/form',
      category: 'comments',
      kind: 'block',
      pattern: String.raw`^o seu (?:endereço de )?e-?mail não será publicado${WE}|^(?:os )?campos obrigatórios são marcados${WE}|^(?:os )?comentários estão (?:fechados|encerrados|desativados)${WE}|^(?:salvar|guardar) (?:o )?meu nome, (?:e-?mail|email)${WE}|^(?:cancelar resposta|publicar comentário|enviar comentário|responder)$|^(?:atenção:? )?(?:os )?comentários .{0,150}${WS}não serão (?:aprovados|publicados|aceitos)${WE}|^(?:você precisa|é necessário) (?:estar logado|fazer login|entrar) para (?:comentar|publicar)${WE}`,
      reason: 'comment form text (pt)',
      maxLength: 300
    },
    // Legal.
    {
      id: 'legal/rights-reserved',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:(?:©|\(c\)|copyright) .{0,100} )?todos os direitos reservados[ .!]{0,2}$|^(?:é )?proibida a reprodução${WE}.{0,100}$`,
      reason: 'copyright line (pt)',
      maxLength: 250
    },
    {
      id: 'legal/footer-link',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:${LEGAL})(?:[ |·•,/–-]|${FOOTER}){0,80}$`,
      reason: 'legal footer links (pt)',
      maxLength: 160
    },
    // Navigation.
    {
      id: 'navigation/control',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:(?:ir|pular|saltar) para o conteúdo(?: principal)?|(?:ir para a |voltar para a |voltar à )?(?:página inicial|capa)|início|voltar(?: ao topo)?|topo|(?:abrir|fechar|alternar) (?:o )?(?:menu|navegação)|menu principal|busca|buscar|pesquisar|pesquisa|entrar|acessar|sair|cadastre-se|cadastrar|registe-se|esqueci (?:a|minha) senha|minha conta|(?:notícia|artigo|post) (?:anterior|seguinte)|anterior|próxim[oa]|ver tudo|ver todas|carregar mais|mostrar mais|todas as notícias|editorias|seções|secções)${END}`,
      reason: 'navigation control (pt)',
      maxLength: 50
    },
    {
      id: 'navigation/breadcrumb',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:você está|está) (?:aqui|em) ?:|^(?:início|home|página inicial) ?[>›»/|]`,
      reason: 'breadcrumb (pt)',
      maxLength: 250
    },
    {
      id: 'navigation/tags',
      category: 'navigation',
      kind: 'terminator',
      pattern: String.raw`^(?:assuntos|tópicos|etiquetas|palavras-chave|temas)${END}`,
      reason: 'topic tags: what follows is site chrome (pt)'
    },
    // Paywalls.
    {
      id: 'paywall/prompt',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:este )?(?:conteúdo|artigo|texto) (?:é )?(?:exclusivo|reservado|disponível (?:apenas|somente)) (?:para|a|aos) (?:assinantes|subscritores|membros)${WE}|^já (?:é|és|sou) (?:assinante|subscritor|cadastrado|registado)${WE}|^(?:assine|subscreva|cadastre-se|registe-se) para (?:continuar lendo|continuar a ler|ler)${WE}|^para (?:continuar lendo|continuar a ler|ler (?:esta|a) (?:matéria|notícia|reportagem)) .{0,80}${WS}(?:assine|assinante|assinatura|faça login|entre|subscreva)${WE}`,
      reason: 'paywall prompt (pt)',
      maxLength: 250
    },
    {
      id: 'paywall/button',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:assine(?: já| agora)?|assinar|assinatura|assinaturas|subscrever|exclusivo para assinantes|conteúdo exclusivo|edição digital|edição impressa|jornal digital)${END}`,
      reason: 'subscription button (pt)',
      maxLength: 40
    },
    // Ads.
    {
      id: 'ad/label',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^[-–— ]{0,4}(?:publicidade|anúncio|patrocinado|conteúdo (?:patrocinado|de marca|publicitário|oferecido por .{1,30})|publieditorial|informe publicitário|em parceria com .{1,30})[-–— ]{0,4}$`,
      reason: 'advertising label (pt)',
      maxLength: 60
    },
    {
      id: 'ad/continues',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^(?:(?:a matéria|o texto|a notícia|o artigo) )?(?:continua|continue lendo) (?:depois|após|abaixo) (?:d[ao] )?(?:a |o )?(?:publicidade|anúncio)[ .!…]{0,3}$`,
      reason: 'advertising notice (pt)',
      maxLength: 80
    },
    // Bylines, dates, reading time.
    {
      id: 'byline/date',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:publicado|publicada|atualizado|atualizada|actualizado|modificado)(?: em| às| a)? ?:? ?(?:\p{L}{5,13},? )?\d{1,2}(?: de |/|-|\.)(?:\d{1,2}|\p{L}{3,9}\.?)(?: de |/|-|\.)\d{2,4}${WE}.{0,60}$`,
      reason: 'publication date line (pt)',
      maxLength: 140
    },
    {
      id: 'byline/reading-time',
      category: 'byline',
      kind: 'block',
      pattern: String.raw`^(?:tempo (?:de|estimado de) leitura|leitura) ?:? ?(?:cerca de )?\d{1,3} ?min(?:\.|utos?)?${WE}.{0,20}$|^\d{1,3} ?min(?:\.|utos?)? de leitura$`,
      reason: 'reading time (pt)',
      maxLength: 60
    },
    {
      id: 'byline/author-box',
      category: 'byline',
      kind: 'terminator',
      pattern: String.raw`^(?:sobre o autor|sobre a autora|sobre (?:o|a) colunista|mais (?:artigos |textos )?(?:do autor|da autora|deste autor|desta autora))${END}`,
      reason: 'author box: what follows is site chrome (pt)'
    },
    // Media.
    {
      id: 'media/credit',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^\(?(?:foto|fotos|fotografia|imagem|imagens|crédito(?:s)?(?: da imagem| da foto)?|ilustração|infografia|infográfico)(?: de arquivo)? ?[:©|] ?.{1,140}$|^(?:foto|imagem): reprodução$|^(?:foto|imagem) de arquivo$|^reprodução(?: ?/ ?.{1,40})?$`,
      reason: 'photo credit (pt)',
      maxLength: 160
    },
    {
      id: 'media/player',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^(?:assista|assistir|veja|ver) (?:ao |o )?vídeo$|^(?:ouça|ouvir|ouvir esta notícia|ouvir este artigo)$|^(?:ver|abrir) (?:a )?galeria$|^(?:galeria(?: de fotos)?|fotogaleria)$|^\d{1,3} fotos$|^foto \d{1,3} (?:de|/) \d{1,3}$`,
      reason: 'media player or gallery control (pt)',
      maxLength: 50
    }
  ]
}

export default pt
