import { Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { format } from '../../../shared/lib/format';
import { messageAt, messageIn } from '../problems';
import { type SocialCheck, type SocialCopy, type SocialNetwork, useSocialCheck } from './use-drawn-assets';

const NETWORKS: Array<{ network: SocialNetwork; label: string; counting: string }> = [
  { network: 'linkedin', label: 'LinkedIn', counting: 'links count in full' },
  { network: 'x', label: 'X', counting: 'every link counts 23; Chinese, Japanese, Korean and emoji count 2' },
  { network: 'facebook', label: 'Facebook', counting: 'links count in full' },
  { network: 'instagram', label: 'Instagram', counting: 'links count in full and are not clickable' },
];

/** The API's count of one network's copy: with the sample partner, and at worst with the longest partner values. */
function Count({ measure }: { measure: SocialCheck['networks'][number] | undefined }) {
  if (!measure) return null;
  const links = measure.links
    ? ` · ${measure.links} link${measure.links === 1 ? '' : 's'}${measure.linkLength ? `, ${measure.linkLength} each` : ''}`
    : '';
  return (
    <Text
      size="sm"
      c={measure.fits ? 'dimmed' : 'var(--mantine-color-error)'}
      fw={measure.fits ? undefined : 600}
      aria-live="polite"
    >
      {measure.length === null ? '—' : format.count(measure.length)} / {format.count(measure.limit)} characters with the
      sample partner · up to {format.count(measure.longest)} with the longest partner values{links}
      {measure.fits ? '' : ': too long'}
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
  const [debounced] = useDebouncedValue(copy, 300);
  const check = useSocialCheck(campaignId, assetId, debounced);
  const checkProblems =
    check.data?.problems.map((p) => ({ ...p, path: p.path.replace(/^assets\[\d+\]\.copy/, at) })) ?? [];
  return (
    <Stack gap="md">
      {NETWORKS.map(({ network, label, counting }) => {
        const path = `${at}.${network}`;
        const saved = messageAt(error, path);
        const live = messageIn(checkProblems, path);
        return (
          <Stack key={network} gap={4}>
            <Textarea
              label={`${label} post`}
              description={`As ${label} counts: ${counting}. May use {{partner.…}} text slots.`}
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
          </Stack>
        );
      })}
    </Stack>
  );
}
