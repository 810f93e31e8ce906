import { Anchor, Button, Group, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../shared/components/query-error';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useCreateList, usePartnerLists } from '../hooks/use-lists';
import { LoadingBlock } from '../../../shared/components/list-states';

/** Lists per page of the panel. */
const PAGE_SIZE = 20;

/** The partner's lists with their member counts, and a form to create one. */
export function ListsPanel({ partnerId, selectedListId }: { partnerId: string; selectedListId: string | null }) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const [page, setPage] = useState(1);
  const lists = usePartnerLists(partnerId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = lists.data ? Math.ceil(lists.data.total / PAGE_SIZE) : 0;
  const controls = {
    first: t('lists.firstPage'),
    previous: t('lists.previousPage'),
    next: t('lists.nextPage'),
    last: t('lists.lastPage'),
  };

  return (
    <Stack component="section" aria-labelledby="lists-title" gap="md">
      <Title order={2} id="lists-title">
        {t('lists.title')}
      </Title>
      <CreateListForm partnerId={partnerId} />
      {lists.isError ? (
        <QueryError error={lists.error} retry={() => void lists.refetch()} />
      ) : lists.isPending ? (
        <LoadingBlock height={120} label={t('lists.loading')} />
      ) : lists.data.items.length === 0 ? (
        <Text size="sm">{t('lists.none')}</Text>
      ) : (
        <>
          <Table bg="white" withTableBorder aria-label={t('lists.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lists.list')}</Table.Th>
                <Table.Th ta="right">{t('lists.members')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.items.map((l) => (
                <Table.Tr key={l.id} bg={l.id === selectedListId ? 'indigo.0' : undefined}>
                  <Table.Td className="wrap-anywhere">
                    <Anchor
                      component={Link}
                      to={`/portal/audience?list=${l.id}`}
                      aria-current={l.id === selectedListId ? 'true' : undefined}
                    >
                      {l.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{format.count(l.size)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages > 1 ? (
            <Group justify="center">
              <Pagination
                size="sm"
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': controls[control] })}
                getItemProps={(p) => ({ 'aria-label': t('lists.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function CreateListForm({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('audience');
  const [name, setName] = useState('');
  const create = useCreateList(partnerId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, {
      onSuccess: (list) => {
        setName('');
        notifications.show({ message: t('lists.created', { name: list.name }), color: 'teal' });
      },
    });
  };
  const problem = formError(create.error, ['name']);
  return (
    <form onSubmit={submit} noValidate aria-label={t('lists.create')}>
      <Stack gap="xs">
        <TextInput
          label={t('lists.newList')}
          placeholder={t('lists.example')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            if (create.error) create.reset();
          }}
          error={fieldError(create.error, 'name') ?? problem}
        />
        <div>
          <Button type="submit" variant="default" loading={create.isPending}>
            {t('lists.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
