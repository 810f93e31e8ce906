import { ImageUploadCard, useImageRules } from '../../../shared/components/image-upload-card';
import { useTranslation } from '../../../shared/i18n';
import { useRemoveLogo, useUploadLogo, type BrandKit } from '../hooks/use-brand-kit';

/** The partner's logo: the current one, and a new one uploaded at once; the API judges the file. */
export function LogoCard({ partnerId, kit }: { partnerId: string; kit: BrandKit }) {
  const { t } = useTranslation('portal');
  const upload = useUploadLogo(partnerId);
  const remove = useRemoveLogo(partnerId);
  const rules = useImageRules();
  return (
    <ImageUploadCard
      id="logo"
      title={t('logo.title')}
      hint={rules}
      image={kit.logo}
      alt={t('logo.alt', { company: kit.companyName })}
      empty={t('logo.empty')}
      words={{
        saved: t('logo.saved'),
        removed: t('logo.removed'),
        choose: t('logo.choose'),
        chooseAnother: t('logo.chooseAnother'),
        remove: t('logo.remove'),
        notSaved: (reason) => t('logo.notSaved', { reason }),
      }}
      upload={upload}
      remove={remove}
    />
  );
}
