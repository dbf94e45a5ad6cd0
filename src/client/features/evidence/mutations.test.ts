import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { clearLocalData } from '../../db/reset'
import { ids } from '../../../../tests/support/plan-records'
import { addEvidence, chosenProblem, mediaTypeOf } from './mutations'

const actionId = '00000000-0000-4000-8000-000000000103'
const milestoneId = '00000000-0000-4000-8000-000000000200'
const pdfType = 'application/pdf'

function fileOf(name: string, type: string, size: number, fill = 7): File {
  return new File([new Uint8Array(size).fill(fill)], name, { type })
}

const base = { personId: ids.person, actionId, milestoneId: null, note: '', photos: [] as File[], files: [] as File[] }

async function nothingQueued() {
  expect(await localDb.outbox.count()).toBe(0)
  expect(await localDb.uploads.count()).toBe(0)
  expect(await localDb.evidence.count()).toBe(0)
  expect(await localDb.attachments.count()).toBe(0)
}

describe('addEvidence', () => {
  beforeEach(async () => {
    await clearLocalData(localDb)
  })
  afterEach(() => {
    delete (navigator as { storage?: unknown }).storage
  })

  it('refuses a 25 MB PDF with the reason, and queues nothing', async () => {
    const big = fileOf('minutes.pdf', pdfType, 25 * 1024 * 1024)
    await expect(addEvidence({ ...base, note: 'Minutes of the panel', files: [big] })).rejects.toThrow(
      '“minutes.pdf” is 25.0 MB; files can be at most 20 MB.',
    )
    await nothingQueued()
  })

  it('queues a note and a PDF as one evidence.add change, keeping the bytes on the device', async () => {
    const pdf = fileOf('protocol.pdf', pdfType, 2048)
    const entry = await addEvidence({
      ...base,
      milestoneId,
      note: '  Protocol signed off at the panel.  ',
      files: [pdf],
    })

    const outbox = await localDb.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]!.id).toBe(entry.id)
    expect(outbox[0]!.state).toBe('waiting')
    const mutation = outbox[0]!.mutation
    if (mutation.kind !== 'evidence.add') throw new Error(`queued ${mutation.kind}`)
    expect(mutation.data).toMatchObject({ actionId, milestoneId, note: 'Protocol signed off at the panel.' })
    expect(mutation.data.attachments).toEqual([
      { id: expect.any(String), name: 'protocol.pdf', mediaType: pdfType, size: 2048 },
    ])

    const uploads = await localDb.uploads.toArray()
    expect(uploads).toHaveLength(1)
    const upload = uploads[0]!
    expect(upload).toMatchObject({
      id: mutation.data.attachments[0]!.id,
      mutationId: entry.id,
      name: 'protocol.pdf',
      mediaType: pdfType,
      size: 2048,
      sentBytes: 0,
    })
    expect(upload.bytes).toBeInstanceOf(ArrayBuffer)
    expect(new Uint8Array(upload.bytes)).toEqual(new Uint8Array(2048).fill(7))

    // Shown on the device at once.
    expect(await localDb.evidence.get(mutation.data.id)).toMatchObject({
      actionId,
      authorId: ids.person,
      note: 'Protocol signed off at the panel.',
    })
    expect(await localDb.attachments.where('evidenceId').equals(mutation.data.id).count()).toBe(1)
  })

  it('queues a note on its own', async () => {
    await addEvidence({ ...base, note: 'Transitions workshop held with 14 staff.' })
    expect(await localDb.outbox.count()).toBe(1)
    expect(await localDb.uploads.count()).toBe(0)
  })

  it('refuses a HEIC photo before anything is queued, whether or not the browser gives its type', async () => {
    const heic = fileOf('IMG_0042.HEIC', 'image/heic', 1000)
    await expect(addEvidence({ ...base, note: 'A photo', photos: [heic] })).rejects.toThrow(
      '“IMG_0042.HEIC” is not a JPEG or PNG photo',
    )
    const untyped = fileOf('IMG_0043.HEIC', '', 1000)
    await expect(addEvidence({ ...base, note: 'A photo', photos: [untyped] })).rejects.toThrow(
      '“IMG_0043.HEIC” is not a JPEG or PNG photo',
    )
    await nothingQueued()
  })

  it('refuses a document offered as a photo, and a wrong type of file, naming each', async () => {
    const pdf = fileOf('scan.pdf', pdfType, 1000)
    const zip = fileOf('bundle.zip', 'application/zip', 1000)
    const failure = addEvidence({ ...base, note: 'Files', photos: [pdf], files: [zip, fileOf('ok.pdf', pdfType, 10)] })
    await expect(failure).rejects.toThrow(
      /“scan\.pdf” is not a JPEG or PNG photo.*“bundle\.zip” is not a photo \(JPEG or PNG\), PDF or office document/,
    )
    await nothingQueued()
  })

  it('refuses empty evidence, too many files and an overlong note', async () => {
    await expect(addEvidence({ ...base, note: '   ' })).rejects.toThrow('Evidence needs a note, a photo or a file.')
    const eleven = Array.from({ length: 11 }, (_, n) => fileOf(`f${n}.pdf`, pdfType, 10))
    await expect(addEvidence({ ...base, files: eleven })).rejects.toThrow('at most 10 photos and files')
    await expect(addEvidence({ ...base, note: 'x'.repeat(4001) })).rejects.toThrow(
      'The note can be at most 4,000 characters',
    )
    await nothingQueued()
  })

  it('refuses when the device has no room for the bytes', async () => {
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { estimate: async () => ({ quota: 2 * 1024 * 1024, usage: 1.5 * 1024 * 1024 }) },
    })
    const pdf = fileOf('report.pdf', pdfType, 600 * 1024)
    await expect(addEvidence({ ...base, files: [pdf] })).rejects.toThrow('There is not enough space on this device')
    await nothingQueued()
  })

  it('goes ahead when the device has room', async () => {
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { estimate: async () => ({ quota: 1024 ** 3, usage: 0 }) },
    })
    await addEvidence({ ...base, files: [fileOf('report.pdf', pdfType, 600 * 1024)] })
    expect(await localDb.uploads.count()).toBe(1)
  })
})

describe('choosing files', () => {
  it('knows office documents by their extension when the picker gives no type', () => {
    expect(mediaTypeOf({ name: 'Plan.DOCX', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(mediaTypeOf({ name: 'notes.odt', type: 'application/octet-stream' })).toBe(
      'application/vnd.oasis.opendocument.text',
    )
    expect(mediaTypeOf({ name: 'photo.jpg', type: 'image/jpeg' })).toBe('image/jpeg')
    expect(chosenProblem(fileOf('Plan.docx', '', 10), 'file')).toBeUndefined()
  })

  it('takes only JPEG and PNG as photos', () => {
    expect(chosenProblem(fileOf('a.jpg', 'image/jpeg', 10), 'photo')).toBeUndefined()
    expect(chosenProblem(fileOf('a.png', 'image/png', 10), 'photo')).toBeUndefined()
    expect(chosenProblem(fileOf('a.webp', 'image/webp', 10), 'photo')).toMatch('not a JPEG or PNG photo')
    expect(chosenProblem(fileOf('a.jpg', 'image/jpeg', 0), 'photo')).toBe('“a.jpg” is empty.')
  })
})
