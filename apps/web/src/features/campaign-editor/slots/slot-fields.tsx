import { useTranslation } from '../../../shared/i18n';
import {
  Box,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import type { Slot } from '../hooks/use-edited-campaign';
import { messageAt } from '../problems';
import { BlockDefaults } from './block-defaults';

/** The slot types the API takes (its OpenAPI enum), with what each holds. */
function useSlotTypes(): Array<{ value: Slot['type']; label: string }> {
  const { t } = useTranslation('campaign-editor');
  return [
    { value: 'text', label: t('slots.type.text') },
    { value: 'logo', label: t('slots.type.logo') },
    { value: 'url', label: t('slots.type.url') },
    { value: 'email', label: t('slots.type.email') },
    { value: 'phone', label: t('slots.type.phone') },
    { value: 'color', label: t('slots.type.color') },
    { value: 'address', label: t('slots.type.address') },
    { value: 'text_block', label: t('slots.type.text_block') },
  ];
}

interface SlotFieldsProps {
  index: number;
  slot: Slot;
  mentionedIn: string[];
  /** The draft's languages besides its own: an editable block has a default in each. */
  languages: string[];
  error: unknown;
  onChange: (slot: Slot) => void;
  onRemove: () => void;
}

/** One co-brand slot: what partners fill in, and where the campaign's assets mention it. */
export function SlotFields({ index, slot, mentionedIn, languages, error, onChange, onRemove }: SlotFieldsProps) {
  const { t } = useTranslation('campaign-editor');
  const TYPES = useSlotTypes();
  const at = `slots[${index}]`;
  const change = (changes: Partial<Slot>) => onChange({ ...slot, ...changes });
  return (
    <Fieldset legend={t('slots.legend', { n: index + 1 })} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          label={t('name')}
          description={t('slots.nameHint', { example: '{{partner.name}}' })}
          required
          value={slot.name}
          onChange={(e) => change({ name: e.currentTarget.value })}
          error={messageAt(t, error, `${at}.name`)}
        />
        <TextInput
          label={t('slots.label')}
          description={t('slots.labelHint')}
          value={slot.label ?? ''}
          onChange={(e) => change({ label: e.currentTarget.value || undefined })}
          error={messageAt(t, error, `${at}.label`)}
        />
        <Select
          label={t('slots.typeLabel')}
          required
          data={TYPES}
          value={slot.type}
          allowDeselect={false}
          onChange={(v) => {
            const type = TYPES.find((t) => t.value === v)?.value;
            if (type)
              change({
                type,
                maxLength: type === 'text' || type === 'text_block' ? slot.maxLength : undefined,
                allowLinks: type === 'text_block' ? slot.allowLinks : undefined,
                approval: type === 'text_block' ? slot.approval : undefined,
                // Per-language defaults belong to a text_block only (the API refuses them elsewhere).
                defaults: type === 'text_block' ? slot.defaults : undefined,
              });
          }}
          error={messageAt(t, error, `${at}.type`)}
        />
        <TextInput
          label={t('slots.fallback')}
          description={t('slots.fallbackHint')}
          value={slot.fallback ?? ''}
          onChange={(e) => change({ fallback: e.currentTarget.value || null })}
          error={messageAt(t, error, `${at}.fallback`)}
        />
        {slot.type === 'text_block' ? (
          <>
            <NumberInput
              label={t('slots.maxLength')}
              description={t('slots.blockMaxLengthHint')}
              min={1}
              max={2000}
              value={slot.maxLength ?? ''}
              onChange={(v) => change({ maxLength: typeof v === 'number' ? v : undefined })}
              error={messageAt(t, error, `${at}.maxLength`)}
            />
            <Select
              label={t('slots.approval')}
              data={[
                { value: 'none', label: t('slots.approvalNone') },
                { value: 'vendor', label: t('slots.approvalVendor') },
              ]}
              value={slot.approval ?? 'none'}
              allowDeselect={false}
              onChange={(v) => change({ approval: v === 'vendor' ? 'vendor' : 'none' })}
              error={messageAt(t, error, `${at}.approval`)}
            />
            <Checkbox
              label={t('slots.allowLinks')}
              checked={!!slot.allowLinks}
              onChange={(e) => change({ allowLinks: e.currentTarget.checked })}
              mt={{ lg: 'xl' }}
              error={messageAt(t, error, `${at}.allowLinks`)}
            />
          </>
        ) : null}
        {slot.type === 'text' ? (
          <NumberInput
            label={t('slots.maxLength')}
            description={t('slots.maxLengthHint')}
            min={1}
            value={slot.maxLength ?? ''}
            onChange={(v) => change({ maxLength: typeof v === 'number' ? v : undefined })}
            error={messageAt(t, error, `${at}.maxLength`)}
          />
        ) : null}
        <Checkbox
          label={t('slots.required')}
          checked={slot.required}
          onChange={(e) => change({ required: e.currentTarget.checked })}
          mt={{ lg: 'xl' }}
          error={messageAt(t, error, `${at}.required`)}
        />
      </SimpleGrid>
      {slot.type === 'text_block' ? (
        <Box mt="sm">
          <BlockDefaults
            at={at}
            slot={slot}
            languages={languages}
            error={error}
            onChange={(defaults) => change({ defaults })}
          />
        </Box>
      ) : null}
      <Group justify="space-between" mt="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {mentionedIn.length ? t('slots.mentionedIn', { assets: mentionedIn.join(', ') }) : t('slots.notMentioned')}
        </Text>
        <Button
          variant="default"
          c="red.9"
          size="xs"
          onClick={onRemove}
          aria-label={
            slot.name ? t('slots.removeNamed', { n: index + 1, name: slot.name }) : t('slots.remove', { n: index + 1 })
          }
        >
          {t('remove')}
        </Button>
      </Group>
    </Fieldset>
  );
}
