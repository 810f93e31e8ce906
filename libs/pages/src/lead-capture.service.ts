import { Injectable } from '@nestjs/common';
import { checkProspect, ProspectInput } from '@tcma/audience';
import { Clock } from '@tcma/clock';
import type { PageFormWords } from '@tcma/cobrand';
import { LeadRow } from '@tcma/persistence';
import { LeadBatchWriter, LeadSubmission } from './lead-batch-writer';

/** A form submission as the page service hands it over: the checked prospect and the time are added here. */
export type CaptureInput = Omit<LeadSubmission, 'prospect' | 'at'>;

export type CaptureResult =
  { ok: true; lead: LeadRow; prospectId: string } | { ok: false; errors: Record<string, string> };

/** Form field names → prospect columns (the rest are custom fields). */
const PROSPECT_COLUMNS: Record<string, keyof ProspectInput> = {
  first_name: 'firstName',
  last_name: 'lastName',
  company: 'company',
  title: 'title',
  country: 'country',
  language: 'language',
};
const FIELD_OF_COLUMN = Object.fromEntries(Object.entries(PROSPECT_COLUMNS).map(([field, column]) => [column, field]));

/**
 * What the visitor reads at a field the partner's audience refused (the form's own checks passed
 * it): the page's words, never the audience's reason, which is written for the API's callers.
 */
function refusal(column: string, words: PageFormWords): string {
  if (column === 'email') return words.email;
  if (column === 'language') return words.language;
  if (column === 'timezone') return words.timezone;
  return words.invalid;
}

/**
 * A form submission: checked here (a refused field answers at once, writing nothing), then
 * written by the batch writer: the prospect upserted into the partner's audience, the
 * form_submitted event (with the send it came from), the consent evidence, the campaign's rule
 * on submission (a conversion, which exits the sequence when it exits on conversion) and the
 * lead, all in one transaction. Nothing is written when any of it fails.
 */
@Injectable()
export class LeadCaptureService {
  constructor(
    private readonly writer: LeadBatchWriter,
    private readonly clock: Clock,
  ) {}

  /** `words`: the page's, for a field the audience refuses. */
  async capture(input: CaptureInput, words: PageFormWords): Promise<CaptureResult> {
    const { values } = input;
    const prospectInput: ProspectInput = {
      email: values.email ?? '',
      custom: {},
      consentSource: input.consent ? `form ${input.page}` : null,
    };
    for (const [field, value] of Object.entries(values)) {
      if (field === 'email') continue;
      const column = PROSPECT_COLUMNS[field];
      if (column && column !== 'custom' && column !== 'email') prospectInput[column] = value;
      else prospectInput.custom = { ...prospectInput.custom, [field]: value };
    }
    const checked = checkProspect(prospectInput);
    if (!checked.ok) {
      const field = FIELD_OF_COLUMN[checked.field] ?? checked.field.replace(/^custom\./, '');
      return {
        ok: false,
        errors: { [values[field] !== undefined ? field : 'email']: refusal(checked.field, words) },
      };
    }
    const { lead, prospectId } = await this.writer.write({
      ...input,
      prospect: checked.prospect,
      at: this.clock.now(),
    });
    return { ok: true, lead, prospectId };
  }
}
