import { useFormat, useTranslation } from '../../../shared/i18n';
import { Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryError } from '../../../shared/components/query-error';
import { useCampaignVersions, type CampaignVersionListItem } from './use-publishing';
import { useUserName } from './use-user-name';
import { LoadingBlock } from '../../../shared/components/list-states';

/** Versions per page of the list. */
const PAGE_SIZE = 10;

/** The campaign's published versions, newest first: which, when, by whom, and how many launches pin each. */
export function VersionsTable({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation('campaign-editor');
  const controls = {
    first: t('versions.firstPage'),
    previous: t('versions.previousPage'),
    next: t('versions.nextPage'),
    last: t('versions.lastPage'),
  };
  const [page, setPage] = useState(1);
  const versions = useCampaignVersions(campaignId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = versions.data ? Math.ceil(versions.data.total / PAGE_SIZE) : 0;
  return (
    <Stack component="section" aria-labelledby="versions-title" gap="sm">
      <Title order={2} size="h3" id="versions-title">
        {t('versions.title')}
      </Title>
      {versions.isError ? (
        <QueryError error={versions.error} retry={() => void versions.refetch()} />
      ) : versions.isPending ? (
        <LoadingBlock height={80} label={t('versions.loading')} />
      ) : versions.data.items.length === 0 ? (
        <Text c="dimmed">{t('versions.none')}</Text>
      ) : (
        <>
          <Table bg="white" withTableBorder aria-label={t('versions.title')} horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('versions.version')}</Table.Th>
                <Table.Th>{t('versions.published')}</Table.Th>
                <Table.Th>{t('versions.launches')}</Table.Th>
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
                getControlProps={(control) => ({ 'aria-label': controls[control] })}
                getItemProps={(p) => ({ 'aria-label': t('versions.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function VersionRow({ version }: { version: CampaignVersionListItem }) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const name = useUserName(version.publishedBy);
  return (
    <Table.Tr>
      {/* The version and the date keep to one line each; on a phone the publisher's address takes the rest. */}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('versions.row', { version: version.version })}</Table.Td>
      <Table.Td>
        <Text span size="sm" display="block" style={{ whiteSpace: 'nowrap' }}>
          {format.dateTime(version.publishedAt)}
        </Text>
        <Text span size="sm" display="block" className="wrap-anywhere">
          {typeof name === 'object' && name !== null
            ? t('versions.byYou')
            : (name ?? version.publishedByEmail) !== null
              ? t('versions.by', { name: name ?? version.publishedByEmail })
              : version.publishedBy
                ? t('versions.byVendorUser')
                : t('versions.byToken')}
        </Text>
      </Table.Td>
      <Table.Td>{version.launches === 0 ? t('versions.noLaunch') : format.count(version.launches)}</Table.Td>
    </Table.Tr>
  );
}
