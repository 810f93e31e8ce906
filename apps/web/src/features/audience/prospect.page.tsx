import { Alert, Button, Card, Grid, Group, Modal, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useFormat, useTranslation } from '../../shared/i18n';
import { ProspectForm } from './components/prospect-form';
import { useEraseProspect, useProspect, type Prospect } from './hooks/use-prospects';

export function ProspectPage() {
  const { prospectId = '' } = useParams();
  return <PortalGate>{(partnerId) => <ProspectDetail partnerId={partnerId} prospectId={prospectId} />}</PortalGate>;
}

/** One prospect: its fields (editable), custom fields and dates. Another partner's id is not found. */
function ProspectDetail({ partnerId, prospectId }: { partnerId: string; prospectId: string }) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const prospect = useProspect(partnerId, prospectId);
  if (prospect.isError) return <QueryError error={prospect.error} retry={() => void prospect.refetch()} />;
  if (prospect.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('prospect.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  const p = prospect.data;
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  const custom = Object.entries(p.custom);

  return (
    <Stack gap="lg">
      <Text size="sm" className="wrap-anywhere">
        <Trans
          i18nKey="prospect.breadcrumb"
          t={t}
          values={{ email: p.email }}
          components={{ audience: <Link to="/portal/audience" /> }}
        />
      </Text>
      <Group justify="space-between" align="flex-start">
        <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <PageHeader
            title={name || p.email}
            description={[name ? p.email : null, p.title, p.company].filter(Boolean).join(' · ') || undefined}
          />
        </div>
        <EraseProspect partnerId={partnerId} prospect={p} />
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card padding="lg">
            <ProspectForm partnerId={partnerId} prospect={p} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Stack component="section" aria-labelledby="custom-title" gap="xs">
              <Title order={2} id="custom-title">
                {t('prospect.customTitle')}
              </Title>
              {custom.length ? (
                <Table bg="white" withTableBorder aria-labelledby="custom-title">
                  <Table.Tbody>
                    {custom.map(([key, value]) => (
                      <Table.Tr key={key}>
                        <Table.Th scope="row" fw={500} className="wrap-anywhere">
                          {key}
                        </Table.Th>
                        <Table.Td className="wrap-anywhere">{value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm">{t('prospect.customNone')}</Text>
              )}
            </Stack>
            <Stack component="section" aria-labelledby="record-title" gap={4}>
              <Title order={2} id="record-title">
                {t('prospect.recordTitle')}
              </Title>
              <Text size="sm">{t('prospect.added', { date: format.dateTime(p.createdAt) })}</Text>
              <Text size="sm">{t('prospect.changed', { date: format.dateTime(p.updatedAt) })}</Text>
            </Stack>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Erasing is final: asked first, then back to the audience. */
function EraseProspect({ partnerId, prospect }: { partnerId: string; prospect: Prospect }) {
  const { t } = useTranslation('audience');
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const erase = useEraseProspect(partnerId, prospect.id);
  const close = () => {
    setAsking(false);
    erase.reset();
  };
  return (
    <>
      <Button variant="outline" color="red.9" onClick={() => setAsking(true)}>
        {t('erase.button')}
      </Button>
      <Modal
        opened={asking}
        onClose={close}
        title={t('erase.title')}
        centered
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        <Text size="sm" mb="md" className="wrap-anywhere">
          {t('erase.text', { email: prospect.email })}
        </Text>
        {erase.error ? (
          <Alert color="red" variant="light" role="alert" mb="md">
            {erase.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('erase.keep')}
          </Button>
          <Button
            color="red.9"
            loading={erase.isPending}
            data-autofocus
            onClick={() =>
              erase.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('erase.done', { email: prospect.email }) });
                  void navigate('/portal/audience', { replace: true });
                },
              })
            }
          >
            {t('erase.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
