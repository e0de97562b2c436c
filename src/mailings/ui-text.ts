/** Japanese text of the mailings domain (segments, labels, special days, campaigns, newsletters). */

export const SEGMENT_ERRORS = {
  choice: '選択肢から選んでください',
  date: '日付を正しく入力してください（例: 2026-04-01）',
  order: '終わりの日付は始まりの日付以降にしてください',
  amount: '金額は1円以上の整数で入力してください',
  postal: '郵便番号の先頭の数字（1〜7桁）を入力してください',
  month: '1〜12の月を選んでください',
  name: '名前を入力してください（60文字まで）',
  duplicate: '同じ名前のセグメントがあります',
};

/** Why a member is left out of a mailing. */
export const EXCLUSION_REASONS: Record<string, string> = {
  withdrawn: '退会済み',
  address_unknown: '宛先不明（郵便物が戻ってきた）',
  no_mail: '郵送物「不要」',
  no_address: '住所が未登録',
  no_email: 'メールアドレスが未登録',
  bounced: 'メールが届かない（不達）',
  opted_out: 'メール配信停止',
};

/** The reason in words, with what staff wrote for a bounce or an opt-out. */
export const exclusionLabel = (reason: string, detail?: string | null): string =>
  `${EXCLUSION_REASONS[reason] ?? reason}${detail ? `：${detail}` : ''}`;

export const CHANNEL_LABELS: Record<string, string> = { post: '郵送', email: 'メール' };

export const DUES_FILTER_LABELS: Record<string, string> = {
  paid: '今年度の会費 納入済み',
  unpaid: '今年度の会費 未納あり',
};

export const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));

export const SPECIAL_DAYS = {
  noBirthdayLetters: (month: number) => `${month}月が誕生日で、郵送できる会員はいません`,
  birthdayLettersFile: (month: number) => `${month}月のお誕生日のお祝い状.pdf`,
  day: (d: number) => `${d}日`,
  age: (n: number) => `${n}歳`,
  birthdaysTitle: (month: number) => `${month}月の誕生日`,
  birthdaysSubtitle: (year: string, n: number) => `${year}年 ${n}人`,
  birthdaysFile: (month: number) => `${month}月の誕生日.pdf`,
  dormantTitle: '休眠している支援者',
  dormantSubtitle: (cutoff: string, n: number) => `${cutoff} 以降に入金・寄付・参加・対応記録がない会員 ${n}人`,
  dormantFile: '休眠支援者.pdf',
  dormantSaved: (n: number) => `休眠とみなす期間を ${n}か月にしました`,
  badMonth: '月は1〜12で指定してください',
  badMonths: '期間は1〜240か月で指定してください',
  birthdayColumns: [
    { label: '日', width: 34 },
    { label: '会員番号', width: 50 },
    { label: '名前', width: 100 },
    { label: '年齢', width: 40 },
    { label: '郵便番号', width: 56 },
    { label: '住所', width: 130 },
    { label: '電話', width: 85 },
  ],
  dormantColumns: [
    { label: '会員番号', width: 50 },
    { label: '名前', width: 100 },
    { label: '最後の入金', width: 62 },
    { label: '最後の寄付', width: 62 },
    { label: '最後の参加', width: 62 },
    { label: '最後の対応記録', width: 72 },
    { label: '電話', width: 87 },
  ],
};

export const CAMPAIGN_TEXT = {
  name: 'キャンペーン名を入力してください（120文字まで）',
  kind: '目標の種類を選んでください',
  target: '目標は1以上の整数で入力してください',
  date: '日付を正しく入力してください（例: 2026-04-01）',
  order: '終了日は開始日以降にしてください',
  duplicate: '同じ名前のキャンペーンがあります',
  kinds: {
    amount: '金額（円）',
    supporters: '支援者の人数（寄付した人）',
    volunteers: 'ボランティアの人数（期間中に活動に参加した人）',
  } as Record<string, string>,
};

