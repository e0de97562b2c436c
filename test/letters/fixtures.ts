import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordDonation } from '../../src/dues/donation.service.js';
import { createManualInvoice } from '../../src/dues/invoice.service.js';
import { recordPayment } from '../../src/dues/payment.service.js';
import { updateSettings, type Settings } from '../../src/settings/settings.service.js';
import { createInteraction } from '../../src/supporters/interactions.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

type T = Parameters<typeof build>[0];

/**
 * An office with one of each thing to thank: 山田 paid 8,000円 on 2026-04-20 (5,000円 dues +
 * 3,000円 donation), 鈴木 brought vegetables on 2026-04-25, 佐藤 (an organisation) donated
 * 10,000円 on 2026-05-02.
 */
export async function thankOffice(t: T, settings: Partial<Settings> = {}) {
  const ctx = await build(t);
  const em = ctx.em;
  await asTest(() =>
    updateSettings(em(), {
      orgName: 'NPO法人 縁の会',
      representative: '理事長 佐藤 花子',
      orgPhone: '03-1234-5678',
      ...settings,
    }),
  );
  const address = { postalCode: '160-0022', prefecture: '東京都', city: '新宿区', address1: '新宿1-2-3' };
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    ...address,
  });
  const ichiro = await addMember(em(), {
    familyName: '鈴木',
    givenName: '一郎',
    familyKana: 'スズキ',
    givenKana: 'イチロウ',
    ...address,
  });
  const org = await addMember(em(), {
    kind: 'organization',
    orgName: '株式会社 佐藤商店',
    orgKana: 'サトウショウテン',
    ...address,
  });
  const inv = await asTest(() =>
    createManualInvoice(em(), { memberId: taro.id, fiscalYear: 2026, issuedOn: '2026-04-01' }),
  );
  const paid = await asTest(() =>
    recordPayment(em(), {
      memberId: taro.id,
      receivedOn: '2026-04-20',
      amount: 8000,
      method: 'bank',
      allocations: [{ invoiceId: inv.id, amount: 5000 }],
      remainderKind: 'donation',
    }),
  );
  const gift = await asTest(() =>
    createInteraction(em(), ichiro.id, {
      occurredOn: '2026-04-25',
      occurredTime: null,
      staffId: null,
      channel: '来所',
      summary: '野菜の差し入れ',
      content: null,
      gift: '野菜一箱',
      giftThankedOn: null,
      followUp: null,
      followUpDue: null,
      followUpDone: false,
    }),
  );
  const donation = await asTest(() =>
    recordDonation(em(), {
      memberId: org.id,
      receivedOn: '2026-05-02',
      amount: 10000,
      method: 'bank',
      purpose: '子ども食堂事業',
    }),
  );
  const c = await loggedIn(ctx.app, 'staff');
  return { ...ctx, c, taro, ichiro, org, payment: paid.payment, gift, donation };
}

export function pdfWorkspace(t: T) {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-letters-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    /** Writes a PDF and returns its text without whitespace and its page count. */
    read(body: Buffer) {
      const file = join(dir, `${++n}.pdf`);
      writeFileSync(file, body);
      return { file, ...pdfText(file) };
    },
  };
}

export function pdfText(file: string) {
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

type Client = Awaited<ReturnType<typeof loggedIn>>;
type App = Awaited<ReturnType<typeof build>>['app'];

/**
 * Posts the to-thank print form, which starts a background batch and redirects to its page;
 * waits for the run and returns the downloaded PDF (and the batch id).
 */
export async function printToThank(app: App, c: Client, form: Record<string, string | string[]>) {
  await c.get('/letters/to-thank');
  const res = await c.post('/letters/to-thank/print', form);
  if (res.statusCode !== 303) return { res, batchId: 0, pdf: null };
  const batchId = Number(/\/batches\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  await app.batches.settled(batchId);
  const file = await c.get(`/batches/${batchId}/download`);
  return { res, batchId, pdf: file.statusCode === 200 ? file.rawPayload : null };
}
