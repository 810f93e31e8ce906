import { Box, Button, Group, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { cell } from '../format';
import type { ReportRow } from '../hooks/use-analytics';

export interface ReportColumn {
  key: string;
  label: string;
  kind: 'count' | 'rate' | 'text' | 'date';
  /** Hidden on a phone (the CSV and a wider screen have it). */
  wide?: boolean;
}

interface ReportProps {
  id: string;
  title: string;
  description: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The API's formula-safe CSV of the same report. */
  csv: string;
  csvName: string;
  empty: string;
  controls?: ReactNode;
  chart?: ReactNode;
}

/** One report: its heading, a chart when it has one, the figures as a table (what the chart shows, readable by everyone) and its CSV. */
export function Report({ id, title, description, columns, rows, csv, csvName, empty, controls, chart }: ReportProps) {
  const { t } = useTranslation('console-dashboards');
  const format = useFormat();
  return (
    <Box component="section" aria-labelledby={id} p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="sm">
        <div>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {controls}
          <Button
            component="a"
            href={csv}
            download={csvName}
            variant="default"
            size="sm"
            aria-label={t('report.downloadLabel', { title })}
          >
            {t('report.download')}
          </Button>
        </Group>
      </Group>
      {rows.length ? (
        <>
          {chart}
          <ScrollArea
            type="auto"
            mt="sm"
            viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('report.figures', { title }) }}
          >
            <Table striped highlightOnHover aria-labelledby={id} miw={320}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th
                      key={c.key}
                      ta={c.kind === 'count' || c.kind === 'rate' ? 'right' : undefined}
                      visibleFrom={c.wide ? 'sm' : undefined}
                    >
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, i) => (
                  <Table.Tr key={i}>
                    {columns.map((c) => (
                      <Table.Td
                        key={c.key}
                        ta={c.kind === 'count' || c.kind === 'rate' ? 'right' : undefined}
                        visibleFrom={c.wide ? 'sm' : undefined}
                        style={c.kind === 'text' ? { overflowWrap: 'anywhere' } : { whiteSpace: 'nowrap' }}
                      >
                        {cell(row, c.key, c.kind, format)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      ) : (
        <Text c="dimmed">{empty}</Text>
      )}
    </Box>
  );
}
