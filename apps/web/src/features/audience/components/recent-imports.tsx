import { Anchor, Box, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { useImports } from '../hooks/use-imports';
import { ImportStatus } from './import-status';
import { LoadingBlock } from '../../../shared/components/list-states';

/** How many of the latest imports are shown. */
const SHOWN = 10;

/** The partner's latest imports, each opening its outcome. */
export function RecentImports({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const imports = useImports(partnerId, { limit: SHOWN, offset: 0 });
  return (
    <Stack component="section" aria-labelledby="recent-imports-title" gap="sm">
      <Title order={2} id="recent-imports-title">
        {t('recent.title')}
      </Title>
      {imports.isError ? (
        <QueryError error={imports.error} retry={() => void imports.refetch()} />
      ) : imports.isPending ? (
        <LoadingBlock height={80} label={t('recent.loading')} />
      ) : imports.data.items.length === 0 ? (
        <Text size="sm">{t('recent.none')}</Text>
      ) : (
        <>
          {imports.data.total > SHOWN ? (
            <Text size="sm">{t('recent.latest', { shown: SHOWN, total: imports.data.total })}</Text>
          ) : null}
          <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('recent.region')}>
            <Table miw={560} striped bg="white" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('recent.sent')}</Table.Th>
                  <Table.Th>{t('recent.status')}</Table.Th>
                  <Table.Th ta="right">{t('recent.rows')}</Table.Th>
                  <Table.Th ta="right">{t('recent.imported')}</Table.Th>
                  <Table.Th ta="right">{t('recent.rejected')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imports.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/portal/audience/imports/${i.id}`}>
                        {format.dateTime(i.createdAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatus status={i.status} />
                    </Table.Td>
                    <Table.Td ta="right">{format.count(i.rows)}</Table.Td>
                    <Table.Td ta="right">{format.count(i.inserted + i.merged)}</Table.Td>
                    <Table.Td ta="right">{format.count(i.rejected)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </>
      )}
    </Stack>
  );
}
