import { Alert, Badge, Button, Group, Modal, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { RecordField } from '../../../shared/components/record-field';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { useRemoveSsoConnection, useSetSsoConnectionEnabled, type SsoConnection } from '../hooks/use-sso-connections';
import { useStartSsoTest } from '../hooks/use-sso-test';
import type { SsoOwner } from './email-domains-section';
import { SsoRefusals } from './sso-refusals';

/** A label and its value (an issuer, a claim's name: one long word that wraps anywhere). */
function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** What a SAML identity provider registers of the engine: its entity id, where to post (one per host) and its metadata. */
function SamlRegistration({ sp }: { sp: NonNullable<SsoConnection['saml']> }) {
  const { t } = useTranslation('sso-connections');
  const several = sp.acsUrls.length > 1;
  return (
    <>
      <Text size="sm">{t('saml.register')}</Text>
      <RecordField label={t('saml.entityId')} value={sp.entityId} what={t('saml.entityIdWhat')} />
      {sp.acsUrls.map((url, i) => (
        <RecordField
          key={url}
          label={several ? t('saml.acsUrlN', { n: i + 1 }) : t('saml.acsUrl')}
          value={url}
          what={several ? t('saml.acsUrlWhatN', { n: i + 1 }) : t('saml.acsUrlWhat')}
        />
      ))}
      <RecordField label={t('saml.metadataUrl')} value={sp.metadataUrl} what={t('saml.metadataUrlWhat')} />
    </>
  );
}

/** One connection: who it signs in, its provider, what to register there, its switch and removal. */
export function SsoConnectionCard({ connection: c, owner }: { connection: SsoConnection; owner: SsoOwner }) {
  const { t } = useTranslation('sso-connections');
  const audience =
    owner === 'partner'
      ? t('audience.own')
      : c.audience === 'partner_users'
        ? t('audience.partner_users')
        : t('audience.vendor_users');
  const setEnabled = useSetSsoConnectionEnabled();
  const remove = useRemoveSsoConnection();
  const startTest = useStartSsoTest();
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);
  const titleId = `sso-${c.id}`;
  const several = c.redirectUris.length > 1;

  return (
    <Stack component="article" aria-labelledby={titleId} gap="sm" p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {c.name}
        </Title>
        <Badge style={{ flexShrink: 0 }} color={c.enabled ? 'teal.9' : 'gray.7'} variant="filled">
          {c.enabled ? t('connection.on') : t('connection.off')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <Detail label={t('connection.audience')} value={audience} />
        <Detail
          label={t('connection.protocol')}
          value={c.protocol === 'saml' ? t('protocol.saml') : t('protocol.oidc')}
        />
        {c.protocol === 'saml' ? (
          <>
            <Detail label={t('connection.idpEntityId')} value={c.idpEntityId ?? t('connection.none')} />
            <Detail label={t('connection.idpMetadataUrl')} value={c.idpMetadataUrl ?? t('connection.metadataPasted')} />
          </>
        ) : (
          <>
            <Detail label={t('connection.issuer')} value={c.issuer ?? t('connection.none')} />
            <Detail label={t('connection.clientId')} value={c.clientId ?? t('connection.none')} />
          </>
        )}
        {c.audience === 'partner_users' && owner === 'vendor' ? (
          <Detail label={t('connection.partnerClaim')} value={c.partnerClaim ?? t('connection.none')} />
        ) : null}
        <Detail label={t('connection.roleClaim')} value={c.roleClaim ?? t('connection.none')} />
      </SimpleGrid>
      {c.saml ? (
        <SamlRegistration sp={c.saml} />
      ) : (
        <>
          <Text size="sm">{t('connection.register', { count: c.redirectUris.length })}</Text>
          {c.redirectUris.map((uri, i) => (
            <RecordField
              key={uri}
              label={several ? t('connection.redirectUriN', { n: i + 1 }) : t('connection.redirectUri')}
              value={uri}
              what={several ? t('connection.redirectUriWhatN', { n: i + 1 }) : t('connection.redirectUriWhat')}
            />
          ))}
        </>
      )}
      <Switch
        label={t('connection.enabled')}
        description={t('connection.enabledHint')}
        checked={c.enabled}
        disabled={setEnabled.isPending}
        onChange={(e) => setEnabled.mutate({ id: c.id, enabled: e.currentTarget.checked })}
      />
      {setEnabled.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('connection.notChanged')}>
          <Text size="sm">{setEnabled.error.message}</Text>
        </Alert>
      ) : null}
      <SsoRefusals connectionId={c.id} titleId={titleId} />
      {startTest.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('test.startFailed')}>
          <Text size="sm">{startTest.error.message}</Text>
        </Alert>
      ) : null}
      {c.enabled ? (
        <Text size="xs" c="dimmed" id={`${titleId}-test-hint`}>
          {t('test.buttonHint')}
        </Text>
      ) : null}
      <Group gap="sm">
        {c.enabled ? (
          <Button
            size="xs"
            variant="light"
            loading={startTest.isPending}
            aria-describedby={`${titleId}-test-hint`}
            onClick={() => startTest.mutate(c.id)}
          >
            {t('test.button')}
          </Button>
        ) : null}
        <Button size="xs" variant="outline" color="red.9" onClick={confirm}>
          {t('connection.remove')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={cancel}
        title={t('remove.title')}
        closeButtonProps={{ 'aria-label': t('remove.close') }}
      >
        <Stack gap="md">
          <Text size="sm" className="wrap-anywhere">
            {t('remove.consequence', { name: c.name })}
          </Text>
          {remove.isError ? <Text size="sm">{remove.error.message}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('remove.keep')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(c.id, { onSuccess: cancel })}>
              {t('remove.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
