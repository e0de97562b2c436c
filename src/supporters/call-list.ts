import { displayKana, displayName, fullAddress } from '../members/member.model.js';
import type { CsvCell } from '../web/download.js';
import type { HelperCandidate } from './find-helpers.js';
import type { IParticipation } from './participation.entity.js';
import { PARTICIPATION_LABELS, SUPPORTERS_TEXT } from './ui-text.js';

/**
 * 協力依頼リスト for phoning round: people already on the activity (with their status) first,
 * then the candidates not yet asked, in find-helpers order. 結果 is left blank for the caller.
 */
export function callListRows(participants: IParticipation[], candidates: HelperCandidate[]): CsvCell[][] {
  const listed: CsvCell[][] = participants.map((p) => {
    const m = p.member;
    return [
      PARTICIPATION_LABELS[p.status],
      m.memberNo,
      displayName(m),
      displayKana(m),
      m.phone,
      m.mobile,
      m.email,
      m.postalCode,
      fullAddress(m),
      '',
      '',
      '',
      p.note,
      '',
    ];
  });
  const fresh: CsvCell[][] = candidates.map((c) => [
    SUPPORTERS_TEXT.notAsked,
    c.memberNo,
    c.name,
    c.kana,
    c.phone,
    c.mobile,
    c.email,
    c.postalCode,
    c.address,
    c.skills
      .map((s) => (s.note ? SUPPORTERS_TEXT.skillWithNote(s.name, s.note) : s.name))
      .join(SUPPORTERS_TEXT.listSeparator),
    c.timesHelped,
    c.lastHelpedOn,
    '',
    '',
  ]);
  return [...listed, ...fresh];
}
