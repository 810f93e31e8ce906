import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, LoadingRows, PageControls } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../shared/hooks/use-address-params';
import { useFormat, useTranslation } from '../../shared/i18n';
import { ProgrammeModal } from './components/programme-modal';
import {
  useDeleteProgramme,
  usePendingCount,
  useProgrammes,
  useSubscriberCount,
  type Programme,
} from './hooks/use-programmes';

/** Programmes per page. */
const PAGE_SIZE = 25;

/** The vendor's programmes: campaigns grouped for partners to subscribe to once; create, edit, delete. */
export function ConsoleProgrammesPage() {
  const { t } = useTranslation('programmes');
  const format = useFormat();
  const { params, set } = useAddressParams();
  const page = pageOf(params);
  const programmes = useProgrammes({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Programme | null>(null);
  const pages = programmes.data ? Math.ceil(programmes.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader title={t('console.title')} description={t('console.description')} />
        <Button onClick={() => setEditing('new')}>{t('programme.new')}</Button>
      </Group>

      {programmes.isError ? (
        <QueryError error={programmes.error} retry={() => void programmes.refetch()} />
      ) : programmes.isPending ? (
        <LoadingRows label={t('loadingProgrammes')} height={72} />
      ) : programmes.data.items.length === 0 ? (
        <EmptyState
          title={t('noProgramme')}
          text={t('console.noProgrammeText')}
          action={<Button onClick={() => setEditing('new')}>{t('programme.new')}</Button>}
        />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('console.count', { count: programmes.data.total, n: format.count(programmes.data.total) })}
          </Text>
          <Stack gap="sm" aria-busy={programmes.isPlaceholderData}>
            {programmes.data.items.map((p) => (
              <ProgrammeCard key={p.id} programme={p} onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />
            ))}
          </Stack>
          <PageControls pages={pages} page={page} onChange={(p) => set({ page: String(p) })} />
        </>
      )}

      {editing ? (
        <ProgrammeModal programme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? <DeleteProgrammeModal programme={deleting} onClose={() => setDeleting(null)} /> : null}
    </Stack>
  );
}

function ProgrammeCard({
  programme: p,
  onEdit,
  onDelete,
}: {
  programme: Programme;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('programmes');
  const format = useFormat();
  const subscribers = useSubscriberCount(p.id);
  const pending = usePendingCount(p.id, 'pending');
  const waiting = usePendingCount(p.id, 'waiting_readiness');
  const campaigns = { count: p.campaignIds.length, n: format.count(p.campaignIds.length) };
  return (
    <Stack component="article" aria-labelledby={`programme-${p.id}`} gap={6} p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={2} size="h4" id={`programme-${p.id}`} style={{ minWidth: 0 }}>
          {p.name}
        </Title>
        <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
          {subscribers.data === undefined
            ? ''
            : t('console.subscribers', { count: subscribers.data, n: format.count(subscribers.data) })}
        </Text>
      </Group>
      {p.description ? <Text size="sm">{p.description}</Text> : null}
      {pending.data !== undefined && waiting.data !== undefined ? (
        <Text size="sm">
          {waiting.data
            ? t('console.inReviewWaiting', {
                count: pending.data,
                n: format.count(pending.data),
                waiting: format.count(waiting.data),
              })
            : t('console.inReview', { count: pending.data, n: format.count(pending.data) })}
        </Text>
      ) : null}
      <Text size="xs">
        {p.tag ? t('console.byNameAndTag', { ...campaigns, tag: p.tag }) : t('console.byName', campaigns)}
      </Text>
      <Group gap="sm" mt={4}>
        <Button size="sm" variant="default" onClick={onEdit} aria-label={t('console.editLabel', { programme: p.name })}>
          {t('console.edit')}
        </Button>
        <Button
          size="sm"
          variant="outline"
          color="red.9"
          onClick={onDelete}
          aria-label={t('console.deleteLabel', { programme: p.name })}
        >
          {t('console.delete')}
        </Button>
      </Group>
    </Stack>
  );
}

function DeleteProgrammeModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation('programmes');
  const remove = useDeleteProgramme();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('delete.title', { programme: programme.name })}
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('delete.text')}</Text>
        {remove.error ? (
          <Alert color="red" variant="light" role="alert" title={t('delete.failed')}>
            {remove.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('delete.keep')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate(programme.id, { onSuccess: onClose })}
          >
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
