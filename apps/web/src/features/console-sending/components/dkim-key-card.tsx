import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useGenerateDkimKey, type SendingSettings } from '../hooks/use-sending-settings';

/** The DKIM key that signs the vendor's mail, and the action that has the engine generate a new one. */
export function DkimKeyCard({ settings }: { settings: SendingSettings }) {
  const { t } = useTranslation('console-sending');
  const [opened, { open, close }] = useDisclosure(false);
  const [selector, setSelector] = useState('');
  const generate = useGenerateDkimKey();
  const replacing = settings.dkim !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate(selector.trim() || undefined, {
      onSuccess: (saved) => {
        close();
        setSelector('');
        notifications.show({
          color: 'teal',
          message: t('dkim.generated', { selector: saved.dkim?.selector ?? '' }),
        });
      },
    });
  };
  const topError = formError(generate.error, ['selector']);

  return (
    <Card padding="lg" component="section" aria-labelledby="dkim-title">
      <Title order={2} size="h3" id="dkim-title" mb={4}>
        {t('dkim.title')}
      </Title>
      <Stack gap="sm" align="flex-start">
        {settings.dkim ? (
          <Text size="sm">
            <Trans
              i18nKey="dkim.signed"
              t={t}
              values={{ domain: settings.dkim.domain, selector: settings.dkim.selector }}
              components={{ strong: <strong /> }}
            />
          </Text>
        ) : (
          <Text size="sm">{t('dkim.none')}</Text>
        )}
        <Button variant={replacing ? 'default' : 'filled'} onClick={open}>
          {replacing ? t('dkim.generateNew') : t('dkim.generate')}
        </Button>
      </Stack>

      <Modal
        opened={opened}
        onClose={close}
        title={replacing ? t('dkim.replaceTitle') : t('dkim.generateTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('dkim.close') }}
      >
        <form onSubmit={submit} noValidate aria-label={t('dkim.generateTitle')}>
          <Stack gap="md">
            {replacing ? (
              <Alert
                color="yellow"
                variant="light"
                title={t('dkim.willFail')}
                styles={{
                  title: { color: 'var(--mantine-color-dark-8)' },
                  message: { color: 'var(--mantine-color-dark-8)' },
                }}
              >
                <Text size="sm">{t('dkim.willFailText')}</Text>
              </Alert>
            ) : null}
            <TextInput
              id="selector"
              label={t('dkim.selector')}
              description={t('dkim.selectorHint')}
              placeholder={t('dkim.selectorExample')}
              value={selector}
              onChange={(e) => setSelector(e.currentTarget.value)}
              error={fieldError(generate.error, 'selector') ?? fieldError(generate.error, 'sendingDomain')}
              data-autofocus
            />
            {topError ? (
              <Alert color="red" variant="light" role="alert" title={t('dkim.notGenerated')}>
                <Text size="sm">{topError}</Text>
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('dkim.cancel')}
              </Button>
              <Button type="submit" color={replacing ? 'red.9' : undefined} loading={generate.isPending}>
                {replacing ? t('dkim.replace') : t('dkim.generateKey')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
