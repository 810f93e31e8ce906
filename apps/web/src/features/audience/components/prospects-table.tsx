import { Anchor, Box, Checkbox, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { Prospect } from '../hooks/use-prospects';

interface ProspectsTableProps {
  prospects: Prospect[];
  selected: Set<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  busy: boolean;
}

const fullName = (p: Prospect) => [p.firstName, p.lastName].filter(Boolean).join(' ');

/** A page of prospects; each row can be selected for a list, and its email opens the prospect. */
export function ProspectsTable({ prospects, selected, onSelect, busy }: ProspectsTableProps) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const ids = prospects.map((p) => p.id);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  const some = !all && ids.some((id) => selected.has(id));
  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('table.region')}>
      <Table
        miw={{ base: 0, sm: 640 }}
        striped
        highlightOnHover
        bg="white"
        withTableBorder
        aria-busy={busy}
        verticalSpacing="xs"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('table.selectPage')}
                checked={all}
                indeterminate={some}
                onChange={() => onSelect(ids, !all)}
              />
            </Table.Th>
            <Table.Th>{t('table.prospect')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('table.company')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('table.country')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('table.timeZone')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('table.added')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {prospects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Checkbox
                  aria-label={t('table.select', { email: p.email })}
                  checked={selected.has(p.id)}
                  onChange={(e) => onSelect([p.id], e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td className="wrap-anywhere">
                <Anchor component={Link} to={`/portal/audience/prospects/${p.id}`}>
                  {p.email}
                </Anchor>
                {fullName(p) ? <Text size="xs">{fullName(p)}</Text> : null}
                {/* A phone has room for one column: the others, in brief, under the email. */}
                <Text size="xs" hiddenFrom="sm">
                  {[p.company, p.country, p.timezone ?? t('table.yourTimeZone')].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                {p.company ?? '—'}
                {p.title ? <Text size="xs">{p.title}</Text> : null}
              </Table.Td>
              <Table.Td visibleFrom="sm">{p.country ?? '—'}</Table.Td>
              <Table.Td visibleFrom="sm">
                {p.timezone ?? (
                  <Text span size="sm" c="dimmed">
                    {t('table.yourZone')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                {format.date(p.createdAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
