import de from './de.js'
import en from './en.js'
import es from './es.js'
import fr from './fr.js'
import it from './it.js'
import nl from './nl.js'
import pt from './pt.js'
import type {RulePack} from './types.js'

/** Built-in rule packs by language code. */
export const PACKS: Record<string, RulePack> = {en, de, fr, es, it, pt, nl}

export * from './types.js'
export * from './compile.js'
export * from './safety.js'
