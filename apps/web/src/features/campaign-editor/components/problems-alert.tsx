import { Alert } from '@mantine/core';
import type { FieldProblem } from '../../../api/api-error';
import { ProblemList } from './problem-list';

/** Problems the API reported that no field of the form shows, with their paths (or the refusal's message). */
export function ProblemsAlert({
  title,
  message,
  problems,
}: {
  title: string;
  message?: string;
  problems: FieldProblem[];
}) {
  if (!message && !problems.length) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {problems.length ? <ProblemList problems={problems} /> : message}
    </Alert>
  );
}
