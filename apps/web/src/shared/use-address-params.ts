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
