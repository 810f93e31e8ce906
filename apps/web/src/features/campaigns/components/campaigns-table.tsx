import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { CampaignStatusBadge } from '../../../shared/components/campaign-status-badge';
import { BROWSER, format, formatting } from '../../../shared/lib/format';
import type { LibraryCampaign } from '../hooks/use-campaigns';
import { CampaignActions } from './campaign-actions';

/** Dates as the reader's browser writes them, in its own zone. */
const { dateTime } = formatting(BROWSER);

/** The library's rows; on a phone the version, date and result columns give way to the name. */

export function CampaignsTable({ campaigns, busy }: { campaigns: LibraryCampaign[]; busy: boolean }) {
  return (
    <Table bg="white" withTableBorder verticalSpacing="sm" aria-label="Campaigns" aria-busy={busy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Campaign</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th visibleFrom="sm">Latest version</Table.Th>
          <Table.Th visibleFrom="sm">Updated</Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            Launches
          </Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            Partners
          </Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            Sent
          </Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            Clicked
          </Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
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
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <CampaignStatusBadge campaign={c} />
            </Table.Td>
            <Table.Td visibleFrom="sm">
              {c.latestVersion === null ? (
                <Text size="sm" c="dimmed">
                  Not published
                </Text>
              ) : (
                `Version ${c.latestVersion}`
              )}
            </Table.Td>
            <Table.Td visibleFrom="sm">{dateTime(c.updatedAt)}</Table.Td>
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
