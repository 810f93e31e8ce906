import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useUpdatePartner, type Partner } from '../hooks/use-partners';

const FIELDS = ['companyName', 'tier', 'region'];

/** A partner's name, tier and region (which campaigns it may launch follows from them). */
export function EditPartnerModal({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const [values, setValues] = useState({
    companyName: partner.companyName,
    tier: partner.tier,
    region: partner.region,
  });
  const update = useUpdatePartner(partner.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(values, {
      onSuccess: (p) => {
        notifications.show({ color: 'teal', message: `${p.companyName} is saved.` });
        onClose();
      },
    });
  };
  const field = (name: keyof typeof values) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };
  const problem = formError(update.error, FIELDS);
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Edit ${partner.companyName}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate aria-label={`Edit ${partner.companyName}`}>
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {problem}
            </Alert>
          ) : null}
          <TextInput
            label="Company name"
            required
            data-autofocus
            value={values.companyName}
            onChange={field('companyName')}
            error={fieldError(update.error, 'companyName')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Tier"
              required
              value={values.tier}
              onChange={field('tier')}
              error={fieldError(update.error, 'tier')}
            />
            <TextInput
              label="Region"
              required
              value={values.region}
              onChange={field('region')}
              error={fieldError(update.error, 'region')}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save the partner
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
