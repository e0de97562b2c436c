/** The words of receipts and certificates, from the organisation's templates. */
import { defineTemplate, registerTemplates } from '../documents/template-catalog.js';
import { createTemplateStore, renderParagraphs, type TemplateStore } from '../documents/templates.js';

registerTemplates([
  defineTemplate('receipts/body', '領収書：本文', ['団体名'], ['宛名', '金額', '入金日', '年度']),
  defineTemplate('receipts/annual-intro', '年間領収書：前文', ['年度'], ['宛名', '団体名']),
  defineTemplate('receipts/stamp-note', '領収書：印紙税の注記', [], ['団体名']),
  defineTemplate('certificates/activity', '寄附金受領証明書：寄附金に係る事業', ['事業'], ['団体名']),
  defineTemplate(
    'certificates/certification',
    '寄附金受領証明書：認定の表示',
    ['認定の種類', '法人の種類'],
    ['団体名'],
  ),
  defineTemplate('certificates/note', '寄附金受領証明書：添え書き', [], ['団体名', '宛名']),
]);

/** A store that reads each template once: a run of 5,000 pages uses the same few texts. */
export function batchTemplates(dataDir: string): TemplateStore {
  const store = createTemplateStore(dataDir);
  const texts = new Map<string, string>();
  return { ...store, read: (name) => texts.get(name) ?? texts.set(name, store.read(name)).get(name)! };
}

export function words(store: TemplateStore, name: string, fields: Record<string, unknown>): string[] {
  return renderParagraphs(store, name, fields);
}
