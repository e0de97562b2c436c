/** Japanese names of entities and fields for the change history; each domain adds its own. */
export const ENTITY_LABELS: Record<string, string> = {
  Member: '会員',
  MemberType: '会員種別',
  Staff: 'スタッフ',
  Setting: '設定',
  // supporters
  SupporterRole: '役割の種類', MemberRole: '役割', Skill: '協力できる分野', MemberSkill: '会員の協力分野',
  Activity: '活動', Participation: '活動への参加', Interaction: '対応記録', Household: '世帯',
  // dues
  InvoiceRun: '請求の一括発行', Invoice: '会費請求', Payment: '入金', Allocation: '入金の充当', Donation: '寄付',
  // banking
  BankImport: '入出金明細の取り込み', BankTransaction: '入出金明細の行', PayerAlias: '振込名義の登録', BankProfile: '明細の列の設定',
  ThankLetter: '礼状の送付',
};

export const FIELD_LABELS: Record<string, Record<string, string>> = {
  Member: {
    memberNo: '会員番号', kind: '区分', familyName: '姓', givenName: '名', familyKana: 'セイ', givenKana: 'メイ',
    orgName: '団体名', orgKana: '団体名フリガナ', contactPerson: '担当者', postalCode: '郵便番号', prefecture: '都道府県',
    city: '市区町村', address1: '住所1', address2: '住所2', phone: '電話', mobile: '携帯', email: 'メール',
    birthDate: '生年月日', joinedOn: '入会日', withdrawnOn: '退会日', withdrawalReason: '退会理由', status: '状態',
    memberType: '会員種別', mailPreference: '郵送物', addressUnknown: '宛先不明', addressUnknownOn: '宛先不明日', notes: '備考',
    householdId: '世帯', householdRelation: '続柄',
  },
  MemberType: { name: '名称', annualFee: '年会費', forOrganizations: '団体向け', sortOrder: '表示順', active: '有効' },
  Staff: { loginId: 'ログインID', displayName: '表示名', passwordHash: 'パスワード', role: '権限', active: '有効', lastLoginAt: '最終ログイン' },
  Setting: { key: '項目', value: '値' },
  // supporters
  SupporterRole: { name: '名称', officer: '役員名簿に載せる', sortOrder: '表示順', active: '使う' },
  MemberRole: { member: '会員', role: '役割', startedOn: '開始日', endedOn: '終了日', note: 'メモ' },
  Skill: { name: '名称', sortOrder: '表示順', active: '使う' },
  MemberSkill: { member: '会員', skill: '分野', note: 'メモ' },
  Activity: { title: '活動名', startsOn: '日付', endsOn: '終了日', place: '場所', skillIds: '求める分野', helpersWanted: '必要な人数', description: '内容' },
  Participation: { activity: '活動', member: '会員', status: '状況', askedOn: '依頼日', note: 'メモ' },
  Interaction: {
    member: '会員', occurredOn: '日付', occurredTime: '時刻', staff: '担当', channel: '方法', summary: '要件', content: '内容',
    gift: '頂いた物', giftThankedOn: 'お礼をした日', followUp: '次回話すこと', followUpDue: '期限', followUpDone: '対応済み', followUpDoneOn: '対応済みの日',
  },
  Household: { sharesAddress: '同じ住所', labelName: '宛名（連名）', note: 'メモ' },
  // dues
  InvoiceRun: { fiscalYear: '年度', issuedOn: '発行日', dueOn: '支払期限', issuedCount: '件数', totalAmount: '合計', status: '状態', undoneAt: '取り消し日時', undoReason: '取り消しの理由' },
  Invoice: {
    invoiceNo: '請求番号', member: '会員', fiscalYear: '年度', kind: '種類', run: '一括発行', memberTypeName: '会員種別', description: '内容', amount: '金額',
    paidAmount: '入金済額', issuedOn: '発行日', dueOn: '支払期限', status: '状態', statusReason: '理由', closedOn: '完了日', voided: '一括発行の取消',
    reminderCount: '督促回数', lastRemindedOn: '最終督促日',
  },
  Payment: {
    member: '会員', receivedOn: '入金日', amount: '金額', fee: '振込手数料', method: '方法', note: 'メモ', source: '記録元', bankTransactionId: '明細の行',
    allocatedAmount: '充当額', remainderKind: '残りの扱い', remainderAmount: '残り', status: '状態', reversedAt: '取消日時', reversalReason: '取消の理由', thankStatus: 'お礼状',
  },
  Allocation: { payment: '入金', invoice: '請求', amount: '充当額', reversed: '取消' },
  Donation: {
    member: '会員', donorName: '寄付者名', receivedOn: '受領日', amount: '金額', method: '方法', purpose: '目的', payment: '入金', note: 'メモ',
    status: '状態', reversalReason: '取消の理由', thankStatus: 'お礼状',
  },
  // banking
  BankImport: {
    format: '形式', fileName: 'ファイル名', encoding: '文字コード', periodFrom: '期間（から）', periodTo: '期間（まで）', lineCount: '行数',
    depositCount: '入金', knownCount: '取り込み済み', matchedCount: '自動消込', reviewCount: '要確認', ignoredCount: '対象外', status: '状態',
    undoneAt: '取り消し日時', undoReason: '取り消しの理由',
  },
  BankTransaction: {
    bankImport: '取り込み', line: '行', date: '日付', amount: '金額', direction: '入出金', payer: '振込依頼人名', payerKey: '名義（照合用）',
    reference: '照会番号', memo: '摘要', fingerprint: '識別子', status: '状態', member: '会員', paymentId: '入金', suggestions: '候補', note: 'メモ',
  },
  PayerAlias: { payerKey: '名義（照合用）', payer: '振込依頼人名', member: '会員' },
  BankProfile: { name: '名前', mapping: '列の対応' },
  ThankLetter: { member: '会員', kind: '種類', sourceId: '対象', sentOn: '送付日' },
};

