import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { EntityManager, Orm } from '../db/orm.js';
import { withActor } from '../db/actor.js';
import { Batch, type IBatch } from './batch.entity.js';
import { BATCH_TEXT } from './ui-text.js';

/** What a kind's service gets while it runs: its own EntityManager, its parameters, a progress callback, the output. */
export interface BatchContext {
  em: EntityManager;
  params: Record<string, unknown>;
  /** Pages or documents done so far, and (once known) how many in all. */
  progress(done: number, total?: number): void;
  out: NodeJS.WritableStream;
  /** The data directory (templates an organisation edited, uploaded images). */
  dataDir: string;
}

export interface BatchKind {
  /** The file name offered for download (Japanese is fine). */
  fileName(params: Record<string, unknown>): string;
  run(ctx: BatchContext): Promise<void>;
  /**
   * Before the batch is queued, in the caller's request: checks the input (a refusal is the
   * caller's 422, nothing queued) and may take what must be taken once (numbers), returning the
   * parameters to store. A retry reuses the stored parameters and does not prepare again.
   */
  prepare?(em: EntityManager, params: Record<string, unknown>, dataDir: string): Promise<Record<string, unknown>>;
  /** What staff do next with a finished run (a link shown beside the download). */
  next?(params: Record<string, unknown>, batchId: number): { href: string; label: string } | null;
}

export interface StartBatch {
  kind: string;
  title: string;
  params: Record<string, unknown>;
  createdBy: string;
  /** True for a retry: the parameters were prepared when the batch first started. */
  prepared?: boolean;
}

// Progress rows are written at most this often: a 5,000-page run must not do 5,000 updates.
const PROGRESS_EVERY_MS = 300;

/**
 * Runs batches in the background of the web process. The output is written to a `.part` file
 * and renamed only when the run has finished, so a failed or interrupted run never leaves a PDF
 * that looks complete: the batch says 失敗 with the error instead.
 */
export class BatchRunner {
  private readonly running = new Map<number, Promise<void>>();

  constructor(
    private readonly orm: Orm,
    private readonly dataDir: string,
    private readonly kinds: ReadonlyMap<string, BatchKind>,
  ) {}

  get folder(): string {
    return join(this.dataDir, 'batches');
  }

  async start(em: EntityManager, input: StartBatch): Promise<IBatch> {
    const kind = this.kinds.get(input.kind);
    if (!kind) throw new Error(BATCH_TEXT.unknownKind(input.kind));
    const params = kind.prepare && !input.prepared ? await kind.prepare(em, input.params, this.dataDir) : input.params;
    const batch = em.create(Batch, {
      kind: input.kind,
      title: input.title,
      params: JSON.stringify(params),
      createdBy: input.createdBy,
    });
    await em.flush();
    const id = batch.id;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.execute(id))
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
    return batch;
  }

  /** Resolves when the batch's run in this process has ended (tests and graceful shutdown). */
  async settled(id?: number): Promise<void> {
    if (id !== undefined) await this.running.get(id);
    else await Promise.all(this.running.values());
  }

  /** At start-up: a batch that was queued or running when the process stopped failed; it can be started again. */
  async markInterrupted(em: EntityManager): Promise<number> {
    const stale = await em.find(Batch, { status: { $in: ['queued', 'running'] } });
    for (const b of stale) {
      b.status = 'failed';
      b.error = BATCH_TEXT.interrupted;
      b.finishedAt = new Date();
      this.removePart(b.id);
    }
    await em.flush();
    return stale.length;
  }

  /** The kind's next step for a finished batch (e.g. marking printed letters as sent), if any. */
  nextStep(batch: IBatch): { href: string; label: string } | null {
    if (batch.status !== 'done') return null;
    const next = this.kinds.get(batch.kind)?.next;
    return next ? next(JSON.parse(batch.params) as Record<string, unknown>, batch.id) : null;
  }

  outputPath(batch: IBatch): string | null {
    if (batch.status !== 'done' || !batch.outputFile) return null;
    const path = join(this.folder, batch.outputFile);
    return existsSync(path) ? path : null;
  }

  openOutput(batch: IBatch): NodeJS.ReadableStream | null {
    const path = this.outputPath(batch);
    return path ? createReadStream(path) : null;
  }

  private partPath(id: number): string {
    return join(this.folder, `${id}.part`);
  }

  private removePart(id: number): void {
    if (existsSync(this.partPath(id))) unlinkSync(this.partPath(id));
  }

  private async execute(id: number): Promise<void> {
    const em = this.orm.em.fork();
    const batch = await em.findOneOrFail(Batch, { id });
    const kind = this.kinds.get(batch.kind)!;
    const params = JSON.parse(batch.params) as Record<string, unknown>;
    await withActor({ staffId: null, name: batch.createdBy }, async () => {
      batch.status = 'running';
      batch.startedAt = new Date();
      await em.flush();
      mkdirSync(this.folder, { recursive: true });
      const part = this.partPath(id);
      const out = createWriteStream(part);
      try {
        const written = new Promise<void>((resolve, reject) => {
          out.on('finish', resolve);
          out.on('error', reject);
        });
        const progress = this.progressWriter(id);
        await kind.run({ em: this.orm.em.fork(), params, progress: progress.update, out, dataDir: this.dataDir });
        if (!out.writableFinished) out.end();
        await written;
        const counted = await progress.last();
        const file = `${id}.pdf`;
        renameSync(part, join(this.folder, file));
        batch.status = 'done';
        batch.outputFile = file;
        batch.outputName = kind.fileName(params);
        batch.outputBytes = statSync(join(this.folder, file)).size;
        batch.done = counted.done;
        batch.total = Math.max(counted.total, counted.done);
      } catch (err) {
        // Close the file before removing it, or a write still queued would bring it back.
        out.destroy();
        await once(out, 'close').catch(() => undefined);
        this.removePart(id);
        batch.status = 'failed';
        batch.error = BATCH_TEXT.failedPrefix + (err instanceof Error ? err.message : String(err));
      }
      batch.finishedAt = new Date();
      await em.flush();
    });
  }

  /** Progress straight into the row (not audited: it is the run's state, not a record staff edit). */
  private progressWriter(id: number) {
    let lastWrite = 0;
    let pending: Promise<unknown> = Promise.resolve();
    const seen = { done: 0, total: 0 };
    const update: BatchContext['progress'] = (done, total) => {
      seen.done = done;
      if (total !== undefined) seen.total = total;
      const now = Date.now();
      if (now - lastWrite < PROGRESS_EVERY_MS && done !== seen.total) return;
      lastWrite = now;
      const patch = { done: seen.done, total: seen.total };
      pending = pending.then(() => this.orm.em.fork().nativeUpdate(Batch, { id }, patch)).catch(() => undefined);
    };
    const last = async () => {
      await pending;
      return { ...seen };
    };
    return { update, last };
  }
}
