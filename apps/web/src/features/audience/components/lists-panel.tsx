import { Anchor, Button, Group, Pagination, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../shared/components/query-error';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { format } from '../../../shared/lib/format';
import { useCreateList, usePartnerLists } from '../hooks/use-lists';

/** Lists per page of the panel. */
const PAGE_SIZE = 20;

/** The partner's lists with their member counts, and a form to create one. */
export function ListsPanel({ partnerId, selectedListId }: { partnerId: string; selectedListId: string | null }) {
  const [page, setPage] = useState(1);
  const lists = usePartnerLists(partnerId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = lists.data ? Math.ceil(lists.data.total / PAGE_SIZE) : 0;

  return (
    <Stack component="section" aria-labelledby="lists-title" gap="md">
      <Title order={2} id="lists-title">
        Lists
      </Title>
      <CreateListForm partnerId={partnerId} />
      {lists.isError ? (
        <QueryError error={lists.error} retry={() => void lists.refetch()} />
      ) : lists.isPending ? (
        <Skeleton height={120} aria-label="Loading your lists" />
      ) : lists.data.items.length === 0 ? (
        <Text size="sm">
          No list yet. A list is an audience you can launch a campaign to: create one, then add prospects to it from the
          table or with an import.
        </Text>
      ) : (
        <>
          <Table bg="white" withTableBorder aria-label="Your lists">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>List</Table.Th>
                <Table.Th ta="right">Members</Table.Th>
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
                getControlProps={(control) => ({ 'aria-label': `${control} page of lists` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p} of lists` })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function CreateListForm({ partnerId }: { partnerId: string }) {
  const [name, setName] = useState('');
  const create = useCreateList(partnerId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, {
      onSuccess: (list) => {
        setName('');
        notifications.show({ message: `List “${list.name}” created.`, color: 'teal' });
      },
    });
  };
  const problem = formError(create.error, ['name']);
  return (
    <form onSubmit={submit} noValidate aria-label="Create a list">
      <Stack gap="xs">
        <TextInput
          label="New list"
          placeholder="e.g. Webinar attendees"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            if (create.error) create.reset();
          }}
          error={fieldError(create.error, 'name') ?? problem}
        />
        <div>
          <Button type="submit" variant="default" loading={create.isPending}>
            Create the list
          </Button>
        </div>
      </Stack>
    </form>
  );
}