/** Sending a mailing in the background, and each recipient's state. */
export const SEND_TEXT = {
  emailTitle: (id: number, no: number) => `発送 #${id} 会報 第${no}号をメールで送る`,
  labelsTitle: (id: number, no: number) => `発送 #${id} 会報 第${no}号の宛名ラベル`,
  emailFile: (id: number) => `発送${id}_メール送信結果.pdf`,
  labelsFile: (id: number) => `発送${id}_宛名ラベル.pdf`,
  reportTitle: (id: number, no: number, title: string) => `発送 #${id} 会報 第${no}号「${title}」メール送信結果`,
  reportSummary: (sent: number, failed: number) => `今回 送信 ${sent}件・失敗 ${failed}件`,
  reportColumns: [
    { label: '会員番号', width: 50 },
    { label: 'メールアドレス', width: 150 },
    { label: '状態', width: 110 },
    { label: 'サーバーの応答', width: 185 },
  ],
  notEmail: '郵送の発送はメールで送れません',
  notPost: 'メールの発送には宛名ラベルはありません',
  noSmtp: 'メールの送信設定（SMTP）がありません。設定してください',
  nothingLeft: '未送信・失敗の宛先はありません',
  running: 'この発送のメール送信はすでに実行中です',
  released: (n: number) => `送信中のまま止まった ${n}件を「失敗」に戻しました。もう一度送ると送られます`,
  releasedError: '送信の途中で処理が止まりました（届いたかどうか不明）',
  subject: (no: number, title: string) => `会報 第${no}号「${title}」`,
  body: (name: string, no: number, title: string) =>
    `${name}\n\n会報 第${no}号「${title}」をお届けします。添付のPDFをご覧ください。\n`,
  attachment: (no: number) => `会報_第${no}号.pdf`,
  honorific: { person: '様', organization: '御中' },
  status: {
    listed: '未送信',
    sending: '送信中（結果不明。届いたか確認してください）',
    sent: '送信済み',
    failed: '失敗',
    excluded: '送らない',
  } as Record<string, string>,
};

export function recipientStatusLabel(status: string, reasonLabel: string | null): string {
  const s = SEND_TEXT.status[status] ?? status;
  return status === 'excluded' && reasonLabel ? `${s}：${reasonLabel}` : s;
}

/** 不達・配信停止 (addresses e-mail mailings leave out). */
export const CONTACT_TEXT = {
  title: 'メールの不達・配信停止',
  badEmail: 'メールアドレスを正しく入力してください',
  badMark: '「不達」か「配信停止」を選んでください',
  reasonNeeded: '不達の理由（サーバーの応答など）を入力してください',
  reasonTooLong: '理由は400文字までです',
  noMember: (email: string) => `${email} の会員はいません`,
  notMarked: 'この会員には取り消す記録がありません',
  marked: (n: number) => `${n}人の会員に記録しました。メールの発送から外れます`,
  undone: '取り消しました。次のメールの発送から届きます',
  invalid: '入力内容を確認してください',
  marks: { bounced: '不達', opted_out: '配信停止' } as Record<string, string>,
};

/** Thank-you letters and receipts by e-mail. */
export const DOC_MAIL_TEXT = {
  sectionTitle: '礼状・領収書をメールで送る',
  withdrawn: '退会した会員にはメールで送りません',
  notEmailPreference: '郵送物が「メール」の会員だけにメールで送れます',
  noEmail: 'メールアドレスが登録されていません',
  bounced: 'このアドレスは不達として記録されています（不達・配信停止の画面で取り消せます）',
  optedOut: 'この会員はメール配信停止です',
  noSmtp: 'メールの送信設定（SMTP）がありません。設定してください',
  alreadySent: 'この書類はすでにメールで送っています',
  sending: 'この書類は送信中です',
  memberNotFound: '会員が見つかりません',
  letterNotPending: 'この礼状は送る対象ではありません（送付済み、または取り消された入金・寄付）',
  receiptNotFound: '領収書が見つかりません',
  receiptVoid: '取り消した領収書は送れません',
  badKind: '送る書類を選んでください',
  letterSubject: (org: string) => `${org}より御礼`,
  letterBody: (to: string, org: string) =>
    `${to}\n\nこのたびはご支援をいただき、誠にありがとうございました。\n添付のPDFで御礼状をお届けします。\n\n${org}\n`,
  letterFile: '御礼状.pdf',
  receiptSubject: (no: string, org: string) => `領収書（${no}）${org}`,
  receiptBody: (to: string, org: string, no: string) =>
    `${to}\n\n領収書（${no}）を添付のPDFでお送りします。\n\n${org}\n`,
  receiptFile: (no: string) => `領収書_${no}.pdf`,
  sentFlash: (to: string) => `${to} にメールで送りました`,
  failedFlash: (err: string) => `送信できませんでした：${err}`,
  kinds: { thank_letter: '礼状', receipt: '領収書' } as Record<string, string>,
  timelineKind: 'メール',
  timelineDetail: (to: string, subject: string) => `${to}「${subject}」`,
  timelineTitle: (kind: string, ref: string) => `${kind}（${ref}）をメールで送りました`,
  timelineFailed: (kind: string, ref: string) => `${kind}（${ref}）のメール送信に失敗`,
};

