import { useTranslation } from '../../../shared/i18n';
import { Button, Menu, Text } from '@mantine/core';
import type { DraftVocabulary } from './use-email-check';

interface InsertPaletteProps {
  vocabulary: DraftVocabulary | undefined;
  onInsert: (text: string) => void;
}

/** A menu of what may be put at the MJML cursor: the draft's slots, the links, the prospect fields and the mandatory footer. */
export function InsertPalette({ vocabulary, onInsert }: InsertPaletteProps) {
  const { t } = useTranslation('campaign-editor');
  const entries = vocabulary?.entries ?? [];
  const group = (kind: 'partner' | 'link' | 'prospect', label: string) => {
    const items = entries.filter((e) => e.kind === kind);
    return items.length ? (
      <>
        <Menu.Label>{label}</Menu.Label>
        {items.map((e) => (
          <Menu.Item key={e.variable} onClick={() => onInsert(`{{${e.variable}}}`)}>
            <Text size="sm" ff="monospace">{`{{${e.variable}}}`}</Text>
          </Menu.Item>
        ))}
      </>
    ) : null;
  };

  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={300}>
      <Menu.Target>
        <Button size="xs" variant="default" disabled={!vocabulary}>
          {t('insert.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={420} style={{ overflowY: 'auto' }}>
        {vocabulary ? (
          <>
            <Menu.Item onClick={() => onInsert(`\n${vocabulary.footer.mjml}\n`)}>
              <Text size="sm" fw={600}>
                {t('insert.footer')}
              </Text>
              <Text size="xs" c="dimmed">
                {vocabulary.footer.note ?? t('insert.footerNote', { body: '<mj-body>' })}
              </Text>
            </Menu.Item>
            <Menu.Divider />
          </>
        ) : null}
        {group('partner', t('tabs.slots'))}
        {group('link', t('changes.links'))}
        {group('prospect', t('insert.prospect'))}
      </Menu.Dropdown>
    </Menu>
  );
}
