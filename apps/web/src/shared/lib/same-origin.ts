/**
 * A public file's URL is absolute (emails need one), on the engine's public address; a page
 * reads the same path from the engine that served it, which its Content-Security-Policy allows.
 */
export function sameOrigin(url: string): string {
  const u = new URL(url, window.location.href);
  return `${u.pathname}${u.search}`;
}
