import { TextInput } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';

interface LanguageTagInputProps {
  value: string;
  /** The typed tag; the form's last refusal is cleared by the caller. */
  onChange: (value: string) => void;
  /** The API's word on the tag, under the field. */
  error: string | undefined;
  disabled: boolean;
}

/** A BCP 47 tag typed as written (no autocorrect or spelling marks); the API judges it. */
export function LanguageTagInput({ value, onChange, error, disabled }: LanguageTagInputProps) {
  const { t } = useTranslation('campaign-editor');
  return (
    <TextInput
      label={t('languages.language')}
      description={t('languages.languageHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      disabled={disabled}
      autoComplete="off"
      spellCheck={false}
      w="100%"
      maw={360}
    />
  );
}
