import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../shared/components/panel.module.css';
import { PageHeader } from '../../shared/components/page-header';
import { useCapabilities } from '../../shared/hooks/use-session';
import { useTranslation } from '../../shared/i18n';
import { CONSOLE_SETTINGS, type ConsoleSetting } from '../layout/console-settings';

/**
 * The console's settings (vendor admins): one page leading to each, each said in a line, so the
 * console's row of areas keeps to one row (the settings are one area of it).
 */
export function ConsoleSettingsPage() {
  const { t } = useTranslation('app');
  const { vendorSettings } = useCapabilities();
  // Each setting's name (as the areas once named it) and what it is for.
  const words: Record<ConsoleSetting, { name: string; about: string }> = {
    webhooks: { name: t('consoleNav.webhooks'), about: t('consoleSettings.webhooks') },
    crm: { name: t('consoleNav.crm'), about: t('consoleSettings.crm') },
    sending: { name: t('consoleNav.sending'), about: t('consoleSettings.sending') },
    hostNames: { name: t('consoleNav.hostNames'), about: t('consoleSettings.hostNames') },
    sso: { name: t('consoleNav.sso'), about: t('consoleSettings.sso') },
    brand: { name: t('consoleNav.brand'), about: t('consoleSettings.brand') },
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('consoleSettings.title')} description={t('consoleSettings.description')} />
      {/* The session says whose they are (the API refuses the others anyway): said, not listed. */}
      {vendorSettings ? null : <Text>{t('consoleSettings.adminsOnly')}</Text>}
      <SimpleGrid
        component="ul"
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="md"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {(vendorSettings ? CONSOLE_SETTINGS : []).map((s) => (
          <Stack component="li" key={s.to} gap={4} p="md" className={classes.panel}>
            <Title order={2} size="h4">
              <Anchor component={Link} to={s.to}>
                {words[s.key].name}
              </Anchor>
            </Title>
            <Text size="sm">{words[s.key].about}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
