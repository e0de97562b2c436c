import { dayOf } from '../db/raw-values.js';
/** Issued certificates as plain rows for the PDF, and the checked wording. */
import type { EntityManager } from '../db/orm.js';
import type { CertificateDoc, CertificateStyle } from '../documents/certificate.pdf.js';
import { formatDateJa } from '../lib/dates.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { requireCertification } from './certificate.service.js';
import { corporationKind, missingItems } from './certification.js';
import { orgInfo } from './dues-port.js';
import { receiptAmount } from './receipt-lines.js';
import { sealPath } from './seal.js';
import { CERT_TEXT, HONORIFIC, honorificOf } from './ui-text.js';
import { batchTemplates, words } from './words.js';

type Row = Record<string, unknown>;

export async function* certificateDocs(
  em: EntityManager,
  ids: number[],
  opts: { reissue?: boolean } = {},
): AsyncGenerator<CertificateDoc> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    const rows = await em.execute<Row[]>(
      `select * from donation_certificate where id in (${marks}) order by number`,
      chunk,
    );
    const gifts = await em.execute<Row[]>(
      `select certificate_id, received_on, amount from certificate_gift where certificate_id in (${marks}) order by received_on, id`,
      chunk,
    );
    for (const r of rows) {
      const own = gifts
        .filter((g) => Number(g.certificate_id) === Number(r.id))
        .map((g) => ({
          date: dayOf(g.received_on),
          amount: Number(g.amount),
          amountText: receiptAmount(Number(g.amount)),
        }));
      yield {
        number: String(r.number),
        combined: Boolean(r.combined),
        reissue: opts.reissue ?? false,
        issuedOn: dayOf(r.issued_on),
        total: Number(r.total),
        totalText: receiptAmount(Number(r.total)),
        gifts: own,
        donor: {
          name: String(r.donor_name),
          honorific: honorificOf(r.donor_honorific),
          postalCode: r.donor_postal_code ? String(r.donor_postal_code) : null,
          address: String(r.donor_address),
        },
      };
    }
  }
}

/**
 * Organisation, seal and wording; every page's items are checked before it is drawn, so a
 * certificate missing something the donor's tax return needs is never printed.
 */
export async function certificateStyle(em: EntityManager, dataDir: string): Promise<CertificateStyle> {
  const c = await requireCertification(em);
  const s = await getSettings(em);
  const org = await orgInfo(em, dataDir, []);
  const store = batchTemplates(dataDir);
  const date = formatDateJa(c.date, org.era);
  const base = { 団体名: s.orgName, 事業: c.activity, 認定の種類: c.kind, 法人の種類: corporationKind(c) };
  const facts: [string, string][] = [
    [CERT_TEXT.numberFact(c.kind), c.number],
    [CERT_TEXT.dateFact(c.kind), date],
  ];
  const activity = words(store, 'certificates/activity', base);
  const certification = words(store, 'certificates/certification', base);
  const text = [...activity, ...certification, ...facts.flat()].join('\n');
  const check = (d: Pick<CertificateDoc, 'number' | 'donor' | 'total' | 'gifts'>) => {
    const missing = missingItems(
      {
        orgName: s.orgName,
        orgAddress: s.orgAddress,
        donorName: d.donor.name,
        donorAddress: d.donor.address ?? '',
        total: d.total,
        gifts: d.gifts,
        text,
      },
      c,
      date,
    );
    if (missing.length) throw new UserError(CERT_TEXT.missing(d.number, missing), 422);
  };
  // The wording is checked now, before any number is taken: an edited template cannot drop an item.
  check({
    number: '',
    donor: { name: '-', honorific: HONORIFIC.person, postalCode: null, address: '-' },
    total: 1,
    gifts: [{ date: '2000-01-01', amount: 1, amountText: '' }],
  });
  return {
    org,
    seal: sealPath(dataDir),
    words: (d) => {
      check(d);
      return {
        activity,
        certification,
        facts,
        note: words(store, 'certificates/note', { ...base, 宛名: `${d.donor.name} ${d.donor.honorific}` }),
      };
    },
  };
}
