import { Alert, Box, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import { useResendSenderConfirmation, type BrandKit } from '../hooks/use-brand-kit';

/**
 * How the partner's emails go out now, as the API says (the saved kit, not the form being
 * edited), its warning word for word, and the confirmation link again while the From
 * address is not confirmed.
 */
export function SendingAs({ partnerId, kit }: { partnerId: string; kit: BrandKit }) {
  const { t } = useTranslation('portal');
  const resend = useResendSenderConfirmation(partnerId);
  const { fromName, fromAddress, replyTo, warning } = kit.sendingAs;
  const unconfirmed = kit.sender && !kit.sender.confirmed ? kit.sender.fromEmail : null;

  return (
    <Stack gap="sm">
      <Box p="sm" className={classes.tinted}>
        <Text size="sm" className="wrap-anywhere">
          <Text span fw={600} size="sm">
            {t('sendingAs.label')}
          </Text>{' '}
          {replyTo
            ? t('sendingAs.fromWithReplyTo', { name: fromName, address: fromAddress, replyTo })
            : t('sendingAs.from', { name: fromName, address: fromAddress })}
        </Text>
      </Box>
      {warning || unconfirmed ? (
        <Alert color="yellow" variant="light" styles={{ message: { color: 'var(--mantine-color-dark-8)' } }}>
          <Stack gap="xs" align="flex-start">
            {warning ? (
              <Text size="sm" className="wrap-anywhere">
                {warning}
              </Text>
            ) : null}
            {unconfirmed ? (
              <Button
                size="compact-sm"
                variant="default"
                loading={resend.isPending}
                onClick={() =>
                  resend.mutate(undefined, {
                    onSuccess: () =>
                      notifications.show({
                        color: 'teal',
                        message: t('sendingAs.linkSent', { email: unconfirmed }),
                      }),
                  })
                }
              >
                {t('sendingAs.resend')}
              </Button>
            ) : null}
            {resend.error ? (
              <Text size="sm" c="red.9" role="alert">
                {resend.error.message}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
