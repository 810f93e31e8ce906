import { Box, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageControls, LoadingBlock } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useConciergeLog } from '../hooks/use-account';

/** Entries per page of the log. */
const PAGE_SIZE = 20;

/** The concierge audit log as the partner reads it: who at the vendor acted for the partner, when, and what they did. */
export function ConciergeLogPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const [page, setPage] = useState(1);
  const log = useConciergeLog(partnerId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = log.data ? Math.ceil(log.data.total / PAGE_SIZE) : 0;

  return (
    <Stack component="section" aria-labelledby="concierge-log-title" gap="md">
      <Stack gap={4}>
        <Title order={2} id="concierge-log-title">
          {t('concierge.title')}
        </Title>
        <Text size="sm">{t('concierge.description')}</Text>
      </Stack>
      {log.isError ? (
        <QueryError error={log.error} retry={() => void log.refetch()} />
      ) : log.isPending ? (
        <LoadingBlock height={120} label={t('concierge.loading')} />
      ) : log.data.items.length === 0 ? (
        <Text size="sm" p="md" className={classes.panel}>
          {t('concierge.empty')}
        </Text>
      ) : (
        // Three columns that wrap (the path too): a phone's width holds them without scrolling sideways.
        <Box role="region" aria-label={t('concierge.table')}>
          <Table bg="white" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('concierge.when')}</Table.Th>
                <Table.Th>{t('concierge.who')}</Table.Th>
                <Table.Th>{t('concierge.request')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm">{format.dateTimeSeconds(a.at)}</Text>
                  </Table.Td>
                  <Table.Td className="wrap-anywhere">
                    <Text size="sm" fw={600}>
                      {a.userName}
                    </Text>
                    <Text size="xs">{a.userEmail}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" className="wrap-anywhere">
                      {a.method} {a.path}
                    </Text>
                    {a.action ? (
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {a.action}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      <PageControls pages={pages} page={page} onChange={setPage} />
    </Stack>
  );
}
