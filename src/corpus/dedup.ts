/** Corpus dedup: signatures, the index and its on-disk form. */
export {computeSignature, type DocSignature} from './dedup-signature.js'
export {DedupIndex, type DedupDecision, type DedupKind, type DocMeta, type ClusterRecord} from './dedup-index.js'
export {DEDUP_DEFAULTS, resolveDedupOptions, type DedupOptions, type KeepPolicy, type SignatureOptions} from './dedup-options.js'
export {IndexFormatError, FORMAT_VERSION, INDEX_FILE} from './dedup-store.js'
