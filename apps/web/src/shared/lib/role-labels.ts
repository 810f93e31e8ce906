import type { Me } from '../hooks/use-me';

export const ROLE_LABELS: Record<Me['role'], string> = {
  vendor_admin: 'Vendor admin',
  vendor_marketer: 'Vendor marketer',
  partner_admin: 'Partner admin',
  partner_user: 'Partner user',
};
