import { registerAuditLabels, registerAuditNamer } from '../audit/labels.js';
import { Invoice } from './invoice.entity.js';

/** The dues domain's names in the change log. */
export function registerDuesAuditLabels(): void {
  registerAuditLabels('InvoiceRun', {
    label: '請求の一括発行',
    fields: {
      fiscalYear: '年度',
      issuedOn: '発行日',
      dueOn: '支払期限',
      issuedCount: '件数',
      totalAmount: '合計',
      status: '状態',
      undoneAt: '取り消し日時',
      undoReason: '取り消しの理由',
    },
    values: { status: { active: '有効', undone: '取り消し済み' } },
  });
  registerAuditLabels('Invoice', {
    refs: { member: 'Member' },
    label: '会費請求',
    fields: {
      invoiceNo: '請求番号',
      member: '会員',
      fiscalYear: '年度',
      kind: '種類',
      run: '一括発行',
      memberTypeName: '会員種別',
      description: '内容',
      amount: '金額',
      paidAmount: '入金済額',
      issuedOn: '発行日',
      dueOn: '支払期限',
      status: '状態',
      statusReason: '理由',
      closedOn: '完了日',
      voided: '一括発行の取消',
      reminderCount: '督促回数',
      lastRemindedOn: '最終督促日',
    },
    values: {
      status: { unpaid: '未納', partial: '一部入金', paid: '入金済', waived: '免除', cancelled: '取消' },
      kind: { annual: '一括発行', manual: '個別' },
    },
  });
  registerAuditLabels('Payment', {
    refs: { member: 'Member' },
    label: '入金',
    fields: {
      member: '会員',
      receivedOn: '入金日',
      amount: '金額',
      fee: '振込手数料',
      method: '方法',
      note: 'メモ',
      source: '記録元',
      bankTransactionId: '明細の行',
      allocatedAmount: '充当額',
      remainderKind: '残りの扱い',
      remainderAmount: '残り',
      status: '状態',
      reversedAt: '取消日時',
      reversalReason: '取消の理由',
      thankStatus: 'お礼状',
    },
    values: {
      method: { bank: '銀行振込', postal: '郵便振替', cash: '現金', other: 'その他' },
      source: { manual: '手入力', bank: '銀行明細' },
      remainderKind: { donation: '寄付', credit: '預り金' },
      status: { active: '有効', reversed: '取消' },
      thankStatus: { pending: '送付待ち', done: '送付済み', none: '不要' },
    },
  });
  registerAuditLabels('Allocation', {
    refs: { invoice: 'Invoice' },
    label: '入金の充当',
    fields: { payment: '入金', invoice: '請求', amount: '充当額', reversed: '取消' },
  });
  registerAuditLabels('Donation', {
    refs: { member: 'Member' },
    label: '寄付',
    fields: {
      member: '会員',
      donorName: '寄付者名',
      donorAddress: '寄付者の住所',
      receivedOn: '受領日',
      amount: '金額',
      method: '方法',
      purpose: '目的',
      payment: '入金',
      bankTransactionId: '入出金明細の行',
      note: 'メモ',
      status: '状態',
      reversalReason: '取消の理由',
      thankStatus: 'お礼状',
    },
    values: {
      method: { bank: '銀行振込', postal: '郵便振替', cash: '現金', other: 'その他' },
      status: { active: '有効', reversed: '取消' },
      thankStatus: { pending: '送付待ち', done: '送付済み', none: '不要' },
    },
  });
  registerAuditLabels('LapseProposal', {
    refs: { member: 'Member' },
    label: '退会候補の提案',
    fields: { member: '会員', proposedOn: '提案日', unpaidYears: '未納の年度', outstanding: '未納額', status: '状態' },
  });
  registerAuditNamer('Invoice', async (em, ids) => {
    const rows = await em.find(Invoice, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, r.invoiceNo]));
  });
}
