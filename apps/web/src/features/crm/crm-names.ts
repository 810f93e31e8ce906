import { useTranslation } from '../../shared/i18n';
import type { CrmProvider } from './hooks/use-crm';

/** The CRMs the engine connects, in the order the page offers them. */
export const CRM_PROVIDERS: readonly CrmProvider[] = ['hubspot', 'salesforce'];

/** Each CRM's name (a brand: the same in every language, but read from the catalogue like every word). */
export function useCrmNames(): Record<CrmProvider, string> {
  const { t } = useTranslation('crm');
  return { hubspot: t('providers.hubspot'), salesforce: t('providers.salesforce') };
}
