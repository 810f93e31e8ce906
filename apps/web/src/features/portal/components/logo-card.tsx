import { ImageUploadCard, LOGO_RULES } from '../../../shared/components/image-upload-card';
import { useRemoveLogo, useUploadLogo, type BrandKit } from '../hooks/use-brand-kit';

/** The partner's logo: the current one, and a new one uploaded at once; the API judges the file. */
export function LogoCard({ partnerId, kit }: { partnerId: string; kit: BrandKit }) {
  const upload = useUploadLogo(partnerId);
  const remove = useRemoveLogo(partnerId);
  return (
    <ImageUploadCard
      id="logo"
      title="Logo"
      hint={LOGO_RULES}
      image={kit.logo}
      alt={`${kit.companyName} logo`}
      empty="No logo yet: your campaigns show your company name in its place."
      noun="logo"
      upload={upload}
      remove={remove}
    />
  );
}
