import type { EntityManager } from '../db/orm.js';
import { addDays } from '../lib/dates.js';
import { displayNameOfRow } from '../members/member.model.js';
import { NotFoundError, UserError } from '../web/errors.js';
import { Campaign, type ICampaign } from './campaign.entity.js';
import { campaignProgress, type CampaignInput, type CampaignTotals, type Progress } from './campaign-progress.js';
import { CAMPAIGN_TEXT, MAIL_TEXT } from './ui-text.js';

/** Linked donations (amount, distinct donors) and volunteers (distinct members who took part during the period). */
export async function campaignTotals(em: EntityManager, c: ICampaign): Promise<CampaignTotals> {
  const [d] = await em.execute<{ amount: number | string | null; supporters: number | string }[]>(
    `select sum(amount) as amount,
      count(distinct case when member_id is not null then 'm' || member_id else 'n' || coalesce(donor_name, '') end) as supporters
    from donation where campaign_id = ? and status = ?`,
    [c.id, 'active'],
  );
  const range = c.endsOn ? 'and a.starts_on <= ?' : '';
  const [v] = await em.execute<{ n: number | string }[]>(
    `select count(distinct pa.member_id) as n from participation pa join activity a on a.id = pa.activity_id
    where pa.status = ? and a.starts_on >= ? ${range}`,
    ['took_part', c.startsOn, ...(c.endsOn ? [c.endsOn] : [])],
  );
  return { amount: Number(d?.amount ?? 0), supporters: Number(d?.supporters ?? 0), volunteers: Number(v?.n ?? 0) };
}

export async function progressOf(em: EntityManager, c: ICampaign): Promise<Progress> {
  return campaignProgress(c.targetKind, c.targetValue, await campaignTotals(em, c));
}

export function listCampaigns(em: EntityManager): Promise<ICampaign[]> {
  return em.find(Campaign, {}, { orderBy: { startsOn: 'desc', id: 'desc' } });
}

export async function getCampaign(em: EntityManager, id: number): Promise<ICampaign> {
  const c = await em.findOne(Campaign, { id });
  if (!c) throw new NotFoundError(MAIL_TEXT.campaignNotFound);
  return c;
}

export async function saveCampaign(em: EntityManager, id: number | null, input: CampaignInput): Promise<ICampaign> {
  const same = await em.findOne(Campaign, { name: input.name });
  if (same && same.id !== id) throw new UserError(MAIL_TEXT.invalid, 409, { name: CAMPAIGN_TEXT.duplicate });
  const c = id ? await getCampaign(em, id) : em.create(Campaign, input);
  Object.assign(c, input);
  await em.flush();
  return c;
}

/** For the donation form: campaigns running today or ended less than 90 days ago (late gifts). */
export async function campaignChoicesFor(em: EntityManager, today: string): Promise<{ id: number; label: string }[]> {
  const since = addDays(today, -90);
  const list = await em.find(
    Campaign,
    { startsOn: { $lte: addDays(today, 30) }, $or: [{ endsOn: null }, { endsOn: { $gte: since } }] },
    { orderBy: { startsOn: 'desc' } },
  );
  return list.map((c) => ({ id: c.id, label: c.name }));
}

/** The donations linked to a campaign, newest first. */
export async function campaignDonations(em: EntityManager, id: number) {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select d.id, cast(d.received_on as varchar(10)) as received_on, d.amount, d.donor_name, m.id as member_id, m.member_no, m.kind, m.family_name, m.given_name, m.org_name
    from donation d left join member m on m.id = d.member_id where d.campaign_id = ? and d.status = ? order by d.received_on desc, d.id desc`,
    [id, 'active'],
  );
  return rows.map((r) => ({
    receivedOn: String(r.received_on),
    amount: Number(r.amount),
    memberId: r.member_id ? Number(r.member_id) : null,
    name: r.member_id ? displayNameOfRow(r) : String(r.donor_name ?? ''),
  }));
}
