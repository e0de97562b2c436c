import { registerAuditLabels } from '../audit/labels.js';

/** The settings domain's names in the change log. */
export function registerSettingsAuditLabels(): void {
  registerAuditLabels('Setting', { label: '設定', fields: { key: '項目', value: '値' } });
}
