import {createWriteStream, type WriteStream} from 'node:fs'
import {mkdir, rename, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Writable} from 'node:stream'

/** A place output goes: stdout or a file written under a temporary name. */
export interface Sink {
  write(text: string): Promise<void>
  /** Finish: a file is renamed to its final name only when `complete`. */
  close(complete: boolean): Promise<string | undefined>
}

/** The stream closed under us (`decruft clean | head`): stop quietly. */
export class ClosedPipeError extends Error {
  constructor() {
    super('output pipe closed')
    this.name = 'ClosedPipeError'
  }
}

/** Write to a stream, waiting when it is full; a closed pipe throws {@link ClosedPipeError}. */
export function streamSink(stream: Writable): Sink {
  let failure: Error | undefined
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failure = error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' ? new ClosedPipeError() : error
  })
  return {
    async write(text) {
      if (failure) throw failure
      if (!stream.write(text)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.off('drain', done)
            stream.off('error', done)
            stream.off('close', done)
            resolve()
          }
          stream.once('drain', done)
          stream.once('error', done)
          stream.once('close', done)
        })
        if (failure) throw failure
      }
    },
    async close() {
      return undefined
    }
  }
}

/**
 * Write to `file` through `file.partial-PID`, renamed when complete, so an
 * interrupted run never leaves a truncated file that looks whole. A target
 * that exists and is not a regular file (`/dev/stdout`, a FIFO) is written
 * directly: there is nothing to rename over.
 */
export async function fileSink(file: string): Promise<Sink> {
  const existing = await stat(file).catch(() => undefined)
  if (existing && !existing.isFile()) {
    if (existing.isDirectory()) throw new Error(`${file}: is a directory`)
    const stream = createWriteStream(file, {flags: 'a'})
    await opened(stream)
    const inner = streamSink(stream)
    return {
      write: inner.write,
      async close() {
        await end(stream)
        return undefined
      }
    }
  }
  await mkdir(path.dirname(path.resolve(file)), {recursive: true})
  const temp = `${file}.partial-${process.pid}`
  const stream: WriteStream = createWriteStream(temp)
  await opened(stream)
  const inner = streamSink(stream)
  return {
    write: inner.write,
    async close(complete) {
      await end(stream)
      if (complete) {
        await rename(temp, file)
        return file
      }
      return temp
    }
  }
}

function opened(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve())
    stream.once('error', reject)
  })
}

function end(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

/** Remove a partial file left by {@link fileSink} (used when nothing was written). */
export async function discard(file: string | undefined): Promise<void> {
  if (file) await rm(file, {force: true})
}
