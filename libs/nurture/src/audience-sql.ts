import type { AudienceSpec } from '@tcma/persistence';

/**
 * The SQL condition selecting a launch's audience among a partner's prospects (alias p),
 * appending its parameters to `params`.
 */
export function audienceCondition(spec: AudienceSpec, params: unknown[]): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (spec.type) {
    case 'all':
      return 'TRUE';
    case 'list':
      return `EXISTS (SELECT 1 FROM prospect_list_members m WHERE m.list_id = ${param(spec.listId)} AND m.prospect_id = p.id)`;
    case 'filter': {
      const parts: string[] = [];
      if (spec.country?.length) parts.push(`p.country = ANY(${param(spec.country)}::text[])`);
      if (spec.search) {
        const like = param(`%${spec.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        parts.push(`(p.email_lower LIKE ${like} ESCAPE '\\' OR lower(p.company) LIKE ${like} ESCAPE '\\')`);
      }
      return parts.length ? parts.join(' AND ') : 'TRUE';
    }
  }
}
