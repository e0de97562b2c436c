import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '../../src/db/orm.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { createManualInvoice } from '../../src/dues/invoice.service.js';
import { MemberType } from '../../src/members/member-type.entity.js';
import type { IMember } from '../../src/members/member.entity.js';
import { addMember, asTest } from '../supporters/fixtures.js';

export const SAMPLES = [
  'bank-signed-preamble-202605.csv',
  'bank-two-columns-202605.csv',
  'bank-utf8-bom-202605.csv',
  'zengin-nyushukkin-202605.txt',
] as const;
export const sample = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../fixtures/bank/${name}`, import.meta.url)));

export interface Office {
  yamada: IMember;
  suzuki: IMember;
  takahashi: IMember;
  midori: IMember;
  sato: IMember;
  ito: IMember;
  watanabe: IMember;
}

/**
 * The members the May 2026 sample statements were written for, each with the 2026 dues
 * invoice (and 佐藤 also 2025, so his 10,000 yen settles two years).
 */
export async function office(em: () => EntityManager): Promise<Office> {
  const e = em();
  const orgType = e.create(MemberType, {
    name: '団体会員',
    annualFee: 10000,
    forOrganizations: true,
    sortOrder: 4,
  } as never);
  await asTest(() => e.flush());
  const person = (
    familyName: string,
    givenName: string,
    familyKana: string,
    givenKana: string,
    extra: Record<string, string> = {},
  ) => addMember(em(), { familyName, givenName, familyKana, givenKana, ...extra });
  const o: Office = {
    yamada: await person('山田', '太郎', 'ヤマダ', 'タロウ'),
    suzuki: await person('鈴木', '花子', 'スズキ', 'ハナコ', { memberNo: '1024', memberTypeId: '2' }),
    takahashi: await person('高橋', '健一', 'タカハシ', 'ケンイチ'),
    midori: await addMember(em(), {
      kind: 'organization',
      orgName: '特定非営利活動法人みどりの森',
      orgKana: 'ミドリノモリ',
      contactPerson: '森 一郎',
      memberTypeId: String((orgType as { id: number }).id),
    }),
    sato: await person('佐藤', '勝', 'サトウ', 'マサル'),
    ito: await person('伊藤', '良子', 'イトウ', 'ヨシコ'),
    watanabe: await person('渡辺', '駿', 'ワタナベ', 'シュン'),
  };
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, issuedOn: '2026-04-10' }));
  await asTest(() => createManualInvoice(em(), { memberId: o.sato.id, fiscalYear: 2025, issuedOn: '2025-04-10' }));
  return o;
}
