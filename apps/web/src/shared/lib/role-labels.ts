import type { Me } from '../hooks/use-me';
import { useTranslation } from '../i18n';

/** A role as people read it ("Partner admin"), in the reader's language. */
export function useRoleLabel(): (role: Me['role']) => string {
  const { t } = useTranslation('shared');
  return (role) =>
    ({
      vendor_admin: t('roles.vendorAdmin'),
      vendor_marketer: t('roles.vendorMarketer'),
      vendor_approver: t('roles.vendorApprover'),
      partner_admin: t('roles.partnerAdmin'),
      partner_user: t('roles.partnerUser'),
    })[role];
}
