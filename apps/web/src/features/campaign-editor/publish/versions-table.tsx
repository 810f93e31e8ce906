import { Group, Pagination, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryError } from '../../../shared/components/query-error';
import { BROWSER, formatting } from '../../../shared/lib/format';
import { useCampaignVersions, type CampaignVersionListItem } from './use-publishing';
import { useUserName } from './use-user-name';

/** Dates as the reader's browser writes them, in its own zone. */
const { dateTime } = formatting(BROWSER);

/** Versions per page of the list. */
const PAGE_SIZE = 10;

/** The campaign's published versions, newest first: which, when, by whom, and how many launches pin each. */
export function VersionsTable({ campaignId }: { campaignId: string }) {
  const [page, setPage] = useState(1);
  const versions = useCampaignVersions(campaignId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = versions.data ? Math.ceil(versions.data.total / PAGE_SIZE) : 0;
  return (
    <Stack component="section" aria-labelledby="versions-title" gap="sm">
      <Title order={2} size="h3" id="versions-title">
        Versions
      </Title>
      {versions.isError ? (
        <QueryError error={versions.error} retry={() => void versions.refetch()} />
      ) : versions.isPending ? (
        <Skeleton height={80} aria-label="Loading the versions" />
      ) : versions.data.items.length === 0 ? (
        <Text c="dimmed">Not published yet: partners see a campaign once its first version is published.</Text>
      ) : (
        <>
          <Table
            bg="white"
            withTableBorder
            aria-label="Versions"
            layout="fixed"
            horizontalSpacing="xs"
            className="wrap-anywhere"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>Launches pinning it</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.items.map((v) => (
                <VersionRow key={v.version} version={v} />
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
                getControlProps={(control) => ({ 'aria-label': `${control} page of versions` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p} of versions` })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function VersionRow({ version }: { version: CampaignVersionListItem }) {
  const name = useUserName(version.publishedBy);
  return (
    <Table.Tr>
      <Table.Td>Version {version.version}</Table.Td>
      <Table.Td className="wrap-anywhere">
        {dateTime(version.publishedAt)}
        <Text span size="sm" display="block">
          by {name ?? version.publishedByEmail ?? (version.publishedBy ? 'a vendor user' : 'an API token')}
        </Text>
      </Table.Td>
      <Table.Td>{version.launches === 0 ? 'None' : version.launches}</Table.Td>
    </Table.Tr>
  );
}
