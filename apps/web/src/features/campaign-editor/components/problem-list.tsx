import { useTranslation } from '../../../shared/i18n';
import { List } from '@mantine/core';
import type { FieldProblem } from '../../../api/api-error';
import { describeProblem } from '../problems';

/** Problems as the API reported them: each with its path, and its line in a template. */
export function ProblemList({ problems }: { problems: FieldProblem[] }) {
  const { t } = useTranslation('campaign-editor');
  return (
    <List size="sm" spacing={4}>
      {problems.map((p, i) => (
        <List.Item key={i} className="wrap-anywhere">
          {p.path ? <code>{p.path}</code> : null} {describeProblem(t, p)}
        </List.Item>
      ))}
    </List>
  );
}
