import { registerAuditLabels } from '../audit/labels.js';

/** Segments, campaigns, newsletters and mailings in the change log. */
export function registerMailingAuditLabels(): void {
  registerAuditLabels('Segment', { label: 'セグメント', fields: { name: '名前', filter: '条件', note: 'メモ' } });
  registerAuditLabels('MailingContact', {
    refs: { member: 'Member' },
    label: '連絡の可否',
    fields: {
      member: '会員',
      bouncedEmail: '不達のアドレス',
      emailOptedOut: 'メール配信停止',
      bounceReason: '不達の理由',
    },
  });
  registerAuditLabels('Campaign', {
    label: 'キャンペーン',
    fields: {
      name: '名前',
      goalKind: '目標の種類',
      goal: '目標',
      startsOn: '開始日',
      endsOn: '終了日',
      description: '説明',
    },
  });
  registerAuditLabels('NewsletterIssue', {
    label: '会報',
    fields: { title: '題名', number: '号', issuedOn: '発行日', body: '本文', campaign: 'キャンペーン' },
  });
  registerAuditLabels('NewsletterImage', { label: '会報の画像', fields: { issue: '会報', fileName: 'ファイル名' } });
  registerAuditLabels('Mailing', {
    label: '発送',
    fields: {
      issue: '会報',
      segment: 'セグメント',
      channel: '送り方',
      recipientCount: '人数',
      status: '状態',
      emailSent: 'メールを送った件数',
      emailFailed: 'メールの送信に失敗した件数',
      released: '送信中から失敗に戻した件数',
    },
  });
  registerAuditLabels('MailedDocument', {
    label: 'メールで送った書類',
    fields: {
      member: '会員',
      kind: '書類',
      reference: '対象',
      toEmail: '宛先',
      subject: '件名',
      status: '状態',
      error: 'サーバーの応答',
      attempts: '送信回数',
      sentAt: '送信日時',
    },
  });
  registerAuditLabels('MailingRecipient', {
    label: '発送の宛先',
    fields: { mailing: '発送', member: '会員', status: '状態' },
  });
}
