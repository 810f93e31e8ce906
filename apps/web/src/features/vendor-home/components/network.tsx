import { useFormat, useTranslation } from '../../../shared/i18n';
import { Section } from '../../../shared/components/section';
import type { VendorHome } from '../hooks/use-vendor-home';
import { Figures } from './figures';

/** The partner network over the period: how many partners, and how many were invited, signed in, launched. */
export function Network({ home }: { home: VendorHome }) {
  const { t } = useTranslation('vendor-home');
  const format = useFormat();
  const { network } = home;
  return (
    <Section
      id="home-network"
      title={t('network.title')}
      description={t('network.description', { count: home.days, since: format.date(home.since) })}
    >
      <Figures
        figures={[
          { key: 'partners', label: t('network.partners'), value: network.partners },
          { key: 'invited', label: t('network.invited'), value: network.invited },
          { key: 'signedIn', label: t('network.signedIn'), value: network.signedIn },
          { key: 'launched', label: t('network.launched'), value: network.launched },
        ]}
      />
    </Section>
  );
}

/** What the period's launches brought: launches, prospects reached, clicks and leads. */
export function Results({ home }: { home: VendorHome }) {
  const { t } = useTranslation('vendor-home');
  const { results } = home;
  return (
    <Section id="home-results" title={t('results.title')} description={t('results.description', { count: home.days })}>
      <Figures
        figures={[
          { key: 'launches', label: t('results.launches'), value: results.launches },
          { key: 'prospects', label: t('results.prospectsReached'), value: results.prospectsReached },
          { key: 'clicks', label: t('results.clicks'), value: results.clicks },
          { key: 'leads', label: t('results.leads'), value: results.leads },
        ]}
      />
    </Section>
  );
}
