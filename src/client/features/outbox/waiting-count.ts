import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'

// Apart from the list of changes, whose words need every kind of change: the header counts on every screen.

/** How many changes wait to be sent. */
export const countWaiting = (db: LocalDatabase) => db.outbox.where('state').equals('waiting').count()

/** How many changes wait to be sent: shown in the header on every screen. */
export const useWaitingCount = () => useLiveQuery(() => countWaiting(localDb))
