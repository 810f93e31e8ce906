import { useFormat, useTranslation } from '../../../shared/i18n';
import { Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { FieldSuggestions } from '../components/field-suggestions';
import { useAssistantStatus } from '../hooks/use-assistant';
import { messageAt, messageIn } from '../problems';
import { type SocialCheck, type SocialCopy, type SocialNetwork, useSocialCheck } from './use-drawn-assets';

const NETWORKS: SocialNetwork[] = ['linkedin', 'x', 'facebook', 'instagram'];

/** How a template writes a text slot, in the fields' descriptions. */
const EXAMPLE = '{{partner.…}}';

/** Each network's field: its label, and how the network counts. */
function useNetworkWords(): Record<SocialNetwork, { label: string; description: string; suggest: string }> {
  const { t } = useTranslation('campaign-editor');
  return {
    linkedin: {
      label: t('social.linkedinLabel'),
      description: t('social.linkedinHint', { example: EXAMPLE }),
      suggest: t('suggest.linkedin'),
    },
    x: { label: t('social.xLabel'), description: t('social.xHint', { example: EXAMPLE }), suggest: t('suggest.x') },
    facebook: {
      label: t('social.facebookLabel'),
      description: t('social.facebookHint', { example: EXAMPLE }),
      suggest: t('suggest.facebook'),
    },
    instagram: {
      label: t('social.instagramLabel'),
      description: t('social.instagramHint', { example: EXAMPLE }),
      suggest: t('suggest.instagram'),
    },
  };
}

/** The API's count of one network's copy: with the sample partner, and at worst with the longest partner values. */
function Count({ measure }: { measure: SocialCheck['networks'][number] | undefined }) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  if (!measure) return null;
  const values = {
    length: measure.length === null ? '—' : format.count(measure.length),
    limit: format.count(measure.limit),
    longest: format.count(measure.longest),
    count: measure.links,
    each: measure.linkLength ? format.count(measure.linkLength) : '',
  };
  const text = !measure.links
    ? measure.fits
      ? t('social.count.plain', values)
      : t('social.count.plainTooLong', values)
    : !measure.linkLength
      ? measure.fits
        ? t('social.count.links', values)
        : t('social.count.linksTooLong', values)
      : measure.fits
        ? t('social.count.linksEach', values)
        : t('social.count.linksEachTooLong', values);
  return (
    <Text
      size="sm"
      c={measure.fits ? 'dimmed' : 'var(--mantine-color-error)'}
      fw={measure.fits ? undefined : 600}
      aria-live="polite"
    >
      {text}
    </Text>
  );
}

interface SocialCopyFieldsProps {
  campaignId: string;
  assetId: string | null;
  /** Where the API reports this post's problems: `assets[4].copy`. */
  at: string;
  copy: SocialCopy;
  /** The save's refusal. */
  error: unknown;
  disabled?: boolean;
  onChange: (copy: SocialCopy) => void;
}

/**
 * The post's copy per network, each with the API's live count against the network's limit (as
 * the network counts: X counts a link as 23) and the problems the save would answer with. An
 * empty field is left out: that network gets no copy.
 */
export function SocialCopyFields({ campaignId, assetId, at, copy, error, disabled, onChange }: SocialCopyFieldsProps) {
  const { t } = useTranslation('campaign-editor');
  const words = useNetworkWords();
  const [debounced] = useDebouncedValue(copy, 300);
  const check = useSocialCheck(campaignId, assetId, debounced);
  // The model's copy, when the installation has one: drawn from the saved post, so offered once it is saved.
  const assistant = (useAssistantStatus().data?.enabled ?? false) && !disabled;
  const suggestFor = assistant ? assetId : null;
  const checkProblems =
    check.data?.problems.map((p) => ({ ...p, path: p.path.replace(/^assets\[\d+\]\.copy/, at) })) ?? [];
  return (
    <Stack gap="md">
      {assistant && !assetId ? (
        <Text size="sm" c="dimmed">
          {t('suggest.saveFirst')}
        </Text>
      ) : null}
      {NETWORKS.map((network) => {
        const path = `${at}.${network}`;
        const saved = messageAt(t, error, path);
        const live = messageIn(t, checkProblems, path);
        return (
          <Stack key={network} gap={4}>
            <Textarea
              label={words[network].label}
              description={words[network].description}
              autosize
              minRows={2}
              maxRows={12}
              value={copy[network] ?? ''}
              disabled={disabled}
              onChange={(e) => {
                const value = e.currentTarget.value;
                const next = { ...copy };
                if (value) next[network] = value;
                else delete next[network];
                onChange(next);
              }}
              error={saved ?? live}
            />
            {copy[network] ? <Count measure={check.data?.networks.find((n) => n.network === network)} /> : null}
            {suggestFor ? (
              <FieldSuggestions
                campaignId={campaignId}
                request={{ purpose: 'social_copy', assetId: suggestFor, network }}
                label={words[network].suggest}
                onUse={(option) => onChange({ ...copy, [network]: option })}
              />
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
