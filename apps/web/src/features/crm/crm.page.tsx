import { Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { LoadingBlock } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { useMe } from '../../shared/hooks/use-me';
import { useTranslation } from '../../shared/i18n';
import { CRM_PROVIDERS } from './crm-names';
import { ConnectCard } from './components/connect-card';
import { ConnectionCard } from './components/connection-card';
import { CrmOutcome } from './components/crm-outcome';
import { FieldMappingEditor } from './components/field-mapping-editor';
import { HeldBackCounts } from './components/held-back-counts';
import { RecordsList, type CrmArea } from './components/records-list';
import { useCrmConnections } from './hooks/use-crm';

/** The partner's CRM (partner users, and a vendor user acting for the partner): its leads are written there. */
export function PortalCrmPage() {
  const { t } = useTranslation('crm');
  return <PortalGate>{() => <Crm area="portal" description={t('portalDescription')} />}</PortalGate>;
}

/** The vendor's own CRM, for vendor admins: the leads of partners who share their contacts are written there. */
export function ConsoleCrmPage() {
  const { t } = useTranslation('crm');
  const me = useMe();
  if (me.isPending) return <LoadingBlock height={120} label={t('loading')} />;
  if (me.data?.role !== 'vendor_admin')
    return (
      <Stack gap="lg">
        <PageHeader title={t('title')} description={t('consoleDescription')} />
        <Text>{t('adminsOnly')}</Text>
      </Stack>
    );
  return <Crm area="console" description={t('consoleDescription')} />;
}

/**
 * The CRM page: the outcome of the last connection, then each connection with its mapping and its
 * leads, or the way to connect one; in the console, once connected, the private partners' leads it was not handed.
 */
function Crm({ area, description }: { area: CrmArea; description: string }) {
  const { t } = useTranslation('crm');
  const connections = useCrmConnections();
  const items = connections.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} description={description} />
      <CrmOutcome />
      {connections.isError ? (
        <QueryError error={connections.error} retry={() => void connections.refetch()} />
      ) : connections.isPending ? (
        <LoadingBlock height={160} label={t('loading')} />
      ) : (
        <>
          {CRM_PROVIDERS.filter((p) => !items.some((c) => c.provider === p)).map((p) => (
            <ConnectCard key={p} provider={p} />
          ))}
          {items.map((c) => (
            <Fragment key={c.id}>
              <ConnectionCard connection={c} />
              <FieldMappingEditor connection={c} />
              <RecordsList connection={c} area={area} />
            </Fragment>
          ))}
          {area === 'console' && items.length > 0 ? <HeldBackCounts /> : null}
        </>
      )}
    </Stack>
  );
}
