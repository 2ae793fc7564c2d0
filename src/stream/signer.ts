import {computeSignature, type SignatureOptions} from '../corpus/dedup.js'

/** Dedup signature settings, passed to every thread. */
export type SignerOptions = SignatureOptions

/** Build the function that signs a clean body for corpus dedup. */
export function makeSigner(options: SignerOptions): (text: string) => unknown {
  return (text) => computeSignature(text, options)
}
