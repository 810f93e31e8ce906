import { useMemo, useState } from 'react';
import { ApiError, type FieldProblem } from '../../../api/api-error';
import { currentProblems, newerAnswer, problemsOfEmail, type ProblemsAnswer } from '../email/live-problems';
import { problemsOfItem } from '../problems';

/**
 * The problems of an asset being edited, as the newest request about its text answered them: the
 * API's live check (asked about text revision `checkedRevision`) or a refused save (of
 * `savedRevision`), paths relative to the asset (`assets[3].html` is `html`); and the save's
 * problems elsewhere in the draft, for the alert above the form.
 */
export function useLiveProblems(p: {
  /** The check's problems for the whole draft; undefined until it answers, or while an older answer is shown. */
  checked: FieldProblem[] | undefined;
  checkedRevision: number;
  error: unknown;
  savedRevision: number | null;
  index: number;
  fields: string[];
}): { mine: FieldProblem[]; others: FieldProblem[] } {
  const { checked, checkedRevision, error, savedRevision, index, fields } = p;
  const { mine: saved, others } = useMemo(
    () => problemsOfItem(error, `assets[${index}]`, fields),
    // `fields` is a module constant of each form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [error, index],
  );
  const live = useMemo(() => (checked ? problemsOfEmail(checked, index) : null), [checked, index]);
  // The newest check answered; an answer about an older text never replaces it.
  const [checkAnswer, setCheckAnswer] = useState<ProblemsAnswer | null>(null);
  const newestCheck = newerAnswer(checkAnswer, live ? { revision: checkedRevision, problems: live } : null);
  if (newestCheck !== checkAnswer) setCheckAnswer(newestCheck);
  const saveAnswer = useMemo(
    () =>
      savedRevision !== null && error instanceof ApiError && error.problems.length
        ? { revision: savedRevision, problems: saved }
        : null,
    [savedRevision, error, saved],
  );
  const mine = useMemo(() => currentProblems(newestCheck, saveAnswer), [newestCheck, saveAnswer]);
  return { mine, others };
}
