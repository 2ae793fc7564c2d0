import type {RulePack} from './types.js'

/** English boilerplate rules. Patterns match one normalized block, case-insensitively. */
const en: RulePack = {
  language: 'en',
  rules: [
    // Cookies and consent.
    {
      id: 'cookie/notice',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:we|this (?:web)?site|our (?:web)?site|this page)\b.{0,60}\b(?:uses?|using)\b.{0,60}\bcookies\b`,
      reason: 'cookie notice',
      maxLength: 500
    },
    {
      id: 'cookie/by-continuing',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^by (?:continuing|using|clicking|browsing|accepting)\b.{0,160}\b(?:cookies|privacy policy|terms of (?:use|service))\b`,
      reason: 'cookie or terms consent notice',
      maxLength: 400
    },
    {
      id: 'cookie/policy-link',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:cookie|cookies) ?(?:policy|settings|preferences|notice|statement|consent)?$`,
      reason: 'cookie policy link',
      maxLength: 40
    },
    {
      id: 'cookie/button',
      category: 'cookie',
      kind: 'block',
      pattern: String.raw`^(?:accept|allow|reject|decline|refuse|deny)(?: all| essential| necessary)?(?: cookies)?$|^(?:i agree|i accept|got it|agree and (?:close|continue))$`,
      reason: 'cookie banner button',
      maxLength: 40
    },
    {
      id: 'consent/privacy-choices',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^(?:manage (?:cookies|consent|preferences|privacy settings)|privacy (?:settings|preferences|choices|center|centre)|your privacy choices|do not sell or share my personal information|do not sell my (?:personal )?info(?:rmation)?|consent preferences)$`,
      reason: 'privacy or consent control',
      maxLength: 80
    },
    {
      id: 'consent/we-value-privacy',
      category: 'consent',
      kind: 'block',
      pattern: String.raw`^we (?:and our (?:\d+ )?partners )?(?:value|care about|respect) your privacy\b|\bwe and our (?:\d+ )?partners (?:store|use|process)\b`,
      reason: 'consent banner',
      maxLength: 600
    },
    // Newsletters and sign-up prompts.
    {
      id: 'newsletter/sign-up',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:sign up|subscribe|register|join)\b.{0,100}\b(?:newsletters?|e-?mail alerts?|briefing|digest|updates)\b`,
      reason: 'newsletter sign-up prompt',
      maxLength: 220
    },
    {
      id: 'newsletter/get-our',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^get (?:our|the)\b.{0,60}\b(?:newsletters?|recap|digest|briefing|roundup|round-up|headlines|alerts|updates)\b`,
      reason: 'newsletter sign-up prompt',
      maxLength: 220
    },
    {
      id: 'newsletter/inbox',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`\b(?:delivered|sent|straight|direct(?:ly)?) (?:to|into) your inbox\b|\bin your inbox\b.{0,40}\b(?:every|each) (?:day|week|morning|evening)\b`,
      reason: 'newsletter sign-up prompt',
      maxLength: 250
    },
    {
      id: 'newsletter/form',
      category: 'newsletter',
      kind: 'block',
      pattern: String.raw`^(?:enter your e-?mail(?: address)?(?: here)?|e-?mail address|your e-?mail(?: address)?|thanks? (?:you )?for (?:signing up|subscribing)\b.{0,80}|invalid e-?mail(?: address)?|you(?:'|’)re (?:all )?(?:signed up|subscribed)\b.{0,60})$`,
      reason: 'newsletter form text',
      maxLength: 160
    },
    {
      id: 'newsletter/never-miss',
      category: 'newsletter',
      kind: 'terminator',
      pattern: String.raw`^never miss (?:a|another|the) (?:story|thing|update|headline|beat)\b.{0,40}$`,
      reason: 'newsletter prompt: what follows is site chrome'
    },
    // Related and recommended content: what follows them is chrome.
    {
      id: 'related/terminating-heading',
      category: 'related',
      kind: 'terminator',
      pattern: String.raw`^(?:related(?: articles?| stories| posts| news| content| coverage| reading| links| topics| videos?)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|(?:more|other) (?:stories|news|articles|headlines)(?: (?:from|on|in|about) .{1,40})?|more (?:from|on|in|about) .{1,40}|recommended(?: for you| stories| articles| reading| videos?)?|read (?:next|also)|further reading|see also|top stories|most (?:read|popular|viewed|shared|watched)(?: stories| articles)?|trending(?: now| stories| articles| news)?|popular (?:now|stories|articles|posts)|what to read next|editor(?:'|’)?s? picks|don(?:'|’)?t miss|latest (?:news|stories|articles|headlines|videos?)|around the web|sponsored stories|promoted stories|from (?:our|the) partners|up next|watch next|keep reading|explore more)[:»›.…]?$`,
      reason: 'related-content heading: what follows is site chrome'
    },
    {
      id: 'comments/terminating-heading',
      category: 'comments',
      kind: 'terminator',
      pattern: String.raw`^(?:\d+ )?(?:comments?|responses?|replies)(?: \(\d+\))?$|^(?:leave|post|add|write) a (?:comment|reply|response)\b.{0,30}$|^(?:join|start) the (?:conversation|discussion)\b.{0,30}$|^(?:show|view|read|load) (?:all )?(?:\d+ )?comments?$`,
      reason: 'comments section: what follows is site chrome'
    },
    // Sharing and social.
    {
      id: 'share/button',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:share|tweet|pin(?: it)?|e-?mail|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|pinterest|flipboard|messenger|copy link|copy url|link copied|share this|share (?:this )?(?:article|story|post|page)|share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|email)|share via e-?mail|gift (?:this )?article|save(?: article| story)?|comment)$`,
      reason: 'share button',
      maxLength: 40
    },
    {
      id: 'share/bar',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^share (?:this|on|via)\b.{0,30}\b(?:facebook|twitter|linkedin|whatsapp|e-?mail|reddit|pinterest)\b.{0,80}$`,
      reason: 'share bar',
      maxLength: 160
    },
    {
      id: 'share/follow-us',
      category: 'share',
      kind: 'block',
      pattern: String.raw`^(?:follow|like|find|join) us on\b.{0,80}$|^follow (?:@\S{1,30}|the author|[\p{L}.]{1,20} [\p{L}.]{1,20}) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok|youtube)\b.{0,40}$`,
      reason: 'social follow prompt',
      maxLength: 160
    },
    // Ads.
    {
      id: 'ad/label',
      category: 'ad',
      kind: 'block',
      pattern: String.raw`^(?:advertisement|advertising|ad|ads|sponsored(?: content| post| links?)?|promoted(?: content| links?)?|paid (?:post|content|partner content)|partner content|(?:story|article) continues below(?: this)?(?: advertisement| ad)?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: reading)?|skip (?:this )?ad|report (?:this )?ad)$`,
      reason: 'advertising label',
      maxLength: 60
    },
    // Navigation.
    {
      id: 'navigation/control',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^(?:skip to (?:main )?(?:content|navigation|search)|jump to (?:main )?content|back to top|go to top|(?:open|close|toggle) (?:menu|navigation|search)|main (?:menu|navigation)|menu|search|close|home|sections|more|show more|load more|see more|see all|view all|previous|next|previous (?:article|story|post)|next (?:article|story|post)|sign in|sign out|log ?in|log out|my account|subscribe|subscribe now|register)$`,
      reason: 'navigation control',
      maxLength: 40
    },
    {
      id: 'navigation/breadcrumb',
      category: 'navigation',
      kind: 'block',
      pattern: String.raw`^you are (?:here|at)\s*:|^home\s*[>›»/|]`,
      reason: 'breadcrumb',
      maxLength: 200
    },
    // Paywalls.
    {
      id: 'paywall/prompt',
      category: 'paywall',
      kind: 'block',
      pattern: String.raw`^(?:already (?:a subscriber|have an account)|subscribe (?:to (?:continue|keep) reading|for (?:full|unlimited) access)|(?:this|the) (?:article|story|content) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)|create (?:a )?free account|you(?:'|’)ve (?:reached|read) (?:your|all)\b.{0,30}\b(?:free )?(?:articles|stories)|to continue reading\b)\b.{0,100}$`,
      reason: 'paywall prompt',
      maxLength: 200
    },
    // Legal footer.
    {
      id: 'legal/copyright',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}|[\p{L}])|\ball rights reserved\b|^this (?:material|article|story|content) may not be (?:published|reproduced|copied)\b`,
      reason: 'copyright line',
      maxLength: 250
    },
    {
      id: 'legal/footer-link',
      category: 'legal',
      kind: 'block',
      pattern: String.raw`^(?:terms(?: (?:of (?:use|service)|and conditions|& conditions))?|privacy(?: policy| notice| statement)?|accessibility(?: statement)?|contact(?: us)?|about(?: us)?|site ?map|careers|advertise(?: with us)?|corrections|editorial (?:standards|guidelines)|imprint|legal notice|help(?: center| centre)?|faq)$`,
      reason: 'footer link',
      maxLength: 40
    },
    // Media credits standing alone.
    {
      id: 'media/credit',
      category: 'media',
      kind: 'block',
      pattern: String.raw`^(?:\(?(?:photo|image|picture|video|photograph|illustration|graphic)s?(?: by| credit)? ?[:|/] ?[^.!?]{0,100}|\(?(?:ap|afp|reuters|getty images|shutterstock|epa|ani)(?: photo| images)? ?/ ?[^.!?]{0,80})$`,
      reason: 'photo credit',
      maxLength: 150
    }
  ]
}

export default en
