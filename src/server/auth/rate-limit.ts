import { createHash } from 'node:crypto'
import type { Database, Queryable } from '../db/database'
import { networkOf } from './network'

/**
 * Sign-in throttling, kept in PostgreSQL so every replica counts the same attempts.
 *
 * Each attempt is counted before its password is checked, by one statement per counter
 * that records it only if the counter lets it through, so twenty attempts sent at once
 * cannot all be checked. Three counters, tried in this order in one transaction (an attempt
 * refused by one is counted by none):
 * - an email at one network: after 3 attempts, each further one waits 1 s, 2 s, 4 s … up to
 *   5 minutes. This is what slows someone guessing one person's password.
 * - a network across emails: 100 in 15 minutes, for someone trying many accounts.
 * - an email across networks: 1,000 in an hour, for a crowd of addresses against one account.
 * Someone guessing from their own network never reaches the last, so they cannot lock the
 * real person out. A successful sign-in clears the first and takes itself off the others.
 */
interface Counter {
  scope: 'email-at-network' | 'network' | 'email'
  windowSeconds: number
  /** Attempts in a window before each further one waits, doubling from 1 s. */
  freeAttempts: number
  maxWaitSeconds: number
  /** Attempts in a window after which no more are checked until it ends; null for none. */
  maxAttempts: number | null
  refusal: (wait: string, attempts: string) => string
}

/**
 * What is being guessed. Each has counters of its own, so someone guessing a new person's
 * one-time code cannot make the real person wait to sign in with their password, nor the other way.
 */
export type Guessed = 'password' | 'code'
const attemptWords: Record<Guessed, string> = { password: 'failed sign-ins', code: 'wrong one-time codes' }

export const signInCounters = {
  emailAtNetwork: {
    scope: 'email-at-network',
    windowSeconds: 60 * 60,
    freeAttempts: 3,
    maxWaitSeconds: 5 * 60,
    maxAttempts: null,
    refusal: (wait, attempts) => `Too many ${attempts} for this email address. Wait ${wait} and try again.`,
  },
  network: {
    scope: 'network',
    windowSeconds: 15 * 60,
    freeAttempts: 100,
    maxWaitSeconds: 0,
    maxAttempts: 100,
    refusal: (wait, attempts) => `Too many ${attempts} from this network. Wait ${wait} and try again.`,
  },
  email: {
    scope: 'email',
    windowSeconds: 60 * 60,
    freeAttempts: 1000,
    maxWaitSeconds: 0,
    maxAttempts: 1000,
    refusal: (wait, attempts) =>
      `This account has had too many ${attempts} from many places. Wait ${wait} and try again, or ask your plan admin.`,
  },
} satisfies Record<string, Counter>

const longestWindowSeconds = Math.max(...Object.values(signInCounters).map((counter) => counter.windowSeconds))

// Keys are hashes: the table never holds what someone typed into the email field.
const hashed = (value: string) => createHash('sha256').update(value).digest('base64url')

function keysFor(email: string, ip: string, guessed: Guessed): Record<keyof typeof signInCounters, string> {
  const network = networkOf(ip)
  // Password keys are as they were before codes had their own, so counts in flight carry on.
  const key = (value: string) => hashed(guessed === 'password' ? value : `${guessed}\n${value}`)
  return { emailAtNetwork: key(`${email}\n${network}`), network: key(network), email: key(email) }
}

// Parameters of both statements: $1 scope, $2 key, $3 window, $4 max attempts, $5 free attempts, $6 max wait.
// The time is clock_timestamp(), not now(): now() is when the transaction began, which for an
// attempt that queued behind another on the same counter is before that one was recorded.
const windowOver = `c.window_started_at + make_interval(secs => $3::int) <= clock_timestamp()`
const nextAllowedAt = `least(
  c.window_started_at + make_interval(secs => $3::int),
  case when c.attempts >= $4::int then 'infinity'::timestamptz
       when c.attempts < $5::int then '-infinity'::timestamptz
       else c.last_attempt_at + make_interval(secs => least($6::float8, 2 ^ least(c.attempts - $5::int, 30)))
  end)`

const countAttempt = `
  insert into sign_in_attempts as c (scope, key, attempts, window_started_at, last_attempt_at)
  values ($1, $2, 1, clock_timestamp(), clock_timestamp())
  on conflict (scope, key) do update
     set attempts = case when ${windowOver} then 1 else c.attempts + 1 end,
         window_started_at = case when ${windowOver} then clock_timestamp() else c.window_started_at end,
         last_attempt_at = clock_timestamp()
   where ${nextAllowedAt} <= clock_timestamp()
  returning attempts`

const secondsToWait = `
  select ceil(extract(epoch from ${nextAllowedAt} - clock_timestamp()))::int as wait
    from sign_in_attempts c where scope = $1 and key = $2`

const parameters = (counter: Counter, key: string) => [
  counter.scope,
  key,
  counter.windowSeconds,
  counter.maxAttempts,
  counter.freeAttempts,
  counter.maxWaitSeconds,
]

export function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}

/** Why an attempt was not checked, and when the next one would be. */
export class SignInThrottled extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message)
  }
}

/** Counts an attempt before its password is checked; answers why not, if it may not be checked now. */
export async function reserveSignInAttempt(
  db: Database,
  email: string,
  ip: string,
  guessed: Guessed,
): Promise<SignInThrottled | undefined> {
  try {
    await db.transaction(async (tx) => {
      const keys = keysFor(email, ip, guessed)
      for (const name of ['emailAtNetwork', 'network', 'email'] as const) {
        const counter: Counter = signInCounters[name]
        const key = keys[name]
        if ((await tx.query(countAttempt, parameters(counter, key))).length > 0) continue
        const [row] = await tx.query<{ wait: number }>(secondsToWait, parameters(counter, key))
        const wait = Math.max(1, row?.wait ?? 1)
        // Thrown to roll back what the counters before this one recorded.
        throw new SignInThrottled(wait, counter.refusal(inWords(wait), attemptWords[guessed]))
      }
    })
    return undefined
  } catch (error) {
    if (error instanceof SignInThrottled) return error
    throw error
  }
}

/** The person got in: their own guesses are forgiven, and this attempt counts against nobody. */
export async function signInSucceeded(db: Queryable, email: string, ip: string, guessed: Guessed): Promise<void> {
  const keys = keysFor(email, ip, guessed)
  await db.query('delete from sign_in_attempts where scope = $1 and key = $2', [
    signInCounters.emailAtNetwork.scope,
    keys.emailAtNetwork,
  ])
  await db.query(
    `update sign_in_attempts set attempts = greatest(attempts - 1, 0)
      where (scope = $1 and key = $2) or (scope = $3 and key = $4)`,
    [signInCounters.network.scope, keys.network, signInCounters.email.scope, keys.email],
  )
}

/** Drops counters whose window has ended; a missing counter and an ended one count the same. */
export async function forgetOldSignInAttempts(db: Queryable): Promise<void> {
  await db.query('delete from sign_in_attempts where window_started_at <= now() - make_interval(secs => $1)', [
    longestWindowSeconds,
  ])
}
