import { Alert, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { LoadingRows } from '../../../shared/components/list-states';
import { QueryError } from '../../../shared/components/query-error';
import { useSearchParams } from 'react-router';
import { useTranslation } from '../../../shared/i18n';
import { useRoleLabel } from '../../../shared/lib/role-labels';
import { useSsoConnections } from '../hooks/use-sso-connections';
import { type SsoTestResult, useSsoTestResult } from '../hooks/use-sso-test';

/** Light alerts' coloured titles fall short of 4.5:1 on their tint (green: 3.8): the title is dark, the tint says the rest. */
const darkTitle = { title: { color: 'var(--mantine-color-dark-8)' } };

/** The words of a refusal's reason (the API's codes), each its own message. */
function useReasonWords(): (reason: string) => string {
  const { t } = useTranslation('sso-connections');
  const words: Record<string, string> = {
    expired: t('test.reason.expired'),
    provider: t('test.reason.provider'),
    email: t('test.reason.email'),
    partner: t('test.reason.partner'),
    account: t('test.reason.account'),
    disabled: t('test.reason.disabled'),
    connection: t('test.reason.connection'),
    domain: t('test.reason.domain'),
  };
  return (reason) => words[reason] ?? reason;
}

function Outcome({ result, connectionName }: { result: SsoTestResult; connectionName: string }) {
  const { t } = useTranslation('sso-connections');
  const reasonOf = useReasonWords();
  const roleLabel = useRoleLabel();
  if (result.refusal)
    return (
      <Alert color="red" variant="light" title={t('test.refused', { name: connectionName })} styles={darkTitle}>
        <Stack gap={4}>
          <Text size="sm">{reasonOf(result.refusal.reason)}</Text>
          <Text size="sm" c="dimmed">
            {result.refusal.detail}
          </Text>
        </Stack>
      </Alert>
    );
  const reading = result.reading!;
  const where = result.partner ? t('test.inPartner', { partner: result.partner.companyName }) : t('test.asVendorUser');
  return (
    <Alert color="green" variant="light" title={t('test.wouldSignIn', { name: connectionName })} styles={darkTitle}>
      <Text size="sm">
        {result.existingUser
          ? t('test.existing', { email: reading.email, role: roleLabel(result.existingUser.role) })
          : t('test.provision', { email: reading.email, role: roleLabel(reading.role), where })}
      </Text>
    </Alert>
  );
}

/** What a test sign-in received from the provider and what signing in would have done (nobody was signed in). */
export function SsoTestResultPanel({
  connectionId,
  connectionName,
  resultId,
  onClose,
}: {
  connectionId: string;
  connectionName: string;
  resultId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('sso-connections');
  const result = useSsoTestResult(connectionId, resultId);
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="sso-test-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h3" id="sso-test-title">
            {t('test.title')}
          </Title>
          <Button size="xs" variant="default" onClick={onClose}>
            {t('test.close')}
          </Button>
        </Group>
        <Text size="sm">{t('test.nobody')}</Text>
        {result.isError ? (
          <QueryError error={result.error} retry={() => void result.refetch()} />
        ) : result.isPending ? (
          <LoadingRows label={t('test.loading')} height={120} />
        ) : (
          <>
            <Outcome result={result.data} connectionName={connectionName} />
            <Title order={3} size="h4">
              {t('test.claims', { count: result.data.claims.length })}
            </Title>
            {/* Fixed columns that wrap, not a sideways scroll: a scrolling region would need a keyboard stop of its own. */}
            <Table striped withTableBorder layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="40%">
                    {t('test.claim')}
                  </Table.Th>
                  <Table.Th scope="col">{t('test.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.data.claims.map((c) => (
                  <Table.Tr key={c.name}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Code style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{c.name}</Code>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The result of the test sign-in the page was opened with (`?tested=<connection>&result=<id>`:
 * where a test comes back), at the top of the page; closing it clears the address.
 */
export function SsoTestResultFromAddress() {
  const connections = useSsoConnections();
  const [params, setParams] = useSearchParams();
  const tested = params.get('tested');
  const resultId = params.get('result');
  if (!tested || !resultId) return null;
  return (
    <SsoTestResultPanel
      connectionId={tested}
      connectionName={connections.data?.items.find((c) => c.id === tested)?.name ?? ''}
      resultId={resultId}
      onClose={() => setParams({}, { replace: true })}
    />
  );
}
