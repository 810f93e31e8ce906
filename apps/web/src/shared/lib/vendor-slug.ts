/**
 * The vendor a signed-out page is shown for: the `vendor` query parameter of its address
 * (`/sign-in?vendor=acme`), remembered by the tab (sessionStorage) so the pages a visitor reaches
 * from there (forgot password, back to sign-in) keep the brand. The API judges the slug: an
 * unknown one is answered with the engine's own look, like none.
 */
export const VENDOR_PARAM = 'vendor';

const STORAGE_KEY = 'tcma.vendor';

/** Slugs are short words; anything else is not worth asking the API about. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/i;

export function vendorSlugFrom(search: string): string | null {
  const named = new URLSearchParams(search).get(VENDOR_PARAM);
  if (named && SLUG.test(named)) {
    try {
      sessionStorage.setItem(STORAGE_KEY, named);
    } catch {
      // Storage refused (private mode): the brand lasts for this page only.
    }
    return named;
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The address with the remembered vendor kept, for links between the signed-out pages. */
export function withVendor(path: string, slug: string | null): string {
  if (!slug) return path;
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set(VENDOR_PARAM, slug);
  return `${base}?${params.toString()}`;
}
