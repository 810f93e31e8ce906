/**
 * Whether a typed address is worth asking about: something, an @, and a dotted domain. Only to
 * spare requests while it is being typed; which buttons it gets (none, mostly) is the API's to say.
 */
export function looksComplete(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email);
}

/** The buttons an address's domain selects, but those the page already shows (the vendor's own). */
export function notShownYet<Button extends { id: string }>(discovered: Button[], shown: Button[]): Button[] {
  const ids = new Set(shown.map((b) => b.id));
  return discovered.filter((b) => !ids.has(b.id));
}
