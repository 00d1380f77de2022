import type { OrganisationKind } from '@/lib/auth/policy';

/** How each kind of organisation is named on screen. */
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  NATIONAL: 'National',
  REGION: 'Region',
  ROCU: 'Regional organised crime unit',
  FORCE: 'Police force',
  LPA: 'Local policing area',
  PARTNER: 'Partner agency',
};
