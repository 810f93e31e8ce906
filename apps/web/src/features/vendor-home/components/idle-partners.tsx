import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { Section } from '../../../shared/components/section';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useRemindPartner, type IdlePartner, type VendorHome } from '../hooks/use-vendor-home';
import { reminderState } from '../reminder-state';

/**
 * The partners to nudge: no launch for the API's idle days (or never), those that never launched
 * first. Each may be reminded from its row: its users get a campaign they can launch from the email.
 */
export function IdlePartners({ home }: { home: VendorHome }) {
  const { t } = useTranslation('vendor-home');
  const { items, total, idleDays } = home.idlePartners;
  return (
    <Section
      id="home-idle"
      title={t('idle.title')}
      description={total ? t('idle.description', { count: total, days: idleDays }) : undefined}
      more={total > items.length ? { to: '/console/partners', label: t('idle.all', { count: total }) } : undefined}
    >
      {items.length ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((partner) => (
            <IdlePartnerRow key={partner.partnerId} partner={partner} />
          ))}
        </Stack>
      ) : home.network.partners === 0 ? (
        <EmptyState
          order={3}
          title={t('idle.noPartners')}
          text={t('idle.noPartnersText')}
          action={
            <Button component={Link} to="/console/partners" variant="light">
              {t('idle.invite')}
            </Button>
          }
        />
      ) : (
        <EmptyState order={3} title={t('idle.none')} text={t('idle.noneText', { count: idleDays })} />
      )}
    </Section>
  );
}

/** One idle partner: when it last launched and signed in, its users, and Remind (or when it was reminded). */
function IdlePartnerRow({ partner }: { partner: IdlePartner }) {
  const { t } = useTranslation('vendor-home');
  const format = useFormat();
  const remind = useRemindPartner();
  const state = reminderState(partner);
  // Once the home says it was reminded, the focus moves from the Remind button (gone) to what replaced it.
  const reminded = useRef<HTMLDivElement>(null);
  const justSent = useRef(false);
  useEffect(() => {
    if (justSent.current && !state.canRemind) {
      justSent.current = false;
      reminded.current?.focus();
    }
  }, [state.canRemind]);
  // The API's own reason: said of the partner when it names the field (partnerId), else its message.
  const reason = fieldError(remind.error, 'partnerId');
  const failure = reason ? undefined : formError(remind.error, []);
  const send = () =>
    remind.mutate(
      { body: { partnerId: partner.partnerId } },
      {
        onSuccess: (sent) => {
          justSent.current = true;
          notifications.show({
            color: 'teal',
            message: t('idle.sent', {
              count: sent.recipients,
              partner: partner.partnerName,
              campaign: sent.campaignName,
            }),
          });
        },
      },
    );
  return (
    <Stack component="li" gap="xs" p="sm" className={classes.panel}>
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={2} flex="1 1 240px" miw={0}>
          <Text fw={600}>{partner.partnerName}</Text>
          <Group gap={4} style={{ columnGap: 'var(--mantine-spacing-md)' }}>
            <Text size="sm" c="dimmed">
              {partner.lastLaunchAt
                ? t('idle.lastLaunch', { date: format.date(partner.lastLaunchAt) })
                : t('idle.neverLaunched')}
            </Text>
            <Text size="sm" c="dimmed">
              {partner.lastSignInAt
                ? t('idle.lastSignIn', { date: format.date(partner.lastSignInAt) })
                : t('idle.neverSignedIn')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('idle.users', { count: partner.users })}
            </Text>
          </Group>
        </Stack>
        {state.canRemind ? (
          <Button
            variant="light"
            onClick={send}
            loading={remind.isPending}
            aria-label={t('idle.remindPartner', { partner: partner.partnerName })}
          >
            {t('idle.remind')}
          </Button>
        ) : (
          <Stack gap={0} align="flex-start" ref={reminded} tabIndex={-1} data-testid="reminded">
            <Text size="sm" fw={600} c="teal.9">
              {state.today
                ? t('idle.remindedToday')
                : state.remindedAt
                  ? t('idle.remindedOn', { date: format.date(state.remindedAt) })
                  : t('idle.reminded')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('idle.remindAgain', { date: format.date(state.againAt) })}
            </Text>
          </Stack>
        )}
      </Group>
      {reason || failure ? (
        <Text size="sm" c="red.9" role="alert">
          {reason ? t('idle.refused', { partner: partner.partnerName, reason }) : t('idle.failed', { reason: failure })}
        </Text>
      ) : null}
    </Stack>
  );
}
