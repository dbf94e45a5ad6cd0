// Kept apart from protocol.ts so the device's entry bundle can use them without zod.
/** The most changes one pull page carries; the client asks again while `hasMore`. */
export const maxPullLimit = 5000
export const defaultPullLimit = 2000
/** The most changes one push carries. */
export const maxPushBatch = 500
