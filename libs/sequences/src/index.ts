export { conditionHolds, exitReason } from './exit-rules';
export type { EnrollmentFacts, ExitReason, PreviousEngagement } from './exit-rules';
export { decideDue, isInWindow, nextOpenSlot, sequenceTimeline, stepDue, waitUntil } from './schedule';
export type { DueDecision } from './schedule';
export { isValidTimeZone } from './time-zone';
export { addLocalDays, offsetAt, weekdayOf, zonedParts, zonedTimeToInstant } from './zoned-time';
export type { LocalDateTime, ZonedParts } from './zoned-time';
export { describeLocalTime, explainNextStep, NEXT_STEP_STATES } from './next-step-explanation';
export type { NextStepExplanation, NextStepFacts, NextStepState } from './next-step-explanation';
