import { registerAuditLabels } from '../audit/labels.js';
import { AUDIT_ENTITY_LABELS, AUDIT_FIELD_LABELS, KIND_LABELS, SCOPE_LABELS, STATUS_LABELS } from './ui-text.js';

const VALUES: Record<string, Record<string, Record<string, string>>> = {
  Receipt: { status: STATUS_LABELS, kind: KIND_LABELS, scope: SCOPE_LABELS },
  DonationCertificate: { status: STATUS_LABELS },
};

/** Receipts and donation certificates in the change log. */
export function registerReceiptAuditLabels(): void {
  for (const [entity, label] of Object.entries(AUDIT_ENTITY_LABELS)) {
    registerAuditLabels(entity, {
      label,
      fields: AUDIT_FIELD_LABELS[entity] ?? {},
      values: VALUES[entity],
      refs: { member: 'Member' },
    });
  }
}
