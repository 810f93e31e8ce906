import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { EmptyState, LoadingRows, PageControls } from '../../../shared/components/list-states';
import { QueryError } from '../../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../../shared/hooks/use-address-params';
import { useTranslation } from '../../../shared/i18n';
import { useWebhooks, type RegisteredWebhook } from '../hooks/use-webhooks';
import { EndpointCard } from './endpoint-card';
import { RegisterWebhookModal } from './register-webhook-modal';
import { SecretModal } from './secret-modal';

/** Endpoints per page. */
const PAGE_SIZE = 20;

/**
 * The caller's webhook endpoints, used by the portal (a partner's) and the console (the
 * vendor's): the API decides whose they are; `ownerOf` names an endpoint's owner where the
 * list holds several (the console: the vendor's and its partners'). The open delivery log is
 * kept in the address.
 */
export function WebhooksSection({ ownerOf }: { ownerOf?: (partnerId: string | null) => string } = {}) {
  const { t } = useTranslation('webhooks');
  const { params, set } = useAddressParams();
  const page = pageOf(params);
  const openLog = params.get('endpoint');
  const webhooks = useWebhooks({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [registering, { open, close }] = useDisclosure(false);
  const [registered, setRegistered] = useState<RegisteredWebhook | null>(null);
  const pages = webhooks.data ? Math.ceil(webhooks.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="md">
      <Group>
        <Button onClick={open}>{t('register.title')}</Button>
      </Group>
      {webhooks.isError ? (
        <QueryError error={webhooks.error} retry={() => void webhooks.refetch()} />
      ) : webhooks.isPending ? (
        <LoadingRows label={t('section.loading')} height={80} />
      ) : webhooks.data.items.length === 0 ? (
        <EmptyState title={t('section.empty')} text={t('section.emptyText')} />
      ) : (
        <Stack gap="sm">
          {webhooks.data.items.map((e) => (
            <EndpointCard
              key={e.id}
              endpoint={e}
              owner={ownerOf?.(e.partnerId)}
              logOpen={openLog === e.id}
              onToggleLog={() => set({ endpoint: openLog === e.id ? null : e.id, page: params.get('page') })}
            />
          ))}
          <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
        </Stack>
      )}
      <RegisterWebhookModal
        opened={registering}
        onClose={close}
        onRegistered={(created) => {
          close();
          setRegistered(created);
        }}
      />
      <SecretModal registered={registered} onClose={() => setRegistered(null)} />
    </Stack>
  );
}
