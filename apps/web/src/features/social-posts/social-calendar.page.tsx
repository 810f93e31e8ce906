import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { pageOf } from '../../shared/hooks/use-address-params';
import { useTranslation } from '../../shared/i18n';
import { SocialPostList } from './components/social-post-list';
import { useSocialPosts } from './hooks/use-social-posts';

/** Posts per page. */
const PAGE_SIZE = 20;

export function SocialCalendarPage() {
  return <PortalGate>{() => <Calendar />}</PortalGate>;
}

function Calendar() {
  const { t } = useTranslation('social-posts');
  const [params, setParams] = useSearchParams();
  const page = pageOf(params);
  const posts = useSocialPosts({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = posts.data ? Math.ceil(posts.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <PageHeader title={t('calendar.title')} description={t('calendar.description')} />
      {posts.isError ? (
        <QueryError error={posts.error} retry={() => void posts.refetch()} />
      ) : posts.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('calendar.loading')}>
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} height={80} />
          ))}
        </Stack>
      ) : posts.data.items.length === 0 ? (
        <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
          <Title order={2} size="h3">
            {t('calendar.emptyTitle')}
          </Title>
          <Text>{t('calendar.emptyText')}</Text>
          <Button component={Link} to="/portal">
            {t('calendar.openCatalogue')}
          </Button>
        </Stack>
      ) : (
        <SocialPostList
          posts={posts.data.items}
          page={page}
          pages={pages}
          onPage={(p) => setParams({ page: String(p) })}
          campaignHref={(id) => `/portal/campaigns/${id}`}
        />
      )}
    </Stack>
  );
}
