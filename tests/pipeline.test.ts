import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadPipeline, PipelineError, validatePipeline} from '../src/pipeline/index.js'

describe('pipeline files', () => {
  it('loads the shipped pipelines by name', () => {
    expect(loadPipeline('news').steps.map((s) => s.name)).toContain('strip-boilerplate')
    expect(loadPipeline('minimal').steps.map((s) => s.name)).toEqual(['normalize', 'dedupe-paragraphs'])
  })

  it('names the file, the key and what was expected for a wrong type', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'decruft-'))
    const file = path.join(dir, 'bad.yaml')
    writeFileSync(file, 'steps:\n  - dedupe-paragraphs:\n      threshold: high\n')
    expect(() => loadPipeline(file)).toThrowError(PipelineError)
    expect(() => loadPipeline(file)).toThrowError(/bad\.yaml: steps\[0\]\.dedupe-paragraphs\.threshold: .*number/)
  })

  it('rejects unknown keys and unknown steps', () => {
    expect(() => validatePipeline({steps: [], colour: 'red'}, 'x.yaml')).toThrowError(/x\.yaml: .*colour/)
    expect(() => validatePipeline({steps: ['polish']}, 'x.yaml')).toThrowError(/unknown step "polish"/)
  })
})

describe('extends', () => {
  it('ci.yaml takes the news steps and adds thresholds', () => {
    const ci = loadPipeline('ci')
    expect(ci.steps).toEqual(loadPipeline('news').steps)
    expect(ci.check?.maxBoilerplate).toBeDefined()
    expect(ci.dedup?.mode).toBe('annotate')
  })

  it('resolves a relative parent and merges sections key by key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'decruft-'))
    writeFileSync(path.join(dir, 'base.yaml'), 'steps: [normalize]\ndedup: {mode: drop, keep: longest}\n')
    writeFileSync(path.join(dir, 'child.yaml'), 'extends: ./base.yaml\ndedup: {mode: annotate}\n')
    const child = loadPipeline(path.join(dir, 'child.yaml'))
    expect(child.steps.map((s) => s.name)).toEqual(['normalize'])
    expect(child.dedup).toEqual({mode: 'annotate', keep: 'longest'})
  })

  it('stops a cycle with a clear error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'decruft-'))
    writeFileSync(path.join(dir, 'a.yaml'), 'extends: ./b.yaml\n')
    writeFileSync(path.join(dir, 'b.yaml'), 'extends: ./a.yaml\n')
    expect(() => loadPipeline(path.join(dir, 'a.yaml'))).toThrowError(/cycle/)
  })
})
