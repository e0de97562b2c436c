import { displayKana, displayName, fullAddress } from '../members/member.model.js';
import type { CsvCell } from '../web/download.js';
import type { HelperCandidate } from './find-helpers.js';
import type { IParticipation } from './participation.entity.js';
import { PARTICIPATION_LABELS } from './ui-text.js';

export const CALL_LIST_HEADER = [
  '状況',
  '会員番号',
  '氏名',
  'フリガナ',
  '電話',
  '携帯',
  'メール',
  '郵便番号',
  '住所',
  '協力できる分野',
  'これまでの参加回数',
  '最後の参加',
  'メモ',
  '結果',
];

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
    '未依頼',
    c.memberNo,
    c.name,
    c.kana,
    c.phone,
    c.mobile,
    c.email,
    c.postalCode,
    c.address,
    c.skills.map((s) => (s.note ? `${s.name}（${s.note}）` : s.name)).join('、'),
    c.timesHelped,
    c.lastHelpedOn,
    '',
    '',
  ]);
  return [...listed, ...fresh];
}
