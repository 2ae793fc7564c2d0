// CommonJS entry for piscina: it tries require() first, and Node 20 aborts
// when require() meets an ES module graph with top-level await (the hasher's
// WebAssembly init). A dynamic import loads the real worker safely.
type Handler = typeof import('./worker.js').default
let handler: Promise<Handler> | undefined

module.exports = async function run(batch: Parameters<Handler>[0]): Promise<ReturnType<Handler>> {
  handler ??= import('./worker.js').then((m) => m.default)
  return (await handler)(batch)
}
