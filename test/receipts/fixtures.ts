import { execFileSync } from 'node:child_process';
import type { EntityManager } from '../../src/db/orm.js';
import { recordDonation } from '../../src/dues/donation.service.js';
import { createManualInvoice } from '../../src/dues/invoice.service.js';
import { recordPayment } from '../../src/dues/payment.service.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { addMember, asTest } from '../supporters/fixtures.js';

export { addMember, asTest };

export const ORG_SETTINGS = {
  orgName: '特定非営利活動法人 エニシの会',
  orgPostalCode: '160-0022',
  orgAddress: '東京都新宿区新宿1-2-3',
  orgPhone: '03-1234-5678',
  representative: '理事長 佐藤 花子',
};
export const CERTIFICATION = {
  'certification.kind': '認定',
  'certification.number': '新宿区指令第1234号',
  'certification.date': '2024-04-01',
  'certification.activity': '子どもの居場所づくり',
} as const;

/**
 * 山田 太郎 (正会員) pays 2026 dues 5,000円 + 2,000円 given as a gift; 髙橋 花子 (賛助会員) pays
 * 3,000円 dues; 株式会社みどり (団体, 賛助会員) gives 10,000円; 鈴木 一郎 (not a member) gives 20,000円.
 */
export async function ledger(em: () => EntityManager) {
  await asTest(() => updateSettings(em(), ORG_SETTINGS));
  const yamada = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    postalCode: '100-0001',
    prefecture: '東京都',
    city: '千代田区',
    address1: '千代田1-1-1',
    address2: 'エニシマンション101',
  });
  const takahashi = await addMember(em(), {
    familyName: '髙橋',
    givenName: '花子',
    familyKana: 'タカハシ',
    givenKana: 'ハナコ',
    memberTypeId: '2',
    postalCode: '530-0001',
    prefecture: '大阪府',
    city: '大阪市北区',
    address1: '梅田1-1',
  });
  const midori = await addMember(em(), {
    kind: 'organization',
    orgName: '株式会社みどり',
    orgKana: 'ミドリ',
    memberTypeId: '2',
    postalCode: '980-0021',
    prefecture: '宮城県',
    city: '仙台市青葉区',
    address1: '中央1-1',
  });
  return asTest(async () => {
    const inv1 = await createManualInvoice(em(), { memberId: yamada.id, fiscalYear: 2026, issuedOn: '2026-04-01' });
    const inv2 = await createManualInvoice(em(), { memberId: takahashi.id, fiscalYear: 2026, issuedOn: '2026-04-01' });
    const p1 = await recordPayment(em(), {
      memberId: yamada.id,
      receivedOn: '2026-04-10',
      amount: 7000,
      method: 'bank',
      allocations: [{ invoiceId: inv1.id, amount: 5000 }],
      remainderKind: 'donation',
    });
    const p2 = await recordPayment(em(), {
      memberId: takahashi.id,
      receivedOn: '2026-05-20',
      amount: 3000,
      method: 'bank',
      allocations: [{ invoiceId: inv2.id, amount: 3000 }],
    });
    const d1 = await recordDonation(em(), {
      memberId: midori.id,
      receivedOn: '2026-06-01',
      amount: 10000,
      method: 'bank',
    });
    const d2 = await recordDonation(em(), {
      memberId: null,
      donorName: '鈴木 一郎',
      donorAddress: '〒150-0001 東京都渋谷区神宮前1-1-1',
      receivedOn: '2026-07-07',
      amount: 20000,
      method: 'cash',
    });
    return { yamada, takahashi, midori, p1: p1.payment, p2: p2.payment, d1, d2 };
  });
}

// pdftotext breaks lines and spaces by layout; compare without whitespace.
export const pdfText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
export const squash = (s: string) => s.replace(/\s+/g, '');
export const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
