import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';
import type { DocumentStatus } from './receipt.entity.js';

/**
 * 寄附金受領証明書, per gift or combined for a calendar year (the donor's tax year). Donor name
 * and address are copied at issue: they are items the donor's tax return depends on.
 */
export const DonationCertificate = defineEntity({
  name: 'DonationCertificate',
  tableName: 'donation_certificate',
  properties: {
    id: p.integer().primary().autoincrement(),
    number: p.string().length(20).unique(),
    year: p.integer(),
    combined: p.boolean().default(false),
    member: p.manyToOne(Member).nullable(),
    donorName: p.string().length(200),
    donorHonorific: p.string().length(10).default('様'),
    donorPostalCode: p.string().length(10).nullable(),
    donorAddress: p.string().length(300),
    total: p.integer(),
    issuedOn: p.date(),
    status: p.string().length(20).$type<DocumentStatus>().default('issued'),
    voidReason: p.string().length(200).nullable(),
    voidedAt: p.datetime().nullable(),
    reissueCount: p.integer().default(0),
    lastReissuedOn: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['year', 'number'] }, { properties: ['member'] }],
});
export type IDonationCertificate = InferEntity<typeof DonationCertificate>;

/** A gift a certificate covers; activeKey ('donation:7', 'allocation:3') is unique while it is valid. */
export const CertificateGift = defineEntity({
  name: 'CertificateGift',
  tableName: 'certificate_gift',
  properties: {
    id: p.integer().primary().autoincrement(),
    certificate: p.manyToOne(DonationCertificate),
    giftKey: p.string().length(40).index(),
    activeKey: p.string().length(40).nullable().unique(),
    receivedOn: p.date(),
    amount: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['certificate'] }],
});
export type ICertificateGift = InferEntity<typeof CertificateGift>;
