import { Alert, Badge, Button, Group, List, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CampaignContent } from '../hooks/use-edited-campaign';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { ReviewPreviews } from './review-previews';
import { type PublishingPolicy, type Review, type ReviewEvent, useReviewAction } from './use-reviews';

/** Filled, in shades dark enough for white text (AA). */
const STATUS_COLOR: Record<Review['status'], string> = {
  pending: 'indigo.8',
  approved: 'teal.9',
  changes_requested: 'orange.9',
  voided: 'gray.7',
};

/**
 * The campaign's latest review: its state and trail (who did what, when, to which revision),
 * and while it waits, a comment box with the decisions the API lets this user take.
 */
export function ReviewPanel({
  campaignId,
  review,
  policy,
  content,
}: {
  campaignId: string;
  review: Review;
  policy: PublishingPolicy;
  content: CampaignContent;
}) {
  const { t } = useTranslation('campaign-editor');
  const [text, setText] = useState('');
  const [about, setAbout] = useState('');
  const action = useReviewAction(campaignId, review.id);
  const waiting = review.status === 'pending';
  const error = action.error;
  const field = action.variables?.kind === 'comment' ? 'body' : 'comment';
  const done = (message: string) => () => {
    setText('');
    setAbout('');
    notifications.show({ color: 'teal', message });
  };

  return (
    <Stack component="section" aria-labelledby="review-title" gap="sm">
      <Group gap="sm" align="center">
        <Title order={2} size="h3" id="review-title">
          {t('review.title', { revision: review.draftRevision })}
        </Title>
        <Badge color={STATUS_COLOR[review.status]} variant="filled" tt="none" radius="sm">
          {
            {
              pending: t('review.status.pending'),
              approved: t('review.status.approved'),
              changes_requested: t('review.status.changes_requested'),
              voided: t('review.status.voided'),
            }[review.status]
          }
        </Badge>
      </Group>
      {review.status === 'approved' && review.publishedVersion !== null ? (
        <Text size="sm">{t('review.published', { version: review.publishedVersion })}</Text>
      ) : null}
      <List spacing="xs" listStyleType="none" aria-label={t('review.trail')} ms={0} ps={0}>
        {review.events.map((event, i) => (
          <TrailStep key={i} event={event} content={content} />
        ))}
      </List>
      {waiting ? <ReviewPreviews campaignId={campaignId} content={content} revision={review.draftRevision} /> : null}
      {waiting ? (
        <Stack gap="xs">
          <Textarea
            label={policy.mayApprove ? t('review.noteOrReason') : t('review.comment')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              action.reset();
            }}
            autosize
            minRows={2}
            maxLength={2000}
            error={fieldError(error, field)}
          />
          <NativeSelect
            label={t('review.about')}
            value={about}
            onChange={(e) => setAbout(e.currentTarget.value)}
            data={[
              { value: '', label: t('review.wholeCampaign') },
              ...content.assets.map((a) => ({ value: a.id, label: a.name })),
            ]}
            error={fieldError(error, 'assetId')}
          />
          <Group gap="sm">
            <Button
              variant="default"
              disabled={!text.trim()}
              loading={action.isPending && action.variables?.kind === 'comment'}
              onClick={() =>
                action.mutate(
                  { kind: 'comment', body: text, ...(about ? { assetId: about } : {}) },
                  { onSuccess: done(t('review.commented')) },
                )
              }
            >
              {t('review.addComment')}
            </Button>
            {policy.mayApprove ? (
              <>
                <Button
                  // Orange text on its light tint was 3.6:1 (axe: 4.5 needed); dark red on white reads.
                  color="red.9"
                  variant="outline"
                  loading={action.isPending && action.variables?.kind === 'request-changes'}
                  onClick={() =>
                    action.mutate({ kind: 'request-changes', comment: text }, { onSuccess: done(t('review.returned')) })
                  }
                >
                  {t('review.requestChanges')}
                </Button>
                <Button
                  loading={action.isPending && action.variables?.kind === 'approve'}
                  onClick={() =>
                    action.mutate(
                      { kind: 'approve', comment: text.trim() || undefined },
                      { onSuccess: (r) => done(t('review.approved', { version: r.publishedVersion }))() },
                    )
                  }
                >
                  {t('review.approve')}
                </Button>
              </>
            ) : null}
          </Group>
          <div aria-live="polite">
            {formError(error, [field]) ? (
              <Alert color="red" variant="light" role="alert" title={t('review.notDone')}>
                {formError(error, [field])}
              </Alert>
            ) : null}
          </div>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** One step: "Mira Marketer asked for a review", then when, which revision and asset, and its words. */
function TrailStep({ event, content }: { event: ReviewEvent; content: CampaignContent }) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const who = event.by ? event.by.name || event.by.email : t('review.someone');
  const asset = event.assetId ? content.assets.find((a) => a.id === event.assetId)?.name : null;
  return (
    <List.Item>
      <Text size="sm" fw={600} className="wrap-anywhere">
        {
          {
            requested: t('review.event.requested', { who }),
            commented: t('review.event.commented', { who }),
            approved: t('review.event.approved', { who }),
            changes_requested: t('review.event.changes_requested', { who }),
            voided: t('review.event.voided', { who }),
          }[event.kind]
        }
      </Text>
      <Text size="xs" c="dimmed" className="wrap-anywhere">
        {asset
          ? t('review.whenOnAsset', { when: format.dateTime(event.at), revision: event.draftRevision, asset })
          : t('review.when', { when: format.dateTime(event.at), revision: event.draftRevision })}
      </Text>
      {event.body ? (
        <Text size="sm" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
          {event.body}
        </Text>
      ) : null}
    </List.Item>
  );
}
