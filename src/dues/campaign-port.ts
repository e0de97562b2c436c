import type { EntityManager } from '../db/orm.js';

/**
 * The donation form offers the campaigns of a later domain (mailings) without importing it:
 * that domain registers where the choices come from.
 */
export interface CampaignChoice {
  id: number;
  label: string;
}
let source: ((em: EntityManager, today: string) => Promise<CampaignChoice[]>) | null = null;

export function registerCampaignChoices(fn: (em: EntityManager, today: string) => Promise<CampaignChoice[]>): void {
  source = fn;
}

export async function campaignChoices(em: EntityManager, today: string): Promise<CampaignChoice[]> {
  return source ? source(em, today) : [];
}
