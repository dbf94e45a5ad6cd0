import type { Role } from './entities'

/** One device signed in as the person asking (GET /api/auth/sessions). Times are ISO 8601. */
export interface DeviceSession {
  id: string
  /** What the device is, from its browser: "Chrome on Android". */
  device: string
  firstSeenAt: string
  signedInAt: string
  lastUsedAt: string
  /** The session of the device that asked. */
  thisDevice: boolean
}

export interface DeviceSessions {
  sessions: DeviceSession[]
}

/** How many sessions a request ended. */
export interface EndedSessions {
  ended: number
}

/** A person of the organisation, as a plan admin sees them to end their sessions (GET /api/people). */
export interface PersonSessions {
  id: string
  name: string
  jobTitle: string
  role: Role
  activeSessions: number
}

export interface OrganisationPeople {
  people: PersonSessions[]
}
