import { nowTimeInTokyo, todayInTokyo } from '../lib/dates.js';
import {
  addMemberSection,
  addTimelineSource,
  type MemberPageReads,
  type TimelineItem,
} from '../members/member-page.js';
import type { EntityManager } from '../db/orm.js';
import type { IMember } from '../members/member.entity.js';
import { participationsOf } from './activities.service.js';
import { HOUSEHOLD_RELATIONS } from './household.entity.js';
import { addressDiffers, householdOfMember } from './households.service.js';
import { CHANNELS } from './interaction.entity.js';
import { interactionLines, openNotesOfMember } from './interactions.service.js';
import { memberRoleRows, splitRoles } from './roles.service.js';
import { PARTICIPATION_LABELS, SUPPORTERS_TEXT, TIMELINE_KINDS } from './ui-text.js';

/** The supporters' sections on the member page and their entries in its timeline. */
export function registerMemberPage(): void {
  addMemberSection({
    key: 'supporters.interactions',
    order: 10,
    template: 'supporters/section-interactions',
    load: async (em, m, staff, page) => {
      const [{ staffList }, { followUps, gifts }] = await Promise.all([
        choicesOf(em, page),
        openNotesOfMember(em, m.id),
      ]);
      return {
        channels: CHANNELS,
        staffList,
        currentStaffId: staff?.id ?? null,
        today: todayInTokyo(),
        nowTime: nowTimeInTokyo(),
        followUps,
        gifts,
      };
    },
  });
  addMemberSection({
    key: 'supporters.roles',
    order: 20,
    template: 'supporters/section-roles',
    load: async (em, m, _s, page) => {
      const [roles, roleTypes] = await Promise.all([
        memberRolesOf(em, m, page).then((all) => splitRoles(all)),
        choicesOf(em, page).then((c) => c.roleTypes),
      ]);
      return { roles, roleTypes, today: todayInTokyo() };
    },
  });
  addMemberSection({
    key: 'supporters.household',
    order: 40,
    template: 'supporters/section-household',
    load: async (em, m) => {
      const view = await householdOfMember(em, m);
      const differs = view?.head
        ? view.members.filter((x) => x.id !== view.head!.id && addressDiffers(x, view.head!)).length
        : 0;
      return { householdView: view, relations: HOUSEHOLD_RELATIONS, addressesDiffer: differs };
    },
  });
  addMemberSection({
    key: 'supporters.activities',
    order: 50,
    template: 'supporters/section-activities',
    load: async (em, m, _s, page) => ({
      participations: await participationsRead(em, m, page),
      participationLabels: PARTICIPATION_LABELS,
    }),
  });
  addTimelineSource('supporters.interactions', interactionItems);
  addTimelineSource('supporters.roles', roleItems);
  addTimelineSource('supporters.activities', activityItems);
}

/**
 * The two choice lists of the page's forms in one plain query: active staff for 担当 (as
 * staffChoices orders them) and active role kinds (as listItems('roles', true) orders them).
 */
const choicesOf = (em: EntityManager, page: MemberPageReads) =>
  page.once('supporters.choices', async () => {
    const rows = await em.execute<{ k: string; id: number; name: string }[]>(
      `select 'role' as k, id, name, sort_order as n, '' as t from supporter_role where active = ?
       union all
       select 'staff' as k, id, display_name as name, 0 as n, display_name as t from staff where active = ?
       order by k, n, t, id`,
      [true, true],
    );
    const of = (k: string) => rows.filter((r) => r.k === k).map((r) => ({ id: Number(r.id), name: String(r.name) }));
    return {
      staffList: of('staff').map((s) => ({ id: s.id, displayName: s.name })),
      roleTypes: of('role'),
    };
  });

/** Read once per member page: the section and the timeline both show them. */
const memberRolesOf = (em: EntityManager, m: IMember, page: MemberPageReads) =>
  page.once('supporters.roles', () => memberRoleRows(em, m.id));
const participationsRead = (em: EntityManager, m: IMember, page: MemberPageReads) =>
  page.once('supporters.participations', () => participationsOf(em, m.id));

async function interactionItems(em: EntityManager, m: IMember): Promise<TimelineItem[]> {
  // The timeline shows its newest 100 items, so no more notes than that can appear.
  return (await interactionLines(em, m.id, 100)).map((i) => ({
    at: i.occurredTime ? `${i.occurredOn}T${i.occurredTime}` : i.occurredOn,
    kind: TIMELINE_KINDS.interaction,
    title: SUPPORTERS_TEXT.interactionLine(i.channel, i.summary, i.staffName),
    detail:
      [
        i.content,
        i.gift ? SUPPORTERS_TEXT.gift(i.gift, i.giftThankedOn ?? null) : null,
        i.followUp ? SUPPORTERS_TEXT.followUp(i.followUp, i.followUpDone) : null,
      ]
        .filter(Boolean)
        .join('\n') || null,
    href: `/interactions/${i.id}`,
  }));
}

async function roleItems(em: EntityManager, m: IMember, page: MemberPageReads): Promise<TimelineItem[]> {
  const today = todayInTokyo();
  const rows = await memberRolesOf(em, m, page);
  return rows.flatMap((r) => {
    const [begin, end] = r.role.officer
      ? [SUPPORTERS_TEXT.officerBegin, SUPPORTERS_TEXT.officerEnd]
      : [SUPPORTERS_TEXT.roleBegin, SUPPORTERS_TEXT.roleEnd];
    const items: TimelineItem[] = [
      {
        at: r.startedOn,
        kind: TIMELINE_KINDS.role,
        title: SUPPORTERS_TEXT.roleEvent(r.role.name, begin),
        detail: r.note ?? null,
      },
    ];
    if (r.endedOn && r.endedOn <= today)
      items.push({ at: r.endedOn, kind: TIMELINE_KINDS.role, title: SUPPORTERS_TEXT.roleEvent(r.role.name, end) });
    return items;
  });
}

async function activityItems(em: EntityManager, m: IMember, page: MemberPageReads): Promise<TimelineItem[]> {
  return (await participationsRead(em, m, page)).map((p) => ({
    at: p.activity.startsOn,
    kind: TIMELINE_KINDS.activity,
    title: SUPPORTERS_TEXT.activityLine(p.activity.title, PARTICIPATION_LABELS[p.status]),
    detail: p.note ?? null,
    href: `/activities/${p.activity.id}`,
  }));
}
