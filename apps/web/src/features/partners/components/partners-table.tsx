import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { Partner, PartnerActivity } from '../hooks/use-partners';
import { PartnerActions } from './partner-actions';

interface PartnersTableProps {
  partners: Partner[];
  activity: Map<string, PartnerActivity> | undefined;
  admin: boolean;
  busy: boolean;
}

/** The partners with their activity (from the analytics); on a phone the activity columns give way. */
export function PartnersTable({ partners, activity, admin, busy }: PartnersTableProps) {
  const { t } = useTranslation('partners');
  const { dateTime } = useFormat();
  return (
    <Table bg="white" withTableBorder verticalSpacing="sm" aria-label={t('table.label')} aria-busy={busy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('table.partner')}</Table.Th>
          <Table.Th>{t('table.status')}</Table.Th>
          <Table.Th visibleFrom="md">{t('fields.tier')}</Table.Th>
          <Table.Th visibleFrom="md">{t('fields.region')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('table.lastLaunch')}</Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            {t('table.launches')}
          </Table.Th>
          <Table.Th visibleFrom="md" ta="right">
            {t('table.sent')}
          </Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partners.map((p) => {
          const a = activity?.get(p.id);
          return (
            <Table.Tr key={p.id}>
              <Table.Td className="wrap-anywhere">
                <Text fw={600} size="sm">
                  {p.companyName}
                </Text>
                <Text size="xs" c="dimmed" hiddenFrom="md">
                  {p.tier} · {p.region}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={p.status === 'active' ? 'teal.9' : 'red.9'} variant="filled" tt="none" miw="max-content">
                  {p.status === 'active' ? t('status.active') : t('status.deactivated')}
                </Badge>
              </Table.Td>
              <Table.Td visibleFrom="md">{p.tier}</Table.Td>
              <Table.Td visibleFrom="md">{p.region}</Table.Td>
              <Table.Td visibleFrom="sm">
                {a?.lastLaunchAt ? (
                  dateTime(a.lastLaunchAt)
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('table.never')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td visibleFrom="md" ta="right">
                {a?.launches ?? 0}
              </Table.Td>
              <Table.Td visibleFrom="md" ta="right">
                {a?.sent ?? 0}
              </Table.Td>
              <Table.Td ta="right">
                <PartnerActions partner={p} admin={admin} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
