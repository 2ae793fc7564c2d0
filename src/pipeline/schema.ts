import {z} from 'zod'

const ruleSchema = z.strictObject({
  id: z.string(),
  category: z.string(),
  pattern: z.string(),
  kind: z.enum(['block', 'terminator']),
  reason: z.string(),
  maxLength: z.number().int().positive().optional()
})

const ratio = z.number().min(0).max(1)

/** Options schema of every built-in step, by step name. */
export const stepSchemas = {
  normalize: z.strictObject({
    straightenQuotes: z.boolean().optional(),
    decodeEntities: z.boolean().optional(),
    report: z.boolean().optional()
  }),
  'strip-boilerplate': z.strictObject({
    languages: z.array(z.string()).optional(),
    disable: z.array(z.string()).optional(),
    rules: z.array(ruleSchema).optional(),
    teasers: z
      .union([
        z.literal(false),
        z.strictObject({
          minWords: z.number().int().positive().optional(),
          minLetters: z.number().int().positive().optional(),
          minUpperShare: ratio.optional()
        })
      ])
      .optional(),
    placeholders: z.boolean().optional(),
    tailRatio: z.number().min(0).optional()
  }),
  'dedupe-paragraphs': z.strictObject({
    near: z.boolean().optional(),
    threshold: ratio.optional(),
    shingleSize: z.number().int().min(1).max(10).optional(),
    minWords: z.number().int().min(1).optional(),
    nearMinWords: z.number().int().min(1).optional(),
    maxEditWords: z.number().int().min(1).optional()
  }),
  // Options are validated by the plugin itself; any object passes here.
  'classify-blocks': z.record(z.string(), z.unknown()),
  'strip-site-chrome': z.record(z.string(), z.unknown())
} as const

export type StepName = keyof typeof stepSchemas

/** One configured step: its name and its options. */
export interface Step {
  name: StepName
  options: Record<string, unknown>
}

const dedupSchema = z.strictObject({
  mode: z.enum(['off', 'drop', 'annotate']).optional(),
  keep: z.enum(['first', 'longest', 'earliest']).optional(),
  threshold: ratio.optional(),
  shingleSize: z.number().int().min(1).max(16).optional(),
  containment: ratio.optional(),
  numPerm: z.number().int().min(16).max(512).optional(),
  bands: z.number().int().min(1).optional()
})

const thresholdsSchema = z.strictObject({
  maxBoilerplate: z.union([ratio, z.string()]).optional(),
  maxDuplicates: z.union([ratio, z.string()]).optional(),
  maxRejected: z.union([z.number().min(0), z.string()]).optional(),
  maxEncodingErrors: z.union([ratio, z.string()]).optional(),
  maxEmpty: z.union([ratio, z.string()]).optional(),
  tolerance: z.union([ratio, z.string()]).optional()
})

/** The pipeline file as written (YAML or JSON). */
export const pipelineSchema = z.strictObject({
  version: z.literal(1).optional(),
  description: z.string().optional(),
  /** A shipped pipeline name or a path (relative to this file) whose settings this one starts from. */
  extends: z.string().optional(),
  steps: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
  dedup: dedupSchema.optional(),
  drop: z
    .strictObject({
      minWords: z.number().int().min(0).optional()
    })
    .optional(),
  check: thresholdsSchema.optional()
})

export type PipelineFile = z.infer<typeof pipelineSchema>
export type DedupSettings = z.infer<typeof dedupSchema>
export type CheckThresholds = z.infer<typeof thresholdsSchema>
