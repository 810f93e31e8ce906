import { Alert } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from '../../../shared/i18n';
import { CRM_PROVIDERS, useCrmNames } from '../crm-names';

/** Light alerts' titles in dark text: the tinted title colours fall short of AA contrast. */
const DARK_TITLE = { title: { color: 'var(--mantine-color-dark-8)' } };

/** What the CRM's redirect back says (`?connected=hubspot`, `?error=…`), in words: the API names the outcome. */
export function CrmOutcome() {
  const { t } = useTranslation('crm');
  const [params] = useSearchParams();
  const connected = params.get('connected');
  const error = params.get('error');
  const names = useCrmNames();
  // The redirect names its CRM (`connected`, or `provider` beside an error); an address without one says "CRM".
  const named = CRM_PROVIDERS.find((p) => p === (connected ?? params.get('provider')));
  const crm = named ? names[named] : t('providers.unknown');
  const reason = (code: string): string => {
    switch (code) {
      case 'invalid_state':
        return t('outcome.invalidState', { crm });
      case 'denied':
        return t('outcome.denied', { crm });
      case 'exchange_failed':
        return t('outcome.exchangeFailed', { crm });
      default:
        return t('outcome.notMade', { crm });
    }
  };
  return (
    <>
      {connected ? (
        <Alert
          color="teal"
          variant="light"
          styles={DARK_TITLE}
          title={t('outcome.connectedTitle', { crm })}
          role="status"
        >
          {t('outcome.connectedText')}
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" title={t('outcome.title')} role="alert">
          {reason(error)}
        </Alert>
      ) : null}
    </>
  );
}
