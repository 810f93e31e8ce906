export { conditionHolds, exitReason } from './exit-rules';
export { decideDue, isInWindow, sequenceTimeline, stepDue, waitUntil } from './schedule';
export { isValidTimeZone } from './time-zone';
export { addLocalDays, weekdayOf, zonedParts, zonedTimeToInstant } from './zoned-time';
export { explainNextStep, NEXT_STEP_STATES } from './next-step-explanation';
export type { NextStepState } from './next-step-explanation';
