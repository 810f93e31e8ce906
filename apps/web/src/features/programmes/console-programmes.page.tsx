import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, LoadingRows, PageControls } from '../../shared/components/list-states';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { QueryError } from '../../shared/components/query-error';
import { pageOf, useAddressParams } from '../../shared/hooks/use-address-params';
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
  const { params, set } = useAddressParams();
  const page = pageOf(params);
  const programmes = useProgrammes({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Programme | null>(null);
  const pages = programmes.data ? Math.ceil(programmes.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeader
          title="Programmes"
          description="Partners subscribe once; each new version of a programme’s campaigns becomes a pending launch for them to review."
        />
        <Button onClick={() => setEditing('new')}>New programme</Button>
      </Group>

      {programmes.isError ? (
        <QueryError error={programmes.error} retry={() => void programmes.refetch()} />
      ) : programmes.isPending ? (
        <LoadingRows label="Loading the programmes" height={72} />
      ) : programmes.data.items.length === 0 ? (
        <EmptyState
          title="No programme yet"
          text="Group campaigns, by name or by tag, into a programme: partners who subscribe get each new version to review, then it starts by itself."
          action={<Button onClick={() => setEditing('new')}>New programme</Button>}
        />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {programmes.data.total === 1 ? '1 programme' : `${programmes.data.total} programmes`}
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
  const subscribers = useSubscriberCount(p.id);
  const pending = usePendingCount(p.id, 'pending');
  const waiting = usePendingCount(p.id, 'waiting_readiness');
  const campaigns = p.campaignIds.length === 1 ? '1 campaign' : `${p.campaignIds.length} campaigns`;
  return (
    <Stack component="article" aria-labelledby={`programme-${p.id}`} gap={6} p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={2} size="h4" id={`programme-${p.id}`} style={{ minWidth: 0 }}>
          {p.name}
        </Title>
        <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
          {subscribers.data === undefined
            ? ''
            : subscribers.data === 1
              ? '1 subscriber'
              : `${subscribers.data} subscribers`}
        </Text>
      </Group>
      {p.description ? <Text size="sm">{p.description}</Text> : null}
      {pending.data !== undefined && waiting.data !== undefined ? (
        <Text size="sm">
          {pending.data === 1 ? '1 pending launch' : `${pending.data} pending launches`} in review
          {waiting.data ? `, ${waiting.data} waiting for a partner’s brand kit` : ''}
        </Text>
      ) : null}
      <Text size="xs">
        {p.tag ? `${campaigns} by name, and every published campaign tagged “${p.tag}”` : `${campaigns} by name`}
      </Text>
      <Group gap="sm" mt={4}>
        <Button size="sm" variant="default" onClick={onEdit} aria-label={`Edit ${p.name}`}>
          Edit
        </Button>
        <Button size="sm" variant="outline" color="red.9" onClick={onDelete} aria-label={`Delete ${p.name}`}>
          Delete
        </Button>
      </Group>
    </Stack>
  );
}

function DeleteProgrammeModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const remove = useDeleteProgramme();
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Delete “${programme.name}”?`}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Text size="sm">
          Its subscriptions end and its pending launches are deleted with it. Launches already started go on.
        </Text>
        {remove.error ? (
          <Alert color="red" variant="light" role="alert" title="Not deleted">
            {remove.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep it
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate(programme.id, { onSuccess: onClose })}
          >
            Delete the programme
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
