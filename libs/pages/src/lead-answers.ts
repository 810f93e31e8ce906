import type { PageFormField } from '@tcma/campaign-model';

/** One answer of a lead's form, with the label its page showed. */
export interface LeadAnswer {
  name: string;
  label: string;
  value: string;
}

/**
 * A lead's answers labelled as the form of its campaign version declared them, in the form's
 * order. A key the form does not declare (a lead older than its form's last change) follows,
 * labelled by its key.
 */
export function labelledAnswers(
  values: Readonly<Record<string, string>>,
  declared: ReadonlyArray<Pick<PageFormField, 'name' | 'label'>>,
): LeadAnswer[] {
  const labels = new Map<string, string>();
  for (const field of declared) if (!labels.has(field.name)) labels.set(field.name, field.label);
  const known = [...labels]
    .filter(([name]) => Object.hasOwn(values, name))
    .map(([name, label]) => ({ name, label, value: values[name] }));
  const unknown = Object.keys(values)
    .filter((name) => !labels.has(name))
    .map((name) => ({ name, label: name, value: values[name] }));
  return [...known, ...unknown];
}
