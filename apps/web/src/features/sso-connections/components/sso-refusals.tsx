import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { LoadingRows } from '../../../shared/components/list-states';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useSsoRefusals } from '../hooks/use-sso-test';

/** A connection's refused sign-ins, opened on demand: what to look at when someone cannot get in. */
export function SsoRefusals({ connectionId, titleId }: { connectionId: string; titleId: string }) {
  const { t } = useTranslation('sso-connections');
  const [open, { toggle }] = useDisclosure(false);
  const refusals = useSsoRefusals(connectionId, open);
  const format = useFormat();
  const listId = `${titleId}-refusals`;
  return (
    <Stack gap="xs">
      <Button size="xs" variant="subtle" aria-expanded={open} aria-controls={listId} onClick={toggle} w="fit-content">
        {open ? t('refusals.hide') : t('refusals.show')}
      </Button>
      {open ? (
        <Stack id={listId} gap="xs">
          {refusals.isError ? (
            <QueryError error={refusals.error} retry={() => void refusals.refetch()} />
          ) : refusals.isPending ? (
            <LoadingRows label={t('refusals.loading')} height={48} />
          ) : refusals.data.items.length === 0 ? (
            <Text size="sm">{t('refusals.none')}</Text>
          ) : (
            <Stack component="ul" gap={6} m={0} pl="md">
              {refusals.data.items.map((r, i) => (
                <li key={`${r.at}-${i}`}>
                  <Text size="sm">
                    <Text span fw={600}>
                      {format.dateTime(r.at)}
                    </Text>{' '}
                    <Text span c="dimmed">
                      ({r.reason})
                    </Text>{' '}
                    <Text span style={{ overflowWrap: 'anywhere' }}>
                      {r.detail}
                    </Text>
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
