import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import {fileURLToPath} from 'node:url'

/** The built binary, as users run it. */
export const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Run `decruft ...args` and collect its output. */
export function decruft(args: string[], options: SpawnSyncOptions & {input?: string | Buffer} = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, ...options})
  return {code: result.status, stdout: String(result.stdout), stderr: String(result.stderr)}
}