/** The rest of the domain's words: pages, messages, CLI output, file names. */
export const MAIL_TEXT = {
  invalid: '入力内容を確認してください',
  listSep: '、',
  people: (n: number) => `${n.toLocaleString('ja-JP')}人`,
  period: (from: string, to: string | null | undefined) => `${from} 〜 ${to ?? ''}`,
  mailingsTitle: '発送・会報',
  // campaigns
  campaignsTitle: 'キャンペーン',
  campaignNew: 'キャンペーンを作る',
  campaignEdit: (name: string) => `「${name}」を編集`,
  campaignSaved: (name: string) => `キャンペーン「${name}」を保存しました`,
  campaignNotFound: 'キャンペーンが見つかりません',
  // segments
  segmentsTitle: 'セグメント',
  segmentNew: 'セグメントを作る',
  segmentTitle: (name: string) => `セグメント「${name}」`,
  segmentSaved: (name: string) => `セグメント「${name}」を保存しました`,
  noSegment: (name: string) => `セグメント「${name}」はありません`,
  // CLI
  segmentsListSummary: '保存したセグメントと人数（郵送・メールで届く人数）を表示します',
  segmentsListLine: (name: string, members: number, post: number, email: number) =>
    `${name}\t該当 ${members}人\t郵送 ${post}人\tメール ${email}人`,
  segmentsShowSummary: 'セグメントの会員を会員番号順に表示します（--channel で送らない人とその理由も）',
  oneSegmentName: 'セグメントの名前を1つ指定してください',
  badChannelCli: '--channel は post か email です',
  excludedLine: (no: number, name: string, reason: string) => `${no}\t${name}\t送らない: ${reason}`,
  total: (n: number, out: number) => `合計 ${n}人${out ? `（送らない ${out}人）` : ''}`,
  labelsSummary: '宛名ラベルのPDFを郵便番号順に作ります（退会・宛先不明・郵送物不要は除外、--joint で世帯を連名に）',
  unknownArgs: (args: string) => `不明な引数です: ${args}`,
  segmentOrAll: '--segment NAME か --all のどちらかを指定してください',
  badSheetCli: '--sheet は 12, 18, 21, 24, 44 のどれかです',
  needOut: '--out FILE.pdf を指定してください',
  labelsWritten: (n: number, sheet: string, sheets: number, out: string) =>
    `宛名ラベル ${n} 枚（${sheet}、${sheets} シート）を ${out} に書き出しました`,
  excludedSummary: (items: string[]) => `除外 ${items.length} 人: ${items.join('、')}`,
  // SMTP
  smtpTitle: 'メール送信の設定',
  smtpSaved: 'メール送信の設定を保存しました',
  badHost: 'サーバー名を入力してください（例: smtp.example.jp）',
  badPort: 'ポート番号は1〜65535です',
  badSecurity: '暗号化の方式を選んでください',
  badFrom: '差出人のメールアドレスを入力してください',
  // labels and envelopes
  csvHeader: ['会員番号', '郵便番号', '住所1', '住所2', '宛名1', '宛名2', '宛名3', '宛名4', 'カスタマバーコード'],
  honorific: { person: '様', organization: '御中' } as const,
  postalMark: '〒',
  badSheet: 'ラベル用紙を選んでください',
  badFormat: '印刷するものを選んでください',
  badOffset: '-10〜10 の数（mm、小数1桁まで）で入力してください',
  labelsTitle: '宛名ラベル・封筒',
  noBarcode: (sheet: string) => `${sheet} のラベルにはカスタマバーコードが入りません（12面・18面・21面で使えます）`,
  labelsFile: (sheet: string) => `宛名ラベル_${sheet}面.pdf`,
  envelopeFile: '封筒_長形3号.pdf',
  csvFile: (encoding: string) => `宛名リスト_${encoding}.csv`,
  offsetSaved: (x: number, y: number) => `印刷位置の補正を 横 ${x}mm・縦 ${y}mm にしました`,
  // newsletters and mailings
  issuesTitle: '会報',
  issueNew: '会報を書く',
  issueTitle: (no: number) => `会報 第${no}号`,
  issueSaved: (no: number) => `会報 第${no}号を保存しました`,
  issueNotFound: '会報が見つかりません',
  badTitle: 'タイトルを入力してください（200文字まで）',
  badNumber: '号数は1以上の整数で入力してください',
  badIssuedOn: '発行日を正しく入力してください（例: 2026-07-01）',
  bodyTooLong: '本文が長すぎます（10万文字まで）',
  columnsTooLong: '2段組みの部分が長すぎます（5万文字まで）',
  badCampaign: 'キャンペーンを一覧から選んでください',
  noImageFile: '画像ファイルを選んでください（5MBまで）',
  badImageType: 'PNG か JPEG の画像を選んでください',
  imageTooBig: '画像は5MBまでにしてください',
  imageNotFound: '画像が見つかりません',
  imageAdded: (id: number) => `画像を追加しました。本文に ![説明](/mailings/newsletters/images/${id}) と書くと入ります`,
  badChannel: '送り方を選んでください',
  mailingMade: (n: number) => `発送リストを作りました（${n}人）`,
  mailingNotFound: '発送が見つかりません',
  sendTitle: (id: number) => `発送 #${id}`,
  timelineKind: '発送',
  timelineTitle: (no: number, title: string, channel: string) => `会報 第${no}号「${title}」（${channel}）`,
  timelineFailed: '送信できませんでした',
};
