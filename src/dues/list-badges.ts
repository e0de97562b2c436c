import { addListBadges, type ListBadge } from '../members/member-page.js';
import { duesStatuses } from './dues-status.service.js';
import { TIMELINE } from './ui-text.js';

/** 未納 / 滞納 (and 退会候補) next to each member in the member list; 会員 and 退会 need no badge. */
export function registerDuesListBadges(): void {
  addListBadges('dues', async (em, rows) => {
    const out = new Map<number, ListBadge>();
    for (const [id, s] of await duesStatuses(em, rows)) {
      if (s.status !== 'unpaid' && s.status !== 'arrears') continue;
      const years = s.unpaidYears.map(TIMELINE.fiscalYear).join(TIMELINE.yearSeparator);
      out.set(id, {
        label: s.lapseCandidate ? TIMELINE.lapseCandidate(s.label) : s.label,
        cls: s.status,
        title: TIMELINE.unpaidYears(years),
      });
    }
    return out;
  });
}
