import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFocusOnOpen } from '../../../../shared/hooks/use-focus-on-open';
import { useTranslation } from '../../../../shared/i18n';

interface StepFrameProps {
  title: string;
  text: string;
  children: ReactNode;
  /** The step's main action: saves what the step holds, then the set-up goes on. */
  action?: { label: string; onClick: () => void; pending?: boolean; disabled?: boolean };
  onBack?: () => void;
  /** Goes on without saving: the step stays to do, and the set-up opens at it next time. */
  onSkip?: () => void;
}

/**
 * One step of the guided set-up: its heading (which takes the keyboard as the step opens, so a
 * screen reader hears where it is), what it is for, its fields, and its actions.
 */
export function StepFrame({ title, text, children, action, onBack, onSkip }: StepFrameProps) {
  const { t } = useTranslation('portal');
  const focusOnOpen = useFocusOnOpen<HTMLHeadingElement>();
  return (
    <Stack gap="lg" mt="lg">
      <Stack gap={4}>
        <Title order={2} size="h3" tabIndex={-1} ref={focusOnOpen} style={{ outline: 'none' }}>
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
      </Stack>
      {children}
      <Group justify="space-between" gap="sm">
        {onBack ? (
          <Button variant="subtle" onClick={onBack}>
            {t('setup.back')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="sm">
          {onSkip ? (
            <Button variant="default" onClick={onSkip}>
              {t('setup.skip')}
            </Button>
          ) : null}
          {action ? (
            <Button onClick={action.onClick} loading={action.pending} disabled={action.disabled}>
              {action.label}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Stack>
  );
}
