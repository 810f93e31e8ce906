import { Alert, Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { SocialAccountPicker } from '../../../shared/components/social-account-picker';
import { TextBlockField, type BlockCampaignRef } from '../../../shared/components/text-block-field';
import { choiceFor, type SocialAccountChoice } from '../../../shared/lib/social-accounts';
import { useTranslation } from '../../../shared/i18n';
import { fieldError, formError } from '../../../shared/lib/field-error';
import { useProgrammeBlocks, type Programme, type ProgrammeBlock } from '../hooks/use-programmes';
import { useSaveSubscription, type NewSubscription, type Subscription } from '../hooks/use-subscriptions';
import { AudienceFields, audienceBody, audienceValue } from './audience-fields';
import { SlotValuesFields, slotRows, slotValuesBody } from './slot-values-fields';

/** The API's default review period, preset in a new subscription. */
const DEFAULT_REVIEW_HOURS = 72;
/** The API's default local posting time, preset in a new subscription. */
const DEFAULT_SOCIAL_POST_TIME = '10:00';
/** The networks by the names people know them by (a product's own name, the same in every language). */
const NETWORKS = [
  { value: 'linkedin', name: 'LinkedIn' },
  { value: 'x', name: 'X' },
  { value: 'facebook', name: 'Facebook' },
] as const;
type Network = (typeof NETWORKS)[number]['value'];
const isNetwork = (v: string): v is Network => NETWORKS.some((n) => n.value === v);

/** Paths the form shows next to their fields; any other problem shows above. */
const FIELDS = [
  'audience',
  'audience.type',
  'audience.listId',
  'audience.search',
  'audience.country',
  'socialNetworks',
  'socialAccounts.linkedin',
  'socialAccounts.x',
  'socialAccounts.facebook',
  'socialPostTime',
  'socialPostWeekdaysOnly',
  'reviewHours',
  'weeklyCap',
  'slotValues',
];

/** The blocks' texts as the API reads them: an empty one is left out (the block's default is sent). */
const blockTexts = (blocks: ProgrammeBlock[], texts: Record<string, string>): Record<string, string> =>
  Object.fromEntries(blocks.flatMap((b) => (texts[b.name]?.trim() ? [[b.name, texts[b.name]]] : [])));

/** The block's first campaign with an email placing it (its preview, named after the campaign), else its first. */
function blockCampaign(block: ProgrammeBlock): BlockCampaignRef {
  const shown = block.campaigns.find((c) => c.assetId) ?? block.campaigns[0];
  return {
    campaignId: shown.campaignId,
    version: shown.version,
    email: shown.assetId ? { id: shown.assetId, name: shown.campaignName } : null,
  };
}

/** NumberInput gives '' when emptied: no number. */
const asNumber = (v: number | string): number | null =>
  typeof v === 'number' ? v : v.trim() === '' ? null : Number(v);

interface SubscriptionModalProps {
  partnerId: string;
  programme: Programme;
  /** The subscription to change; null subscribes. */
  subscription: Subscription | null;
  onClose: () => void;
}

/** Subscribe to a programme with the defaults of its launches, or change them (they apply to launches offered from then on). */
export function SubscriptionModal({ partnerId, programme, subscription, onClose }: SubscriptionModalProps) {
  const { t } = useTranslation('programmes');
  const narrow = useMediaQuery('(max-width: 48em)', false);
  const [audience, setAudience] = useState(audienceValue(subscription?.audience));
  const [slots, setSlots] = useState(slotRows(subscription?.slotValues));
  const [networks, setNetworks] = useState<Network[]>(subscription?.socialNetworks ?? []);
  const [accounts, setAccounts] = useState<SocialAccountChoice>(subscription?.socialAccounts ?? {});
  const [postTime, setPostTime] = useState(subscription?.socialPostTime ?? DEFAULT_SOCIAL_POST_TIME);
  const [weekdaysOnly, setWeekdaysOnly] = useState(subscription?.socialPostWeekdaysOnly ?? true);
  const [reviewHours, setReviewHours] = useState<number | string>(subscription?.reviewHours ?? DEFAULT_REVIEW_HOURS);
  const [weeklyCap, setWeeklyCap] = useState<number | string>(subscription?.weeklyCap ?? '');
  const [texts, setTexts] = useState<Record<string, string>>(subscription?.slotValues ?? {});
  const blocks = useProgrammeBlocks(programme.id, partnerId).data ?? [];
  const isBlock = (name: string) => blocks.some((b) => b.name === name.trim());
  // The blocks' texts have their own fields: the free rows hold every other slot's value.
  const rows = slots.filter((r) => !isBlock(r.name));
  const save = useSaveSubscription({ programmeId: programme.id, subscriptionId: subscription?.id ?? null });
  const error = save.error;
  const slotFields = [...rows.map((r) => r.name.trim()), ...blocks.map((b) => b.name)]
    .filter(Boolean)
    .map((name) => `slotValues.${name}`);
  const problem = formError(error, [...FIELDS, ...slotFields]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hours = asNumber(reviewHours);
    const body: NewSubscription = {
      audience: audienceBody(audience),
      slotValues: { ...slotValuesBody(rows), ...blockTexts(blocks, texts) },
      socialNetworks: networks,
      // Only the networks posted to: an account of a network unticked is not sent.
      socialAccounts: choiceFor(networks, accounts),
      // Sent as typed: the API says when it is not a time of day.
      socialPostTime: postTime,
      socialPostWeekdaysOnly: weekdaysOnly,
      // Left empty: the API's default (new) or the value kept (change).
      reviewHours: hours ?? subscription?.reviewHours ?? DEFAULT_REVIEW_HOURS,
      weeklyCap: asNumber(weeklyCap),
    };
    save.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        subscription
          ? t('subscription.defaultsTitle', { programme: programme.name })
          : t('subscription.title', { programme: programme.name })
      }
      size="lg"
      fullScreen={narrow}
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form
        onSubmit={submit}
        onChange={() => save.error && save.reset()}
        noValidate
        aria-label={subscription ? t('subscription.defaultsForm') : t('subscription.subscribe')}
      >
        <Stack gap="md">
          {problem ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={subscription ? t('notSaved') : t('subscription.notSubscribed')}
            >
              {problem}
            </Alert>
          ) : null}
          <Text size="sm">{t('subscription.text')}</Text>
          <AudienceFields partnerId={partnerId} value={audience} onChange={setAudience} error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('subscription.reviewHours')}
              description={t('subscription.reviewHoursHint')}
              value={reviewHours}
              onChange={setReviewHours}
              allowDecimal={false}
              error={fieldError(error, 'reviewHours')}
            />
            <NumberInput
              label={t('subscription.weeklyCap')}
              description={t('subscription.weeklyCapHint')}
              value={weeklyCap}
              onChange={setWeeklyCap}
              allowDecimal={false}
              error={fieldError(error, 'weeklyCap')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('subscription.networks')}
            description={t('subscription.networksHint')}
            value={networks}
            onChange={(v) => setNetworks(v.filter(isNetwork))}
            error={fieldError(error, 'socialNetworks')}
          >
            <Group gap="lg" mt={6}>
              {NETWORKS.map((n) => (
                <Checkbox key={n.value} value={n.value} label={n.name} />
              ))}
            </Group>
          </Checkbox.Group>
          <SocialAccountPicker
            networks={networks}
            value={accounts}
            onChange={setAccounts}
            errorAt={(n) => fieldError(error, `socialAccounts.${n}`)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="time"
              label={t('subscription.postAt')}
              description={t('subscription.postAtHint')}
              value={postTime}
              onChange={(e) => setPostTime(e.currentTarget.value)}
              error={fieldError(error, 'socialPostTime')}
            />
            <Checkbox
              mt={{ base: 0, sm: 30 }}
              label={t('subscription.weekdaysOnly')}
              description={t('subscription.weekdaysOnlyHint')}
              checked={weekdaysOnly}
              onChange={(e) => setWeekdaysOnly(e.currentTarget.checked)}
              error={fieldError(error, 'socialPostWeekdaysOnly')}
            />
          </SimpleGrid>
          {blocks.map((block) => (
            <TextBlockField
              key={block.name}
              block={block}
              campaign={blockCampaign(block)}
              slotValues={{ ...slotValuesBody(rows), ...texts }}
              onChange={(value) => setTexts({ ...texts, [block.name]: value })}
              error={error}
            />
          ))}
          <SlotValuesFields rows={rows} onChange={setSlots} error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {subscription ? t('subscription.save') : t('subscription.subscribe')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
