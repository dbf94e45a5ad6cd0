import { describe, expect, it } from 'vitest'
import { sentText, syncLine, syncNowReply, waitingText, type SyncFacts } from './sync-words'

const now = new Date(2026, 11, 2, 15, 30)
const lastSyncedAt = new Date(2026, 11, 2, 9, 5).toISOString()
const idle: SyncFacts = { online: true, syncing: false, waiting: 0, lastSyncedAt }

describe('the header’s sync words', () => {
  it('offline with changes waiting, waits for a connection, even while a retry runs', () => {
    for (const syncing of [false, true]) {
      const line = syncLine({ ...idle, online: false, syncing, waiting: 2 }, now)
      expect(line).toBe('Waiting for a connection')
      expect(line).not.toMatch(/Uploading|Syncing|Sending/)
    }
  })

  it('offline with nothing waiting, says when it last synced', () => {
    expect(syncLine({ ...idle, online: false, syncing: true }, now)).toBe('Last synced today at 09:05')
    expect(syncLine({ ...idle, online: false, lastSyncedAt: undefined }, now)).toBe('Not synced yet')
  })

  it('online, says what is going while it syncs', () => {
    expect(syncLine({ ...idle, syncing: true, waiting: 1 }, now)).toBe('Sending 1 change…')
    expect(syncLine({ ...idle, syncing: true, waiting: 3 }, now)).toBe('Sending 3 changes…')
    expect(syncLine({ ...idle, syncing: true }, now)).toBe('Syncing…')
    expect(syncLine(idle, now)).toBe('Last synced today at 09:05')
  })

  it('counts changes in words', () => {
    expect(waitingText(1)).toBe('1 change waiting')
    expect(waitingText(2)).toBe('2 changes waiting')
    expect(sentText(1)).toBe('1 change sent')
    expect(sentText(2)).toBe('2 changes sent')
  })
})

describe('the reply to "Sync now"', () => {
  const done = { online: true, sent: 0, waiting: 0, failed: false, signedOut: false }

  it('offline, says so plainly, and that the changes are kept', () => {
    expect(syncNowReply({ ...done, online: false, waiting: 1 })).toBe(
      'No connection. Your changes are kept on this device and will be sent when it has one.',
    )
    expect(syncNowReply({ ...done, online: false })).toMatch(/^No connection\. Nothing is waiting/)
  })

  it('online, confirms what was sent', () => {
    expect(syncNowReply({ ...done, sent: 2 })).toBe('2 changes sent. Everything on this device has reached the server.')
    expect(syncNowReply({ ...done, sent: 1, waiting: 1 })).toBe('1 change sent. 1 change waiting, to be sent next.')
    expect(syncNowReply(done)).toBe('Everything on this device has reached the server.')
  })

  it('says when the server refused the session or the sync failed', () => {
    expect(syncNowReply({ ...done, signedOut: true, waiting: 1 })).toMatch(/^Your session has ended\. Sign in again/)
    expect(syncNowReply({ ...done, failed: true, waiting: 1 })).toMatch(/^The sync did not finish\./)
  })
})
