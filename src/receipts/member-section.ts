import { dayOf } from '../db/raw-values.js';
/** The 「領収書・証明書」 section and timeline entries of the member page, and audit labels. */
import type { EntityManager } from '../db/orm.js';
import { formatYenJa } from '../lib/money.js';
import type { IMember } from '../members/member.entity.js';
import {
  addMemberSection,
  addTimelineSource,
  type MemberPageReads,
  type TimelineItem,
} from '../members/member-page.js';
import { KIND_LABELS, STATUS_LABELS, TIMELINE_TEXT } from './ui-text.js';

type Row = Record<string, unknown>;
const receiptNo = (key: string, alias: string) =>
  `(select r.number from receipt_item ri join receipt r on r.id = ri.receipt_id where ri.active_key = '${key}:' || ${alias}.id) as receipt_no`;

/** Read once per member page: the section lists them and the timeline shows their issue and voiding. */
const documentsOf = (em: EntityManager, m: IMember, page: MemberPageReads) =>
  page.once('receipts.documents', async () => {
    const [receipts, certificates] = await Promise.all([
      em.execute<Row[]>('select * from receipt where member_id = ? order by id desc limit 50', [m.id]),
      em.execute<Row[]>('select * from donation_certificate where member_id = ? order by id desc limit 50', [m.id]),
    ]);
    return { receipts, certificates };
  });

async function loadSection(em: EntityManager, m: IMember, page: MemberPageReads) {
  const paymentRows = em.execute<Row[]>(
    `select p.id, p.received_on, p.amount, p.fee, ${receiptNo('payment', 'p')} from payment p
    where p.member_id = ? and p.status = 'active' order by p.received_on desc, p.id desc limit 50`,
    [m.id],
  );
  const donationRows = em.execute<Row[]>(
    `select d.id, d.received_on, d.amount, ${receiptNo('donation', 'd')} from donation d
    where d.member_id = ? and d.status = 'active' and d.payment_id is null order by d.received_on desc, d.id desc limit 50`,
    [m.id],
  );
  const [payments, donations, { receipts, certificates }] = await Promise.all([
    paymentRows,
    donationRows,
    documentsOf(em, m, page),
  ]);
  const fy = (v: unknown) => Number(dayOf(v).slice(0, 4));
  const years = [...new Set([...payments, ...donations].map((p) => fy(p.received_on)))].sort((a, b) => b - a);
  return {
    payments,
    donations,
    receipts,
    certificates,
    years,
    dateOf: dayOf,
    kindLabels: KIND_LABELS,
    statusLabels: STATUS_LABELS,
  };
}

/** 発行, 再発行 and 取消 of the member's receipts and certificates. */
async function timeline(em: EntityManager, m: IMember, page: MemberPageReads): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  const { receipts, certificates } = await documentsOf(em, m, page);
  const docs: Row[] = [
    ...receipts.map((r) => ({ ...r, label: TIMELINE_TEXT.receipt })),
    ...certificates.map((r) => ({ ...r, amount: r.total, label: TIMELINE_TEXT.certificate })),
  ];
  for (const r of docs) {
    const href = `/receipts?year=${String(r.number).replace(/^C/, '').slice(0, 4)}`;
    items.push({
      at: dayOf(r.issued_on),
      kind: TIMELINE_TEXT.issued,
      title: `${r.label} ${r.number} ${formatYenJa(Number(r.amount))}`,
      href,
    });
    if (r.last_reissued_on)
      items.push({
        at: dayOf(r.last_reissued_on),
        kind: TIMELINE_TEXT.reissued,
        title: TIMELINE_TEXT.reissueTitle(String(r.label), String(r.number), Number(r.reissue_count)),
        href,
      });
    if (r.status === 'void')
      items.push({
        at: r.voided_at instanceof Date ? r.voided_at.toISOString() : String(r.voided_at),
        kind: TIMELINE_TEXT.voided,
        title: `${r.label} ${r.number}`,
        detail: String(r.void_reason ?? ''),
        href,
      });
  }
  return items;
}

export function registerReceiptsMemberSection(): void {
  addMemberSection({
    key: 'receipts',
    order: 6,
    template: 'receipts/member-section',
    load: (em, m, _s, page) => loadSection(em, m, page),
  });
  addTimelineSource('receipts', timeline);
}
