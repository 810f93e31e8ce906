import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import classes from '../../../shared/components/panel.module.css';
import { Section } from '../../../shared/components/section';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useDecideLaunch, useLaunchApprovals, type WaitingLaunchApproval } from '../hooks/use-vendor-home';

/**
 * Partners' own words waiting for an approver (editable blocks the vendor approves): each launch
 * with its partner, campaign and texts as they are sent; approving starts the launch, returning
 * it needs a comment the partner reads. Nothing while none waits.
 */
export function WaitingLaunchApprovals({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('vendor-home');
  const waiting = useLaunchApprovals(enabled);
  if (!enabled || !waiting.data?.total) return null;
  return (
    <Section
      id="home-launch-approvals"
      title={t('launchApprovals.title')}
      description={t('launchApprovals.description', { count: waiting.data.total })}
    >
      <Stack component="ul" gap={0} p="md" m={0} className={classes.panel} style={{ listStyle: 'none' }}>
        {waiting.data.items.map((item, i) => (
          <WaitingLaunch key={item.launchId} item={item} first={i === 0} />
        ))}
      </Stack>
    </Section>
  );
}

function WaitingLaunch({ item, first }: { item: WaitingLaunchApproval; first: boolean }) {
  const { t } = useTranslation('vendor-home');
  const format = useFormat();
  const decide = useDecideLaunch();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const path = { params: { path: { id: item.launchId } } };
  const error = decide.approve.error ?? decide.return.error;
  const top = formError(error, ['comment']);
  return (
    <Stack
      component="li"
      gap="xs"
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }}
      aria-label={t('launchApprovals.item', { partner: item.partnerName, campaign: item.campaignName })}
    >
      <div>
        <Text fw={600} size="sm" className="wrap-anywhere">
          {t('launchApprovals.item', { partner: item.partnerName, campaign: item.campaignName })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('launchApprovals.asked', { when: format.dateTime(item.createdAt) })}
        </Text>
      </div>
      {item.blocks.map((block) => (
        <Stack key={block.slot} gap={4}>
          <Text size="sm" fw={500}>
            {block.label ?? block.slot}
          </Text>
          <iframe
            title={t('launchApprovals.text', { block: block.label ?? block.slot, partner: item.partnerName })}
            sandbox=""
            srcDoc={`<!doctype html><html><body style="font:14px/1.5 Helvetica,Arial,sans-serif;color:#1f2937;margin:8px">${block.html}</body></html>`}
            style={{ width: '100%', height: 140, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
          />
        </Stack>
      ))}
      {top ? (
        <Text size="sm" c="red.8" role="alert">
          {top}
        </Text>
      ) : null}
      {returning ? (
        <Stack gap="xs">
          <Textarea
            label={t('launchApprovals.comment')}
            description={t('launchApprovals.commentHint')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={fieldError(decide.return.error, 'comment')}
            autosize
            minRows={2}
            maxLength={2000}
            required
          />
          <Group gap="sm">
            <Button
              color="red"
              loading={decide.return.isPending}
              disabled={!comment.trim()}
              onClick={() => decide.return.mutate({ ...path, body: { comment } })}
            >
              {t('launchApprovals.returnIt')}
            </Button>
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('launchApprovals.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap="sm">
          <Button loading={decide.approve.isPending} onClick={() => decide.approve.mutate(path)}>
            {t('launchApprovals.approve')}
          </Button>
          <Button variant="default" onClick={() => setReturning(true)}>
            {t('launchApprovals.return')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
