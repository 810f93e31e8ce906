import { Expression, expressionBuilder, SqlBool } from 'kysely';
import type { DB, Prospects } from '../db/database.types';
import { containing } from '../db/like';
import type { AudienceSpec } from '../schema/column-types';

/**
 * The audience rule: which prospects a launch is for: all, the members of a list, or those
 * matching a filter by country and text. It reads the prospects of the query as `p`; the
 * partner they belong to is the caller's scope.
 */
export function inAudience(spec: AudienceSpec): Expression<SqlBool> {
  const eb = expressionBuilder<DB & { p: Prospects }, 'p'>();
  switch (spec.type) {
    case 'all':
      return eb.lit(true);
    case 'list':
      return eb.exists(
        eb
          .selectFrom('prospectListMembers as m')
          .select(eb.lit(1).as('one'))
          .where('m.listId', '=', spec.listId)
          .whereRef('m.prospectId', '=', 'p.id'),
      );
    case 'filter': {
      const parts: Array<Expression<SqlBool>> = [];
      if (spec.country?.length) parts.push(eb('p.country', '=', eb.fn.any(eb.val(spec.country))));
      if (spec.search) {
        const like = containing(spec.search.toLowerCase());
        parts.push(eb.or([eb('p.emailLower', 'like', like), eb(eb.fn('lower', ['p.company']), 'like', like)]));
      }
      return parts.length ? eb.and(parts) : eb.lit(true);
    }
  }
}
