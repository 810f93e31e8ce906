import { Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { Slot } from '../hooks/use-edited-campaign';
import { messageAt } from '../problems';

/** The slot types the API takes (its OpenAPI enum), with what each holds. */
const TYPES: Array<{ value: Slot['type']; label: string }> = [
  { value: 'text', label: 'Text' },
  { value: 'logo', label: 'Logo' },
  { value: 'url', label: 'Web address' },
  { value: 'email', label: 'Email address' },
  { value: 'phone', label: 'Phone number' },
  { value: 'color', label: 'Colour' },
  { value: 'address', label: 'Postal address' },
];

interface SlotFieldsProps {
  index: number;
  slot: Slot;
  mentionedIn: string[];
  error: unknown;
  onChange: (slot: Slot) => void;
  onRemove: () => void;
}

/** One co-brand slot: what partners fill in, and where the campaign's assets mention it. */
export function SlotFields({ index, slot, mentionedIn, error, onChange, onRemove }: SlotFieldsProps) {
  const at = `slots[${index}]`;
  const change = (changes: Partial<Slot>) => onChange({ ...slot, ...changes });
  return (
    <Fieldset legend={`Slot ${index + 1}`} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          label="Name"
          description="Used as {{partner.name}}"
          required
          value={slot.name}
          onChange={(e) => change({ name: e.currentTarget.value })}
          error={messageAt(error, `${at}.name`)}
        />
        <TextInput
          label="Label"
          description="What partners see"
          value={slot.label ?? ''}
          onChange={(e) => change({ label: e.currentTarget.value || undefined })}
          error={messageAt(error, `${at}.label`)}
        />
        <Select
          label="Type"
          required
          data={TYPES}
          value={slot.type}
          allowDeselect={false}
          onChange={(v) => {
            const type = TYPES.find((t) => t.value === v)?.value;
            if (type) change({ type, maxLength: type === 'text' ? slot.maxLength : undefined });
          }}
          error={messageAt(error, `${at}.type`)}
        />
        <TextInput
          label="Fallback"
          description="Used when a partner leaves it empty"
          value={slot.fallback ?? ''}
          onChange={(e) => change({ fallback: e.currentTarget.value || null })}
          error={messageAt(error, `${at}.fallback`)}
        />
        {slot.type === 'text' ? (
          <NumberInput
            label="Maximum length"
            description="Characters; empty: 100"
            min={1}
            value={slot.maxLength ?? ''}
            onChange={(v) => change({ maxLength: typeof v === 'number' ? v : undefined })}
            error={messageAt(error, `${at}.maxLength`)}
          />
        ) : null}
        <Checkbox
          label="Required: a partner must fill it in to launch"
          checked={slot.required}
          onChange={(e) => change({ required: e.currentTarget.checked })}
          mt={{ lg: 'xl' }}
          error={messageAt(error, `${at}.required`)}
        />
      </SimpleGrid>
      <Group justify="space-between" mt="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {mentionedIn.length ? `Mentioned in: ${mentionedIn.join(', ')}` : 'Not mentioned in any asset yet'}
        </Text>
        <Button
          variant="default"
          c="red.9"
          size="xs"
          onClick={onRemove}
          aria-label={`Remove slot ${index + 1}${slot.name ? ` (${slot.name})` : ''}`}
        >
          Remove
        </Button>
      </Group>
    </Fieldset>
  );
}
