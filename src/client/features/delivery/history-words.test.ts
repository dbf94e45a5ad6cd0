import { describe, expect, it } from 'vitest'
import { changeCameFrom, type ChangeSource } from './history-words'

const jordan: ChangeSource = { personId: 'p-jordan', personName: 'Jordan Baker', deviceId: 'd-1', deviceKind: 'tablet' }
const alex = { personId: 'p-alex', deviceId: 'd-9' }

describe('where history says a change came from', () => {
  it('names the person by first name and the kind of device', () => {
    expect(changeCameFrom(jordan, alex)).toBe('from Jordan’s tablet')
    expect(changeCameFrom({ ...jordan, deviceKind: 'phone' }, alex)).toBe('from Jordan’s phone')
    expect(changeCameFrom({ ...jordan, personName: '  Sam ' }, alex)).toBe('from Sam’s tablet')
  })

  it('says "device" when the browser did not say what it runs on, never the device id', () => {
    expect(changeCameFrom({ ...jordan, deviceKind: null }, alex)).toBe('from Jordan’s device')
    expect(changeCameFrom({ ...jordan, deviceKind: undefined }, alex)).not.toContain('d-1')
  })

  it('says "this device" for the reader’s own device, whoever made the change there', () => {
    expect(changeCameFrom(jordan, { personId: 'p-jordan', deviceId: 'd-1' })).toBe('from this device')
    expect(changeCameFrom(jordan, { personId: 'p-alex', deviceId: 'd-1' })).toBe('from this device')
  })

  it('says "your" for the reader’s other devices', () => {
    expect(changeCameFrom(jordan, { personId: 'p-jordan', deviceId: 'd-2' })).toBe('from your tablet')
    expect(changeCameFrom(jordan, { personId: 'p-jordan', deviceId: undefined })).toBe('from your tablet')
    expect(changeCameFrom({ ...jordan, deviceKind: null }, { personId: 'p-jordan', deviceId: 'd-2' })).toBe(
      'from another of your devices',
    )
  })
})
