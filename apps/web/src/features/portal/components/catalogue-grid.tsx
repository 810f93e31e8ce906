import { SimpleGrid } from '@mantine/core';
import { useDeferredValue } from 'react';
import { CARDS_FIRST_SEEN, type CatalogueItem } from '../hooks/use-catalogue';
import { CatalogueCard } from './catalogue-card';

interface CatalogueGridProps {
  items: CatalogueItem[];
  /** A new page or filter is being read: the cards shown are the previous answer's. */
  busy: boolean;
  onTag: (tag: string) => void;
}

/**
 * A page of the catalogue's cards. When it opens, the cards first seen (the first two rows at the
 * widest, whose thumbnails the first reads already fetch) are rendered and painted first, and the
 * rest of the page right after, in a render React may interrupt: a trace of a cold load showed the
 * 24 cards' render (about 160 ms of Mantine components) standing between the catalogue's answer and
 * the first thumbnail on screen.
 */
export function CatalogueGrid({ items, busy, onTag }: CatalogueGridProps) {
  const shown = useDeferredValue(items, items.slice(0, CARDS_FIRST_SEEN));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy={busy || shown !== items}>
      {shown.map((item, index) => (
        <CatalogueCard key={item.campaignId} item={item} onTag={onTag} firstSeen={index < CARDS_FIRST_SEEN} />
      ))}
    </SimpleGrid>
  );
}
