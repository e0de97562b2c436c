/** Words of the member import (page, CLI and row messages). Column headers it reads are data: import-columns.ts. */

/** The field a row message names, as the file's columns call it. */
export const IMPORT_FIELD_NAMES: Record<string, string> = {
  memberNo: '会員番号',
  familyName: '氏名',
  givenName: '氏名',
  familyKana: 'フリガナ',
  givenKana: 'フリガナ',
  orgName: '団体名',
  orgKana: '団体名フリガナ',
  contactKana: '担当者フリガナ',
  postalCode: '郵便番号',
  prefecture: '都道府県',
  phone: '電話番号',
  mobile: '携帯電話',
  email: 'メールアドレス',
  birthDate: '生年月日',
  joinedOn: '入会日',
  addressUnknownOn: '宛先不明日',
};

/** The example row of the template file, in DEFAULT_COLUMNS order. */
export const TEMPLATE_ROW = [
  '',
  '山田 太郎',
  'ヤマダ タロウ',
  '正会員',
  '160-0022',
  '東京都新宿区新宿1-2-3',
  '新宿ビル101',
  '03-1234-5678',
  'taro@example.jp',
  '1980/4/1',
  '2026/4/1',
  '会計;IT',
  '',
];

export const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（BOM付き）',
  cp932: 'Shift_JIS',
};

export const IMPORT_TEXT = {
  listSeparator: '、',
  messageSeparator: '／',
  fieldMessage: (field: string, message: string) => `${field}：${message}`,
  yes: 'はい',
  skillsLabel: '協力できる分野',
  unknownType: (name: string, known: string) => `会員種別「${name}」はありません（登録済みの種別：${known}）`,
  typeRequired: (known: string) => `会員種別を入力してください（登録済みの種別：${known}）`,
  unknownSkills: (names: string, known: string) => `協力できる分野「${names}」はありません（登録済みの分野：${known}）`,
  duplicateNo: (no: number, line: number) => `会員番号 ${no} が ${line} 行目と重複しています`,
  maybeMember: (no: number) =>
    `会員番号 ${no} と同じ人の可能性があります（フリガナと電話番号または生年月日が同じ）。更新するなら会員番号を入れてください`,
  maybeRow: (line: number) => `${line} 行目と同じ人の可能性があります（フリガナと電話番号または生年月日が同じ）`,
  controlChar: (line: number, message: string) => `${line}行目に${message}`,
  notCsv: (reason: string) => `CSVとして読み取れませんでした（${reason}）`,
  emptyFile: 'ファイルが空です',
  pdf: 'PDFファイルは取り込めません。名簿は Excel の「CSV UTF-8（コンマ区切り）」または「CSV」で保存したファイルを選んでください',
  utf16:
    'UTF-16（Unicode テキスト）で保存されたファイルは読めません。Excel の「CSV UTF-8（コンマ区切り）」で保存し直してください',
  tooLarge: (mb: number) => `ファイルが大きすぎます（${mb}MBまで）。名簿を分けて取り込んでください`,
  tooManyLines: (found: number, limit: number) =>
    `行が多すぎます（${found.toLocaleString('ja-JP')}行。${limit.toLocaleString('ja-JP')}行まで）。名簿を分けて取り込んでください`,
  lineTooLong: (line: number, limit: number) =>
    `${line}行目が長すぎます（1行${limit.toLocaleString('ja-JP')}文字まで）。名簿のCSVか確かめてください`,
  planChanged: '確認のあとで会員の登録内容が変わったため、取り込みを中止しました。内容をもう一度確認してください。',
  numberTaken: '取り込み中に他の操作で会員番号が使われたため、何も取り込んでいません。もう一度確認してください。',
  uploadNotFound: '取り込むファイルが見つかりません（もう一度アップロードしてください）',
  uploadGone: '取り込むファイルが見つかりません（取り込み済みか、期限が切れました。もう一度アップロードしてください）',
  title: '会員の取り込み',
  previewTitle: '会員の取り込み：確認',
  templateFileName: '会員取り込みテンプレート.csv',
  chooseFile: '取り込むファイルを選んでください',
  errorsNothingImported:
    'エラーのある行があるため、何も取り込んでいません。正しい行だけ取り込む場合は、チェックを入れてください。',
  skippedErrors: (n: number) => `（エラーの ${n} 行は取り込んでいません）`,
  imported: (created: number, updated: number, skipped: string) =>
    `取り込みました：新規 ${created} 件、更新 ${updated} 件${skipped}`,
  cancelled: '取り込みを取りやめました（ファイルは削除しました）',
  // The CLI
  cliSummary: '会員名簿（CSV: UTF-8 / Shift_JIS）を取り込みます。会員番号が登録済みの行は更新します',
  cliOneFile: '取り込むファイルを1つ指定してください',
  cliCannotRead: (path: string) => `ファイルを読めません: ${path}`,
  cliLine: (line: number, message: string) => `${line} 行目: ${message}`,
  cliJoin: (messages: string[]) => messages.join('。'),
  cliIgnored: (columns: string[]) => `取り込まない列: ${columns.join('、')}`,
  cliCounts: (c: { new: number; update: number; unchanged: number }, errors: number) =>
    `新規 ${c.new} 件、更新 ${c.update} 件、変更なし ${c.unchanged} 件、エラー ${errors} 件`,
  cliDryRun: (summary: string) => `確認のみ（取り込んでいません）: ${summary}`,
  cliImported: (summary: string, hadErrors: boolean) =>
    `取り込みました: ${summary}${hadErrors ? '（エラーの行は取り込んでいません）' : ''}`,
  cliNothing: (summary: string) =>
    `エラーがあるため、何も取り込んでいません: ${summary}\n正しい行だけ取り込むには --only-valid を付けてください`,
};
