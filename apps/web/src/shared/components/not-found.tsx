import { Button, Code, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { Trans, useTranslation } from '../i18n';
import { PageHeader } from './page-header';

export function NotFoundPage() {
  const { t } = useTranslation('shared');
  const { pathname } = useLocation();
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader title={t('notFound.title')} description={t('notFound.description')} />
      <Text>
        <Trans
          i18nKey="notFound.noPageAt"
          t={t}
          values={{ path: pathname }}
          components={{ path: <Code className="wrap-anywhere" /> }}
        />
      </Text>
      <div>
        <Button component={Link} to="/">
          {t('actions.home')}
        </Button>
      </div>
    </Stack>
  );
}
