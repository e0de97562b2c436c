/** What the letters pages and CLI say (Japanese). */
import type { LetterKind } from '../documents/thank-letter.js';

export const KIND_LABELS: Record<LetterKind, string> = { dues: '会費', donation: '寄付', gift: '頂いた物' };

export const TEXT = {
  toThankTitle: '礼状の送付待ち',
  templatesTitle: '文書の文面',
  nothingSelected: '印刷する行を選んでください',
  badDate: '送付日は 2026-05-01 のような日付で入力してください',
  marked: (n: number) =>
    n ? `${n}件を送付済みにしました` : '送付済みにする行はありませんでした（すでに送付済みです）',
  saved: '文面を保存しました。次に印刷する書類から使われます。',
  reset: '出荷時の文面に戻しました',
  memberNotFound: (no: string) => `会員番号 ${no} の会員が見つかりません`,
  memberNoRequired: 'プレビューに使う会員の会員番号を入力してください',
  unknownTemplate: '文面が見つかりません',
  noLetters: '礼状の送付待ちはありません',
} as const;

export const LAYOUT_LABELS = { horizontal: '横書き', vertical: '縦書き' } as const;

/** The background print of letters and the step after it. */
export const LETTER_BATCH = {
  title: (n: number, on: string) => `礼状の印刷（${n}通・${on}）`,
  markNext: '印刷した礼状を送付済みにする',
  printed: (n: number) =>
    `印刷した ${n} 件を選んでいます。投函したら送付日を確かめて「選んだ礼状を送付済みにする」を押してください。`,
  allSent: '選んだ礼状はすべて送付済みです',
  formInvalid: '入力内容を確認してください',
} as const;

/** What `enishi letters print` says. */
export const LETTER_CLI = {
  usage:
    'enishi letters print --to-thank [--mark-sent] [--date YYYY-MM-DD] [--layout horizontal|vertical] --out FILE.pdf [--json]',
  summary: '礼状の送付待ち（入金・寄付・頂いた物）の礼状を1つのPDFに書き出します（--mark-sent で送付済みに記録）',
  needOut: '--to-thank と --out FILE.pdf を指定してください',
  badDate: (v: string) => `日付が読めません: ${v}`,
  badLayout: '--layout は horizontal か vertical です',
  cannotWrite: (file: string) => `ファイルに書き込めません: ${file}`,
  progressLabel: '礼状',
  written: (n: number, pages: number, file: string) => `礼状 ${n} 通（${pages} ページ）を書き出しました: ${file}`,
  markedSuffix: (n: number) => `（${n} 件を送付済みに記録）`,
} as const;

/** Sent letters on the member timeline. */
export const LETTER_TIMELINE = {
  kind: '礼状',
  title: (letter: string) => `${letter}を送付`,
  detail: (on: string) => `送付日 ${on}`,
} as const;

/** The template editor's page titles, preview file and sample values. */
export const EDITOR_TEXT = {
  editTitle: (title: string) => `${TEXT.templatesTitle}：${title}`,
  previewFile: (name: string) => `プレビュー_${name.replace('/', '_')}.pdf`,
  previewHeading: (title: string) => `【${title}】`,
  sampleInvoiceNo: '（見本）',
  sampleDescription: (year: string) => `${year} 年会費`,
  /** When the salutation setting is not one of the known pairs. */
  defaultSalutation: '拝啓',
} as const;
