/** Everything the receipts domain uses from dues, in one place. */
export { orgInfo } from '../dues/dues-documents.js';
export { recordDonation, type DonationInput } from '../dues/donation.service.js';
export { Payment } from '../dues/payment.entity.js';
export { Donation } from '../dues/donation.entity.js';
