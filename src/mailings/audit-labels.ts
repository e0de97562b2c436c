import { registerAuditLabels } from '../audit/labels.js';

/** Segments, campaigns, newsletters and mailings in the change log. */
export function registerMailingAuditLabels(): void {
  registerAuditLabels('Segment', { label: 'セグメント', fields: { name: '名前', filter: '条件', note: 'メモ' } });
  registerAuditLabels('MailingContact', {
    refs: { member: 'Member' },
    label: '連絡の可否',
    fields: { member: '会員', bouncedEmail: '不達のアドレス', emailOptOut: 'メール配信停止' },
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
    fields: { issue: '会報', segment: 'セグメント', channel: '送り方', recipientCount: '人数', status: '状態' },
  });
  registerAuditLabels('MailingRecipient', {
    label: '発送の宛先',
    fields: { mailing: '発送', member: '会員', status: '状態' },
  });
}
