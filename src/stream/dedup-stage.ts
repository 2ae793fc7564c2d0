import type {DedupDecision, DedupIndex, DocSignature} from '../corpus/dedup.js'
import type {ArticleOutput} from './process.js'
import type {CorpusStage} from './runner.js'
import type {SignerOptions} from './signer.js'

/**
 * The corpus dedup stage: feeds every kept article's signature to the index
 * in input order and marks duplicates (`status: 'duplicate'`) with their
 * cluster, the representative they duplicate and the similarity.
 */
export class DedupStage implements CorpusStage {
  readonly deferred: boolean
  /** What every thread needs to sign articles the way this index compares them. */
  readonly signer: SignerOptions
  private readonly added = new Set<number>()

  constructor(readonly index: DedupIndex) {
    this.deferred = index.options.keep !== 'first'
    // Every setting that shapes a signature, so threads sign as this index compares.
    const {shingleSize, minLineWords, minProseWords, permutations, seed} = index.options
    this.signer = {shingleSize, minLineWords, minProseWords, permutations, seed}
  }

  add(article: ArticleOutput): void {
    const signature = article.signature as DocSignature | undefined
    article.signature = undefined
    if (article.status !== 'kept' || !signature) return
    const decision = this.index.add(article.seq, article.id, signature, {length: article.textLength ?? article.text.length, date: article.date})
    if (decision.final) apply(article, decision)
    else this.added.add(article.seq)
  }

  settle(article: ArticleOutput): void {
    if (!this.added.delete(article.seq)) return
    apply(article, this.index.decision(article.seq))
  }
}

function apply(article: ArticleOutput, decision: DedupDecision): void {
  article.dedup = {cluster: decision.cluster, kind: decision.kind}
  if (decision.duplicateOf === undefined) return
  article.status = 'duplicate'
  article.dedup.duplicateOf = decision.duplicateOf
  article.dedup.similarity = Math.round(decision.similarity * 1000) / 1000
}
