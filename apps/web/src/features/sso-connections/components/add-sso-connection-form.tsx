import {
  Alert,
  Button,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useRoleLabel } from '../../../shared/lib/role-labels';
import { useAddSsoConnection, type NewSsoConnection } from '../hooks/use-sso-connections';
import type { SsoOwner } from './email-domains-section';

type Audience = NewSsoConnection['audience'];
type Protocol = NonNullable<NewSsoConnection['protocol']>;
type PartnerRole = 'partner_user' | 'partner_admin';
const FIELDS = [
  'name',
  'audience',
  'protocol',
  'issuer',
  'clientId',
  'clientSecret',
  'metadataUrl',
  'metadataXml',
  'partnerClaim',
  'roleClaim',
  'defaultRole',
];
const EMPTY = {
  name: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  metadataUrl: '',
  metadataXml: '',
  partnerClaim: '',
  roleClaim: '',
};

/**
 * Adds an OpenID Connect or SAML provider; whether its issuer or metadata answers and what its
 * audience needs is the API's to say, at the field. A partner's own connection signs in that
 * partner's users only: it has no audience to choose and no partner claim, but a default role.
 */
export function AddSsoConnectionForm({ owner = 'vendor' }: { owner?: SsoOwner }) {
  const { t } = useTranslation('sso-connections');
  const roleLabel = useRoleLabel();
  const own = owner === 'partner';
  const [chosenAudience, setAudience] = useState<Audience>('vendor_users');
  const audience: Audience = own ? 'partner_users' : chosenAudience;
  const [protocol, setProtocol] = useState<Protocol>('oidc');
  const [defaultRole, setDefaultRole] = useState<PartnerRole>('partner_user');
  const saml = protocol === 'saml';
  const [values, setValues] = useState(EMPTY);
  const add = useAddSsoConnection();
  const forPartners = audience === 'partner_users' && !own;
  const set = (field: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        name: values.name,
        audience,
        protocol,
        ...(saml
          ? values.metadataUrl.trim()
            ? { metadataUrl: values.metadataUrl.trim() }
            : { metadataXml: values.metadataXml }
          : { issuer: values.issuer, clientId: values.clientId, clientSecret: values.clientSecret }),
        partnerClaim: forPartners ? values.partnerClaim || null : null,
        roleClaim: values.roleClaim || null,
        ...(own ? { defaultRole } : {}),
        enabled: true,
      },
      { onSuccess: () => setValues(EMPTY) },
    );
  };
  const topError = formError(add.error, FIELDS);
  const complete =
    values.name.trim() &&
    (saml
      ? values.metadataUrl.trim() || values.metadataXml.trim()
      : values.issuer.trim() && values.clientId.trim() && values.clientSecret) &&
    (!forPartners || values.partnerClaim.trim());

  return (
    <Stack component="section" aria-labelledby="add-sso-title" gap="sm" p="lg" className={classes.panel}>
      <Title order={2} size="h3" id="add-sso-title">
        {t('add.title')}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t('add.title')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id="sso-name"
              label={t('add.name')}
              description={t('add.nameHint')}
              placeholder={t('add.nameExample')}
              autoComplete="off"
              required
              value={values.name}
              onChange={set('name')}
              error={fieldError(add.error, 'name')}
            />
            {own ? (
              <Select
                id="sso-default-role"
                label={t('add.defaultRole')}
                description={t('add.defaultRoleHint')}
                data={(['partner_user', 'partner_admin'] as const).map((r) => ({ value: r, label: roleLabel(r) }))}
                value={defaultRole}
                onChange={(v) => setDefaultRole(v === 'partner_admin' ? 'partner_admin' : 'partner_user')}
                allowDeselect={false}
                error={fieldError(add.error, 'defaultRole')}
              />
            ) : (
              <Select
                id="sso-audience"
                label={t('add.audience')}
                description={forPartners ? t('add.audienceHintPartners') : t('add.audienceHintVendor')}
                data={[
                  { value: 'vendor_users', label: t('audience.vendor_users') },
                  { value: 'partner_users', label: t('audience.partner_users') },
                ]}
                value={audience}
                onChange={(v) => setAudience(v === 'partner_users' ? 'partner_users' : 'vendor_users')}
                allowDeselect={false}
                required
                error={fieldError(add.error, 'audience')}
              />
            )}
          </SimpleGrid>
          <Select
            id="sso-protocol"
            label={t('add.protocol')}
            description={saml ? t('add.protocolHintSaml') : t('add.protocolHintOidc')}
            data={[
              { value: 'oidc', label: t('protocol.oidc') },
              { value: 'saml', label: t('protocol.saml') },
            ]}
            value={protocol}
            onChange={(v) => setProtocol(v === 'saml' ? 'saml' : 'oidc')}
            allowDeselect={false}
            required
            error={fieldError(add.error, 'protocol')}
          />
          {saml ? (
            <>
              <TextInput
                id="sso-metadata-url"
                label={t('add.metadataUrl')}
                description={t('add.metadataUrlHint')}
                placeholder={t('add.metadataUrlExample')}
                type="url"
                autoComplete="off"
                value={values.metadataUrl}
                onChange={set('metadataUrl')}
                error={fieldError(add.error, 'metadataUrl')}
              />
              <Textarea
                id="sso-metadata-xml"
                label={t('add.metadataXml')}
                description={t('add.metadataXmlHint')}
                autosize
                minRows={3}
                maxRows={10}
                disabled={values.metadataUrl.trim() !== ''}
                value={values.metadataXml}
                onChange={set('metadataXml')}
                error={fieldError(add.error, 'metadataXml')}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
            </>
          ) : (
            <>
              <TextInput
                id="sso-issuer"
                label={t('add.issuer')}
                description={t('add.issuerHint')}
                placeholder={t('add.issuerExample')}
                type="url"
                autoComplete="off"
                required
                value={values.issuer}
                onChange={set('issuer')}
                error={fieldError(add.error, 'issuer')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  id="sso-client-id"
                  label={t('add.clientId')}
                  autoComplete="off"
                  required
                  value={values.clientId}
                  onChange={set('clientId')}
                  error={fieldError(add.error, 'clientId')}
                />
                <PasswordInput
                  id="sso-client-secret"
                  label={t('add.clientSecret')}
                  autoComplete="new-password"
                  required
                  value={values.clientSecret}
                  onChange={set('clientSecret')}
                  error={fieldError(add.error, 'clientSecret')}
                  visibilityToggleButtonProps={{ 'aria-label': t('add.showSecret') }}
                />
              </SimpleGrid>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {forPartners ? (
              <TextInput
                id="sso-partner-claim"
                label={t('add.partnerClaim')}
                description={saml ? t('add.partnerAttributeHint') : t('add.partnerClaimHint')}
                placeholder={t('add.partnerClaimExample')}
                autoComplete="off"
                required
                value={values.partnerClaim}
                onChange={set('partnerClaim')}
                error={fieldError(add.error, 'partnerClaim')}
              />
            ) : null}
            <TextInput
              id="sso-role-claim"
              label={t('add.roleClaim')}
              description={saml ? t('add.roleAttributeHint') : t('add.roleClaimHint')}
              placeholder={t('add.roleClaimExample')}
              autoComplete="off"
              value={values.roleClaim}
              onChange={set('roleClaim')}
              error={fieldError(add.error, 'roleClaim') ?? (own ? undefined : fieldError(add.error, 'defaultRole'))}
            />
          </SimpleGrid>
          {topError ? (
            <Alert color="red" variant="light" role="alert" title={t('add.notAdded')}>
              <Text size="sm">{topError}</Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" disabled={!complete} loading={add.isPending} w={{ base: '100%', xs: 'auto' }}>
              {t('add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
