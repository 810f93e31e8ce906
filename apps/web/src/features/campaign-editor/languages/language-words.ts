import { useFormat, useTranslation } from '../../../shared/i18n';
import type { DraftLanguageEmail } from './use-languages';

type State = DraftLanguageEmail['state'];
type Origin = NonNullable<DraftLanguageEmail['origin']>;

const STATE_COLORS: Record<State, string> = { current: 'teal.9', stale: 'yellow.4', missing: 'red.9' };

/** An email's state in a language (the API's word for it), as its badge shows it. */
export function useEmailStates(): (state: State) => { color: string; label: string } {
  const { t } = useTranslation('campaign-editor');
  return (state) => ({
    color: STATE_COLORS[state],
    label: {
      current: t('languages.state.current'),
      stale: t('languages.state.stale'),
      missing: t('languages.state.missing'),
    }[state],
  });
}

/** Where a variant's copy came from. */
export function useOrigins(): (origin: Origin) => string {
  const { t } = useTranslation('campaign-editor');
  return (origin) =>
    ({
      xliff: t('languages.origin.xliff'),
      machine: t('languages.origin.machine'),
      manual: t('languages.origin.manual'),
    })[origin];
}

/** A language's name in the reader's language with its tag, "German (de)"; the tag alone when it has no name. */
export function useLanguageTitle(): (tag: string) => string {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  return (tag) => {
    const name = format.language(tag);
    return name === tag ? tag : t('languages.named', { name, tag });
  };
}
