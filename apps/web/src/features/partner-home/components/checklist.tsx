import { Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import type { HomeChecklist } from '../hooks/use-partner-home';
import { Section } from '../../../shared/components/section';

/** The first steps, each done or not, each a link to where it is done. */
export function Checklist({ checklist }: { checklist: HomeChecklist }) {
  const { t } = useTranslation('partner-home');
  const steps = [
    { key: 'logo', done: checklist.logo, label: t('checklist.logo'), to: '/portal/brand-kit' },
    { key: 'sender', done: checklist.senderConfirmed, label: t('checklist.sender'), to: '/portal/brand-kit' },
    { key: 'prospects', done: checklist.prospects, label: t('checklist.prospects'), to: '/portal/audience' },
    { key: 'launch', done: checklist.launched, label: t('checklist.launch'), to: '/portal' },
  ];
  const done = steps.filter((s) => s.done).length;
  return (
    <Section id="home-checklist" title={t('checklist.title')}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('checklist.progress', { done, total: steps.length })}</Text>
        <Button component={Link} to="/portal/setup" size="sm">
          {t('checklist.continue')}
        </Button>
      </Group>
      <List listStyleType="none" spacing="xs" p="md" className={classes.panel}>
        {steps.map((step) => (
          <List.Item key={step.key}>
            <Group gap="sm" wrap="nowrap">
              <Badge color={step.done ? 'teal.9' : 'gray.7'} variant={step.done ? 'filled' : 'outline'} miw={72}>
                {step.done ? t('checklist.done') : t('checklist.toDo')}
              </Badge>
              {step.done ? (
                <Text td="line-through" c="dimmed">
                  {step.label}
                </Text>
              ) : (
                <Anchor component={Link} to={step.to}>
                  {step.label}
                </Anchor>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
