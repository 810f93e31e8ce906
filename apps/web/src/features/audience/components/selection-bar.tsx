import { Alert, Button, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { plural } from '../../../shared/lib/format';
import { useListMembers, type ProspectList } from '../hooks/use-lists';

interface SelectionBarProps {
  partnerId: string;
  selected: string[];
  lists: ProspectList[];
  /** The list the table shows, whose members can be taken out of it. */
  shownList: ProspectList | null;
  onDone: () => void;
}

/** What can be done with the selected prospects: add them to a list, or take them out of the one shown. */
export function SelectionBar({ partnerId, selected, lists, shownList, onDone }: SelectionBarProps) {
  const [listId, setListId] = useState<string | null>(null);
  const members = useListMembers(partnerId);
  const target = lists.find((l) => l.id === listId);
  const change = (list: ProspectList, remove: boolean) =>
    members.mutate(
      { listId: list.id, prospectIds: selected, remove },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: `${plural(selected.length, 'prospect')} ${remove ? 'taken out of' : 'added to'} “${list.name}”.`,
          });
          onDone();
        },
      },
    );

  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      bg="indigo.0"
      role="group"
      aria-label="Selected prospects"
      pos="sticky"
      bottom={8}
      style={{ zIndex: 2 }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text fw={600} size="sm" mb={8} aria-live="polite">
          {plural(selected.length, 'prospect')} selected
        </Text>
        <Select
          label="Add them to"
          placeholder={lists.length ? 'Choose a list' : 'Create a list first'}
          data={lists.map((l) => ({ value: l.id, label: l.name }))}
          value={listId}
          onChange={setListId}
          disabled={!lists.length}
          w={220}
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          disabled={!target}
          loading={members.isPending && !members.variables?.remove}
          onClick={() => target && change(target, false)}
        >
          Add to the list
        </Button>
        {shownList ? (
          <Button
            variant="default"
            loading={members.isPending && !!members.variables?.remove}
            onClick={() => change(shownList, true)}
          >
            Take out of “{shownList.name}”
          </Button>
        ) : null}
        <Button variant="subtle" onClick={onDone}>
          Clear the selection
        </Button>
      </Group>
      {members.error ? (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {members.error.message}
        </Alert>
      ) : null}
    </Paper>
  );
}
