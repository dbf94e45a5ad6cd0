/**
 * An action's or milestone's statuses, in the order screens list them. Kept apart from the
 * schemas so the first screen can count by status without loading zod.
 */
export const workStatuses = ['not-started', 'on-track', 'at-risk', 'off-track', 'complete'] as const
