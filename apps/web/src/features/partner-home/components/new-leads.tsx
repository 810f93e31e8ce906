import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { useFormat, useTranslation } from '../../../shared/i18n';
import type { PartnerHome } from '../hooks/use-partner-home';
import { Section } from '../../../shared/components/section';

/** How many leads came in lately, and the latest of them: each opens the leads page. */
export function NewLeads({ leads }: { leads: PartnerHome['newLeads'] }) {
  const { t } = useTranslation('partner-home');
  const format = useFormat();
  return (
    <Section id="home-leads" title={t('leads.title')} more={{ to: '/portal/leads', label: t('leads.all') }}>
      <Text size="sm">{t('leads.count', { count: leads.count, since: format.date(leads.since) })}</Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {leads.latest.map((lead) => {
          const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
          return (
            <Stack component="li" key={lead.id} gap={2} p="sm" className={classes.panel}>
              <Anchor component={Link} to="/portal/leads" fw={600}>
                {name || lead.email}
              </Anchor>
              <Text size="sm" c="dimmed">
                {lead.company
                  ? t('leads.fromCompany', { company: lead.company, when: format.dateTime(lead.createdAt) })
                  : format.dateTime(lead.createdAt)}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </Section>
  );
}
