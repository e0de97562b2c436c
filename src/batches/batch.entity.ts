import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * One background run (kind, who, when, progress, output file, error). `batches/` knows kinds only
 * by name: the table mapping each kind to the service that runs it lives at the top (src/jobs/).
 */
export const Batch = defineEntity({
  name: 'Batch',
  tableName: 'batch',
  properties: {
    id: p.integer().primary().autoincrement(),
    kind: p.string().length(40),
    title: p.string().length(200),
    params: p.text(),
    status: p.string().length(20).$type<BatchStatus>().default('queued'),
    done: p.integer().default(0),
    total: p.integer().default(0),
    outputFile: p.string().length(200).nullable(),
    outputName: p.string().length(200).nullable(),
    outputBytes: p.integer().nullable(),
    error: p.text().nullable(),
    createdBy: p.string().length(100),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IBatch = InferEntity<typeof Batch>;
