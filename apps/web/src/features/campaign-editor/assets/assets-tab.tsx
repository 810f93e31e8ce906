import { useTranslation } from '../../../shared/i18n';
import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isEmail, kindOf, useKindLabels, type Asset } from '../asset-kind';
import { StaleNotice } from '../components/stale-notice';
import { EmailAssetForm, NEW_EMAIL } from '../email/email-asset-form';
import { isStale, useSaveEmail, useSavePage, type PageInput } from '../hooks/use-draft-edits';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';
import { newPage, PageAssetForm } from '../page/page-asset-form';

type PageAsset = Extract<Asset, { title: string }>;
const isPage = (asset: Asset): asset is PageAsset => kindOf(asset) === 'page';

/** A saved page as the editor edits it: its words and form, not its language variants. */
function pageInput(page: PageAsset): PageInput {
  return { name: page.name, title: page.title, html: page.html, noindex: page.noindex, form: page.form ?? null };
}

/** The draft's assets by kind; emails and the landing page are added and edited here, PDFs and social posts in their sections. */
export function AssetsTab({ edited }: { edited: EditedCampaign }) {
  const { t } = useTranslation('campaign-editor');
  const KINDS = useKindLabels();
  const { campaign, content } = edited;
  const save = useSaveEmail(campaign.id, campaign.revision);
  const savePage = useSavePage(campaign.id, campaign.revision);
  // 'new', 'new-page', an email's or the page's id, or nothing being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const page = content.assets.find(isPage);
  const editedPage = page && page.id === editing ? page : undefined;
  const assets = [...content.assets].sort((a, b) => kindOf(a).localeCompare(kindOf(b)));
  const editedEmail = content.assets.filter(isEmail).find((a) => a.id === editing);
  const index =
    editing === 'new' || editing === 'new-page'
      ? content.assets.length
      : content.assets.findIndex((a) => a.id === editing);
  const readOnly = useDraftReadOnly(campaign);

  const start = (id: string) => {
    save.reset();
    savePage.reset();
    setEditing(id);
  };

  return (
    <Stack gap="md">
      <StaleNotice error={save.error ?? savePage.error} />
      {assets.length === 0 ? (
        <Text c="dimmed">{t('assets.none')}</Text>
      ) : (
        <Table bg="white" withTableBorder aria-label={t('tabs.assets')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.asset')}</Table.Th>
              <Table.Th>{t('assets.kind')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('assets.subject')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('assets.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assets.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td className="wrap-anywhere">{a.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="indigo" tt="none">
                    {KINDS[kindOf(a)]}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm" className="wrap-anywhere">
                  {isEmail(a) ? a.subject : '—'}
                </Table.Td>
                <Table.Td ta="right">
                  {(isEmail(a) || isPage(a)) && !readOnly ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => start(a.id)}
                      aria-label={t('assets.editLabel', { name: a.name })}
                    >
                      {t('assets.edit')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing === null ? (
        <Group>
          <Button onClick={() => start('new')} disabled={readOnly}>
            {t('assets.addEmail')}
          </Button>
          {page ? null : (
            <Button variant="default" onClick={() => start('new-page')} disabled={readOnly}>
              {t('assets.addPage')}
            </Button>
          )}
        </Group>
      ) : editing === 'new-page' || editedPage ? (
        <PageAssetForm
          key={editing}
          campaignId={campaign.id}
          assetId={editedPage?.id ?? null}
          title={editedPage ? t('assets.editTitle', { name: editedPage.name }) : t('assets.newPage')}
          initial={editedPage ? pageInput(editedPage) : newPage(t)}
          index={index}
          saving={savePage.isPending}
          error={isStale(savePage.error) ? null : savePage.error}
          onCancel={() => setEditing(null)}
          onSave={(input) =>
            savePage.mutate(
              { assetId: editedPage?.id ?? null, page: input },
              {
                onSuccess: () => {
                  setEditing(null);
                  notifications.show({ color: 'teal', message: t('assets.pageSaved', { name: input.name }) });
                },
              },
            )
          }
        />
      ) : (
        <EmailAssetForm
          key={editing}
          campaignId={campaign.id}
          assetId={editedEmail?.id ?? null}
          title={editedEmail ? t('assets.editTitle', { name: editedEmail.name }) : t('assets.newEmail')}
          initial={
            editedEmail
              ? {
                  name: editedEmail.name,
                  subject: editedEmail.subject,
                  preheader: editedEmail.preheader,
                  mjml: editedEmail.mjml,
                }
              : NEW_EMAIL
          }
          index={index}
          saving={save.isPending}
          error={isStale(save.error) ? null : save.error}
          onCancel={() => setEditing(null)}
          onSave={(email) =>
            save.mutate(
              { assetId: editedEmail?.id ?? null, email },
              {
                onSuccess: () => {
                  setEditing(null);
                  notifications.show({ color: 'teal', message: t('assets.emailSaved', { name: email.name }) });
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}
