/** Dedup signature settings, passed to every thread. */
export interface SignerOptions {
  [key: string]: unknown
}

/** Build the function that signs a clean body for corpus dedup. */
export function makeSigner(_options: SignerOptions): (text: string) => unknown {
  return () => undefined
}
