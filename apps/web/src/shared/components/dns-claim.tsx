import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useFormat } from '../i18n';
import { fieldError, formError } from '../lib/field-error';
import classes from './panel.module.css';
import { RecordField } from './record-field';

/**
 * A name a company claims and proves by publishing a DNS TXT record (a portal host name, an email
 * domain): the claim form and one card per claim. Each feature gives its own words and its own
 * mutations; what makes a name acceptable, and whether the record is there, is the API's to say.
 */

/** What the API says of a claim: pending until a check finds its TXT record. */
export interface DnsClaim {
  id: string;
  status: 'pending' | 'verified';
  txtRecord: { name: string; value: string };
  checkedAt: string | null;
  verifiedAt: string | null;
  lastError: string | null;
}

/** A mutation as these components use it: run with one value, its pending state and its error. */
export interface Action<Value> {
  run: (value: Value, done?: () => void) => void;
  pending: boolean;
  error: Error | null;
}

/** A TanStack mutation as an Action: `done` runs when it succeeds. */
export function actionOf<Value>(mutation: {
  mutate: (value: Value, options?: { onSuccess?: () => void }) => void;
  isPending: boolean;
  error: Error | null;
}): Action<Value> {
  return {
    run: (value, done) => mutation.mutate(value, { onSuccess: done }),
    pending: mutation.isPending,
    error: mutation.error,
  };
}

export interface DnsClaimFormWords {
  title: string;
  label: string;
  hint: string;
  example: string;
  notClaimed: string;
  submit: string;
}

/** Claims a name; the API's refusal shows at the field (`field`, its path in the request). */
export function DnsClaimForm({
  id,
  field,
  words,
  claim,
  order = 2,
}: {
  id: string;
  field: string;
  words: DnsClaimFormWords;
  claim: Action<string>;
  /** Its heading's level: 3 inside a page's section. */
  order?: 2 | 3;
}) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    claim.run(value, () => setValue(''));
  };
  const topError = formError(claim.error, [field]);
  const titleId = `${id}-title`;

  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm" p="lg" className={classes.panel}>
      <Title order={order} size={order === 2 ? 'h3' : 'h4'} id={titleId}>
        {words.title}
      </Title>
      <form onSubmit={submit} noValidate aria-label={words.title}>
        <Stack gap="md">
          <TextInput
            id={id}
            label={words.label}
            description={words.hint}
            placeholder={words.example}
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={fieldError(claim.error, field)}
          />
          {topError ? (
            <Alert color="red" variant="light" role="alert" title={words.notClaimed}>
              <Text size="sm">{topError}</Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={claim.pending} w={{ base: '100%', xs: 'auto' }}>
              {words.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export interface DnsClaimCardWords {
  verified: string;
  pending: string;
  verifiedOn: (date: string) => string;
  verifiedUndated: string;
  publish: string;
  recordName: string;
  recordValue: string;
  txtName: string;
  txtValue: string;
  lastCheck: string;
  checkedOn: (date: string) => string;
  notVerified: string;
  check: string;
  remove: string;
  removeTitle: string;
  removeClose: string;
  removeConsequence: string;
  removeKeep: string;
  removeSubmit: string;
}

/** One claim: its state, the TXT record to publish while it is pending, the last check's finding, its actions. */
export function DnsClaimCard({
  name,
  claim: c,
  field,
  words,
  check,
  remove,
}: {
  /** The name claimed (a host name, a domain): the card's title. */
  name: string;
  claim: DnsClaim;
  field: string;
  words: DnsClaimCardWords;
  check: Action<string>;
  remove: Action<string>;
}) {
  const format = useFormat();
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);
  const titleId = `claim-${c.id}`;
  const verified = c.status === 'verified';
  const checkError = fieldError(check.error, field) ?? formError(check.error, [field]);

  return (
    <Stack component="article" aria-labelledby={titleId} gap="sm" p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {name}
        </Title>
        {/* Pending: dark text on yellow (white on any yellow is under 4.5:1). */}
        <Badge
          style={{ flexShrink: 0 }}
          color={verified ? 'teal.9' : 'yellow.4'}
          c={verified ? undefined : 'dark.9'}
          variant="filled"
        >
          {verified ? words.verified : words.pending}
        </Badge>
      </Group>
      {verified ? (
        <Text size="sm">{c.verifiedAt ? words.verifiedOn(format.dateTime(c.verifiedAt)) : words.verifiedUndated}</Text>
      ) : (
        <>
          <Text size="sm">{words.publish}</Text>
          <RecordField label={words.recordName} value={c.txtRecord.name} what={words.txtName} />
          <RecordField label={words.recordValue} value={c.txtRecord.value} what={words.txtValue} />
        </>
      )}
      {c.lastError ? (
        <Stack gap={2} role="status" aria-label={words.lastCheck} p="sm" className={classes.tinted}>
          <Text size="sm">{c.lastError}</Text>
          {c.checkedAt ? (
            <Text size="xs" c="dimmed">
              {words.checkedOn(format.dateTime(c.checkedAt))}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {checkError ? (
        <Alert color="red" variant="light" role="alert" title={words.notVerified}>
          <Text size="sm">{checkError}</Text>
        </Alert>
      ) : null}
      <Group gap="sm">
        {verified ? null : (
          <Button size="xs" onClick={() => check.run(c.id)} loading={check.pending}>
            {words.check}
          </Button>
        )}
        <Button size="xs" variant="outline" color="red.9" onClick={confirm}>
          {words.remove}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={cancel}
        title={words.removeTitle}
        closeButtonProps={{ 'aria-label': words.removeClose }}
      >
        <Stack gap="md">
          <Text size="sm" className="wrap-anywhere">
            {words.removeConsequence}
          </Text>
          {remove.error ? <Text size="sm">{remove.error.message}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {words.removeKeep}
            </Button>
            <Button color="red.9" loading={remove.pending} onClick={() => remove.run(c.id, cancel)}>
              {words.removeSubmit}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
