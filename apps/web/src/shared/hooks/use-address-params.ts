import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in the address (so a link or a reload shows the same page): `set`
 * changes some of them, an empty value removes one, and any change but the page's own goes
 * back to the first page. History is replaced, not pushed: typing does not fill Back.
 */
export function useAddressParams() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { params, set, clear };
}

/** The page of a paged list the address holds (`?page=`): 1 when there is none or it is not a page number. */
export const pageOf = (params: URLSearchParams): number => Math.max(1, Number(params.get('page') ?? '1') || 1);

/** How long typing pauses before a typed filter goes into the address (and the API is asked). */
export const TYPING_PAUSE_MS = 300;

/**
 * A text filter typed in a field and kept in the address (`name`) once typing pauses, trimmed;
 * emptied, it leaves the address. Answers the field's value and its setter.
 */
export function useTypedParam(name: string) {
  const { params, set } = useAddressParams();
  const [value, setValue] = useState(params.get(name) ?? '');
  const [debounced] = useDebouncedValue(value, TYPING_PAUSE_MS);
  useEffect(() => {
    if ((params.get(name) ?? '') !== debounced.trim()) set({ [name]: debounced.trim() || null });
    // Only typing moves it: the address changing under it (a cleared filter) does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return [value, setValue] as const;
}
