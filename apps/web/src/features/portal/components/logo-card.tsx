import { ImageUploadCard, useImageRules } from '../../../shared/components/image-upload-card';
import { useRemoveLogo, useUploadLogo, type BrandKit } from '../hooks/use-brand-kit';

/** The partner's logo: the current one, and a new one uploaded at once; the API judges the file. */
export function LogoCard({ partnerId, kit }: { partnerId: string; kit: BrandKit }) {
  const upload = useUploadLogo(partnerId);
  const remove = useRemoveLogo(partnerId);
  const rules = useImageRules();
  return (
    <ImageUploadCard
      id="logo"
      title="Logo"
      hint={rules}
      image={kit.logo}
      alt={`${kit.companyName} logo`}
      empty="No logo yet: your campaigns show your company name in its place."
      words={{
        saved: 'Your new logo is saved.',
        removed: 'Your logo is removed.',
        choose: 'Choose a logo',
        chooseAnother: 'Choose another logo',
        remove: 'Remove the logo',
        notSaved: (reason) => `The logo was not saved: ${reason}`,
      }}
      upload={upload}
      remove={remove}
    />
  );
}
