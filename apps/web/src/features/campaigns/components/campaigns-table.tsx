import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { CampaignStatusBadge } from '../../../shared/components/campaign-status-badge';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { LibraryCampaign } from '../hooks/use-campaigns';
import { CampaignActions } from './campaign-actions';

/** The library's rows; on a phone the version, date and result columns give way to the name. */

export function CampaignsTable({ campaigns, busy }: { campaigns: LibraryCampaign[]; busy: boolean }) {
  const { t } = useTranslation('campaigns');
  const format = useFormat();
  return (
    <Table bg="white" withTableBorder verticalSpacing="sm" aria-label={t('table.label')} aria-busy={busy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('table.campaign')}</Table.Th>
          <Table.Th>{t('table.status')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('table.latestVersion')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('table.updated')}</Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            {t('table.launches')}
          </Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            {t('table.partners')}
          </Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            {t('table.sent')}
          </Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            {t('table.clicked')}
          </Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td className="wrap-anywhere">
              <Anchor component={Link} to={`/console/campaigns/${c.id}`} fw={600}>
                {c.name}
              </Anchor>
              {c.draft?.tags.length ? (
                <Text size="xs" c="dimmed">
                  {c.draft.tags.join(', ')}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <CampaignStatusBadge campaign={c} />
            </Table.Td>
            <Table.Td visibleFrom="sm">
              {c.latestVersion === null ? (
                <Text size="sm" c="dimmed">
                  {t('table.notPublished')}
                </Text>
              ) : (
                t('table.version', { version: c.latestVersion })
              )}
            </Table.Td>
            <Table.Td visibleFrom="sm">{format.dateTime(c.updatedAt)}</Table.Td>
            <Table.Td visibleFrom="md" ta="right">
              {format.count(c.launches)}
            </Table.Td>
            <Table.Td visibleFrom="md" ta="right">
              {format.count(c.partnersUsing)}
            </Table.Td>
            <Table.Td visibleFrom="md" ta="right">
              {format.count(c.sent)}
            </Table.Td>
            <Table.Td visibleFrom="md" ta="right">
              {format.count(c.clicked)}
            </Table.Td>
            <Table.Td ta="right">
              <CampaignActions campaign={c} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
