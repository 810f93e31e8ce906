import type { SequenceExitRules, StepCondition } from '@tcma/campaign-model';

/** What is known of a prospect when a step comes due. Clicks are human ones: machine clicks never count. */
export interface EnrollmentFacts {
  unsubscribed: boolean;
  suppressed: boolean;
  converted: boolean;
  clickedLinks: ReadonlySet<string>;
}

export type ExitReason = 'unsubscribed' | 'suppressed' | 'converted' | 'clicked';

/** Why a prospect leaves the sequence before its next step, or null to carry on. */
export function exitReason(facts: EnrollmentFacts, rules: SequenceExitRules): ExitReason | null {
  if (facts.unsubscribed) return 'unsubscribed';
  if (facts.suppressed) return 'suppressed';
  if (rules.converted && facts.converted) return 'converted';
  if (rules.clickedLink && facts.clickedLinks.has(rules.clickedLink)) return 'clicked';
  return null;
}

export interface PreviousEngagement {
  opened: boolean;
  clicked: boolean;
}

/** Whether a step with a condition on the previous email is sent (else it is skipped). */
export function conditionHolds(condition: StepCondition | undefined, previous: PreviousEngagement): boolean {
  switch (condition ?? 'always') {
    case 'always':
      return true;
    case 'previous_not_opened':
      return !previous.opened;
    case 'previous_not_clicked':
      return !previous.clicked;
    case 'previous_clicked':
      return previous.clicked;
  }
}
