import { registerAuditLabels } from '../audit/labels.js';

/** The banking domain's names in the change log. */
export function registerBankingAuditLabels(): void {
  registerAuditLabels('BankImport', {
    label: '入出金明細の取り込み',
    fields: {
      format: '形式',
      fileName: 'ファイル名',
      encoding: '文字コード',
      periodFrom: '期間（から）',
      periodTo: '期間（まで）',
      lineCount: '行数',
      depositCount: '入金',
      knownCount: '取り込み済み',
      matchedCount: '自動消込',
      reviewCount: '要確認',
      ignoredCount: '対象外',
      status: '状態',
      undoneAt: '取り消し日時',
      undoReason: '取り消しの理由',
    },
    values: { status: { active: '有効', undone: '取り消し済み' } },
  });
  registerAuditLabels('BankTransaction', {
    refs: { member: 'Member' },
    label: '入出金明細の行',
    fields: {
      bankImport: '取り込み',
      line: '行',
      date: '日付',
      amount: '金額',
      direction: '入出金',
      payer: '振込依頼人名',
      payerKey: '名義（照合用）',
      reference: '照会番号',
      memo: '摘要',
      fingerprint: '識別子',
      status: '状態',
      member: '会員',
      paymentId: '入金',
      suggestions: '候補',
      note: 'メモ',
    },
    values: {
      status: {
        matched: '消込済み',
        review: '要確認',
        ignored: '対象外',
        donation: '寄付',
        not_dues: '会費以外',
        skipped: '保留',
      },
      direction: { deposit: '入金', withdrawal: '出金' },
    },
  });
  registerAuditLabels('PayerAlias', {
    refs: { member: 'Member' },
    label: '振込名義の登録',
    fields: { payerKey: '名義（照合用）', payer: '振込依頼人名', member: '会員' },
  });
  registerAuditLabels('BankProfile', { label: '明細の列の設定', fields: { name: '名前', mapping: '列の対応' } });
}
