import { CertificateGift, DonationCertificate } from './certificate.entity.js';
import { Receipt, ReceiptItem } from './receipt.entity.js';

/** The receipts domain's entities, spread into the shared entity list. */
export const receiptEntities = [Receipt, ReceiptItem, DonationCertificate, CertificateGift];
