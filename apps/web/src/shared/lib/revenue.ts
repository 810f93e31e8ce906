/** One amount of revenue as the API states it: a decimal string in an ISO 4217 currency. */
export interface Money {
  currency: string;
  amount: string;
}

/**
 * A ranking the API gives per currency (top campaigns, partners, programmes), split into one list
 * per currency, in the order of `currencies` (the totals', largest first as the API sends them)
 * and then of first appearance: amounts of different currencies are never compared or added.
 * Each list keeps the API's order and at most `limit` items.
 */
export function perCurrency<Item extends Money>(
  items: Item[],
  currencies: string[] = [],
  limit = Infinity,
): Array<{ currency: string; items: Item[] }> {
  const lists = new Map<string, Item[]>(currencies.map((c) => [c, []]));
  for (const item of items) {
    let list = lists.get(item.currency);
    if (!list) lists.set(item.currency, (list = []));
    if (list.length < limit) list.push(item);
  }
  return [...lists].filter(([, list]) => list.length > 0).map(([currency, list]) => ({ currency, items: list }));
}

/** Whether any deal was won in the period (a total of 0 deals is none). */
export function hasRevenue(totals: Array<Money & { deals: number }>): boolean {
  return totals.some((t) => t.deals > 0);
}
