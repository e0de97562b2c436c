/**
 * Every editable text of a printed document: its file under templates/ (without .eta), a title
 * staff recognise, and the merge fields it may use. Required fields must be non-empty when
 * printing; optional ones print as nothing when missing. Domains that draw their own documents
 * (receipts, …) add theirs with registerTemplates from their own module.
 */

export interface TemplateDef {
  name: string;
  title: string;
  required: readonly string[];
  optional: readonly string[];
  /** A sample value for each field, used to check a template compiles and to show staff what a field holds. */
  sample: Readonly<Record<string, string>>;
}

const SAMPLE: Record<string, string> = {
  氏名: '山田 太郎',
  敬称: '様',
  宛名: '山田 太郎 様',
  会員番号: '123',
  金額: '5,000円',
  入金日: '令和8年4月10日',
  年度: '2026年度',
  頂いた物: '野菜一箱',
  受取日: '令和8年4月12日',
  団体名: 'NPO法人えにし',
  代表者: '理事長 佐藤 花子',
  連絡先: '（TEL 03-1234-5678）',
  振込名: 'ﾔﾏﾀﾞﾀﾛｳ',
  頭語: '拝啓',
  時候の挨拶: '陽春の候',
  寄附の目的: '子ども食堂事業',
  寄附金額: '3,000円',
  年齢: '70歳',
};

function def(name: string, title: string, required: string[], optional: string[] = []): TemplateDef {
  const sample = Object.fromEntries([...required, ...optional].map((f) => [f, SAMPLE[f] ?? f]));
  return { name, title, required, optional, sample };
}

const catalog = new Map<string, TemplateDef>();

export function registerTemplates(defs: TemplateDef[]): void {
  for (const d of defs) catalog.set(d.name, d);
}

export function templateDef(name: string): TemplateDef | undefined {
  return catalog.get(name);
}

export function allTemplateDefs(): TemplateDef[] {
  return [...catalog.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export { def as defineTemplate };

registerTemplates([
  def('invoice/greeting', '請求書：前文と本文', ['団体名', '年度'], ['氏名', '敬称', '会員番号']),
  def('invoice/closing', '請求書・督促状：お問い合わせ先', ['団体名'], ['連絡先', '会員番号']),
  def('invoice/payer-hint', '請求書・督促状：振込依頼人名の案内', ['会員番号'], ['振込名', '氏名']),
  def('reminder/greeting', '督促状：前文と本文', ['団体名', '年度'], ['氏名', '敬称', '会員番号']),
  def('letters/opening', '礼状：前文（時候の挨拶）', ['頭語', '時候の挨拶', '宛名'], ['氏名', '敬称']),
  def('letters/birthday', 'お誕生日のお祝い状', ['宛名', '団体名'], ['氏名', '敬称', '会員番号', '代表者', '年齢']),
  def(
    'letters/dues-thanks',
    '礼状：会費の受領',
    ['宛名', '団体名', '年度', '金額', '入金日'],
    ['氏名', '敬称', '会員番号', '代表者', '寄附金額'],
  ),
  def(
    'letters/donation-thanks',
    '礼状：寄附の受領',
    ['宛名', '団体名', '金額', '入金日'],
    ['氏名', '敬称', '会員番号', '代表者', '寄附の目的'],
  ),
  def(
    'letters/gift-thanks',
    '礼状：物品のご寄贈',
    ['宛名', '団体名', '頂いた物'],
    ['氏名', '敬称', '会員番号', '代表者', '受取日'],
  ),
]);
