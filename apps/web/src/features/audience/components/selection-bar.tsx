import { Alert, Button, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
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
  const { t } = useTranslation('audience');
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
            message: remove
              ? t('selection.removed', { count: selected.length, list: list.name })
              : t('selection.added', { count: selected.length, list: list.name }),
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
      aria-label={t('selection.label')}
      pos="sticky"
      bottom={8}
      style={{ zIndex: 2 }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text fw={600} size="sm" mb={8} aria-live="polite">
          {t('selection.selected', { count: selected.length })}
        </Text>
        <Select
          label={t('selection.addTo')}
          placeholder={lists.length ? t('selection.chooseList') : t('selection.createListFirst')}
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
          {t('selection.add')}
        </Button>
        {shownList ? (
          <Button
            variant="default"
            loading={members.isPending && !!members.variables?.remove}
            onClick={() => change(shownList, true)}
          >
            {t('selection.takeOut', { list: shownList.name })}
          </Button>
        ) : null}
        <Button variant="subtle" onClick={onDone}>
          {t('selection.clear')}
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