export const ACTION_LABELS: Record<string, string> = {
  create: '登録', update: '変更', delete: '削除', withdraw: '退会', readmit: '再入会',
};

export function fieldLabel(entity: string, field: string): string {
  return FIELD_LABELS[entity]?.[field] ?? field;
}

/** Stored codes shown in words (individual → 個人). */
export const VALUE_LABELS: Record<string, Record<string, Record<string, string>>> = {
  Member: {
    kind: { individual: '個人', organization: '団体' },
    status: { active: '在籍', withdrawn: '退会' },
    mailPreference: { post: '郵送', email: 'メール', none: '不要' },
  },
  Staff: { role: { admin: '管理者', staff: '事務局', viewer: '閲覧のみ' } },
  Participation: { status: { asked: '依頼済み', accepted: '承諾', declined: '辞退', took_part: '参加', absent: '欠席' } }, // supporters
  // dues
  InvoiceRun: { status: { active: '有効', undone: '取り消し済み' } },
  Invoice: { status: { unpaid: '未納', partial: '一部入金', paid: '入金済', waived: '免除', cancelled: '取消' }, kind: { annual: '一括発行', manual: '個別' } },
  Payment: {
    method: { bank: '銀行振込', postal: '郵便振替', cash: '現金', other: 'その他' }, source: { manual: '手入力', bank: '銀行明細' },
    remainderKind: { donation: '寄付', credit: '預り金' }, status: { active: '有効', reversed: '取消' }, thankStatus: { pending: '送付待ち', done: '送付済み', none: '不要' },
  },
  Donation: { method: { bank: '銀行振込', postal: '郵便振替', cash: '現金', other: 'その他' }, status: { active: '有効', reversed: '取消' }, thankStatus: { pending: '送付待ち', done: '送付済み', none: '不要' } },
  BankImport: { status: { active: '有効', undone: '取り消し済み' } }, // banking
  BankTransaction: {
    status: { matched: '消込済み', review: '要確認', ignored: '対象外', donation: '寄付', not_dues: '会費以外', skipped: '保留' },
    direction: { deposit: '入金', withdrawal: '出金' },
  },
};

export function valueLabel(entity: string, field: string, value: unknown): unknown {
  return typeof value === 'string' ? (VALUE_LABELS[entity]?.[field]?.[value] ?? value) : value;
}
