import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { Batch } from '../../src/batches/batch.entity.js';
import { type BatchKind, BatchRunner } from '../../src/batches/batch.service.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from '../dues/fixtures.js';

type T = Parameters<typeof build>[0];

async function withRun(t: T, members = 3) {
  const ctx = await build(t);
  for (let i = 0; i < members; i++) {
    await addMember(ctx.em(), { familyName: '山田', givenName: `太郎${i}`, familyKana: 'ヤマダ', givenKana: 'タロウ' });
  }
  const run = await asTest(() => issueInvoiceRun(ctx.em(), { fiscalYear: 2026, issuedOn: '2026-04-10' }));
  return { ...ctx, runId: run.run!.id };
}

const pdfPages = (buf: Buffer, dir: string) => {
  const file = join(dir, 'out.pdf');
  writeFileSync(file, buf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
};

t.test('an invoice run prints in the background, counts its pages and offers the finished PDF', async (t) => {
  const { app, em, runId, config } = await withRun(t, 3);
  const c = await loggedIn(app, 'staff');
  await c.get(`/dues/runs/${runId}`);
  const res = await c.post(`/dues/runs/${runId}/print`);
  t.equal(res.statusCode, 303);
  const id = Number(/\/batches\/(\d+)$/.exec(res.headers.location as string)?.[1]);
  t.ok(id > 0, 'redirected to the batch page');
  await app.batches.settled(id);
  const status = JSON.parse((await c.get(`/batches/${id}/status.json`)).body);
  t.match(status, { status: 'done', done: 3, total: 3, percent: 100, download: `/batches/${id}/download` });
  const page = await c.get(`/batches/${id}`);
  t.match(page.body, /<progress class="batch-progress" max="3" value="3"/);
  t.match(page.body, /ダウンロード（請求書_2026年度_\d+\.pdf）/);
  const file = await c.get(`/batches/${id}/download`);
  t.equal(file.headers['content-type'], 'application/pdf');
  t.equal(pdfPages(file.rawPayload, config.dataDir), 3, 'one page per invoice');
  const row = await em().findOneOrFail(Batch, { id });
  t.equal(row.createdBy, (await c.get('/account')).body.match(/<a href="\/account">([^<]+)</)?.[1]);
});

t.test('progress is written while a run is under way and the page says so', async (t) => {
  const { app, orm, config } = await build(t);
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const slow: BatchKind = {
    fileName: () => 'slow.pdf',
    async run({ progress, out }) {
      progress(2, 5);
      await new Promise((r) => setTimeout(r, 50));
      progress(3, 5);
      await gate;
      out.end('%PDF-1.4\n');
    },
  };
  const runner = new BatchRunner(orm, config.dataDir, new Map([['slow', slow]]));
  const b = await runner.start(orm.em.fork(), { kind: 'slow', title: 'ゆっくり', params: {}, createdBy: '事務局' });
  for (let i = 0; i < 100 && (await orm.em.fork().findOneOrFail(Batch, { id: b.id })).done < 2; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const mid = await orm.em.fork().findOneOrFail(Batch, { id: b.id });
  t.equal(mid.status, 'running');
  t.equal(mid.total, 5);
  t.ok(mid.done >= 2, `done so far: ${mid.done}`);
  const c = await loggedIn(app, 'viewer');
  t.match((await c.get(`/batches/${b.id}`)).body, /このページは自動で更新されます/);
  release();
  await runner.settled(b.id);
  t.match(await orm.em.fork().findOneOrFail(Batch, { id: b.id }), { status: 'done', done: 3, total: 5 });
});

t.test('a run that fails halfway says so with its error and leaves no PDF behind', async (t) => {
  const { app, orm, config } = await build(t);
  const broken: BatchKind = {
    fileName: () => 'broken.pdf',
    async run({ progress, out }) {
      out.write('%PDF-1.4\n% half a document\n');
      progress(1, 10);
      throw new Error('会員 12 の住所が読めません');
    },
  };
  const runner = new BatchRunner(orm, config.dataDir, new Map([['broken', broken]]));
  const b = await runner.start(orm.em.fork(), { kind: 'broken', title: '壊れた印刷', params: {}, createdBy: '事務局' });
  await runner.settled(b.id);
  const row = await orm.em.fork().findOneOrFail(Batch, { id: b.id });
  t.equal(row.status, 'failed');
  t.match(row.error, /途中で止まりました.*会員 12 の住所が読めません/);
  t.equal(row.outputFile, null);
  t.same(existsSync(runner.folder) ? readdirSync(runner.folder) : [], [], 'no partial file is kept');
  const c = await loggedIn(app, 'staff');
  const page = await c.get(`/batches/${b.id}`);
  t.match(page.body, /role="alert">処理が途中で止まりました/);
  t.notMatch(page.body, /ダウンロード/);
  t.equal((await c.get(`/batches/${b.id}/download`)).statusCode, 409);
});

t.test('a restart marks unfinished batches as failed, and one can be started again', async (t) => {
  const { app, runId } = await withRun(t, 2);
  const em = app.orm.em.fork();
  const stale = em.create(Batch, {
    kind: 'invoice-run-pdf',
    title: '請求書の印刷',
    params: JSON.stringify({ runId, fiscalYear: 2026 }),
    createdBy: '事務局',
    status: 'running',
    done: 1,
    total: 2,
  });
  await asTest(() => em.flush());
  t.equal(await app.batches.markInterrupted(app.orm.em.fork()), 1);
  const row = await app.orm.em.fork().findOneOrFail(Batch, { id: stale.id });
  t.equal(row.status, 'failed');
  t.match(row.error, /再起動で中断/);
  const c = await loggedIn(app, 'staff');
  await c.get(`/batches/${stale.id}`);
  const again = await c.post(`/batches/${stale.id}/retry`);
  t.ok([302, 303].includes(again.statusCode), `redirected (${again.statusCode})`);
  const newId = Number(/\/batches\/(\d+)$/.exec(again.headers.location as string)?.[1]);
  t.not(newId, stale.id);
  await app.batches.settled(newId);
  t.match(await app.orm.em.fork().findOneOrFail(Batch, { id: newId }), { status: 'done', done: 2, total: 2 });
  t.equal((await c.post(`/batches/${newId}/retry`)).statusCode, 409, 'a finished run is not run again');
});

t.test('a viewer can watch a batch but cannot start or retry one', async (t) => {
  const { app, runId } = await withRun(t, 1);
  const c = await loggedIn(app, 'viewer');
  await c.get('/batches');
  t.equal((await c.post(`/dues/runs/${runId}/print`)).statusCode, 403);
});
