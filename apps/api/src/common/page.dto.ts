import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { PageQuery } from './page.query';

/**
 * The one shape of every list the API answers: a page of items, where it starts, its size,
 * and how many match in all (so a table can show "41–60 of 1,234"). Lists too short to page
 * answer the same shape with everything in one page.
 */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A page of mapped items, from what a service found and the query that asked. */
export function pageOf<S, T>(
  found: { items: S[]; total: number },
  query: Pick<PageQuery, 'limit' | 'offset'>,
  map: (item: S) => T,
): Page<T> {
  return { items: found.items.map(map), total: found.total, limit: query.limit, offset: query.offset };
}

/**
 * The OpenAPI schema of a page of `item`, so the typed client knows `items` precisely:
 * `@ApiOkResponse({ type: PageDto(PartnerDto) })`.
 */
export function PageDto<T>(item: Type<T>): Type<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: 'How many items match in all.' }) total!: number;
    @ApiProperty() limit!: number;
    @ApiProperty() offset!: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  return PageOfItems;
}
