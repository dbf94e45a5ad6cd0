import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids, milestones } from '../../../../tests/support/plan-records'
import EvidenceSection from './EvidenceSection.vue'

const k2 = '00000000-0000-4000-8000-000000000103'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const milestone = milestones[0]!
const props = { actionId: k2, milestones: [{ id: milestone.id, title: milestone.title }], canAdd: true }
const reminder = "Do not record children's names or other personal details about children or families."

/** The control a visible label names. */
function labelled(wrapper: VueWrapper, text: string): DOMWrapper<HTMLElement> {
  const label = wrapper.findAll('label').find((l) => l.text() === text)
  if (!label) throw new Error(`no label “${text}”`)
  const control = wrapper.find<HTMLElement>(`[id="${label.attributes('for')}"]`)
  expect(control.exists()).toBe(true)
  return control
}

async function choose(input: DOMWrapper<HTMLElement>, files: File[]) {
  Object.defineProperty(input.element, 'files', { configurable: true, value: files })
  await input.trigger('change')
}

let wrapper: VueWrapper | undefined

describe('Evidence section', () => {
  beforeEach(async () => {
    await deviceWithPlan()
    await localDb.evidence.bulkPut([
      {
        id: uuid(900),
        version: 5,
        actionId: k2,
        milestoneId: milestone.id,
        note: 'Protocol agreed at the panel.',
        authorId: ids.person,
        madeAt: '2024-01-10T09:00:00Z',
        receivedAt: '2024-01-10T09:01:00Z',
      },
      {
        id: uuid(901),
        version: 6,
        actionId: k2,
        milestoneId: null,
        note: 'Photo of the workshop board.',
        authorId: ids.person,
        madeAt: '2024-02-10T09:00:00Z',
        receivedAt: '2024-02-10T09:01:00Z',
      },
    ])
    await localDb.attachments.bulkPut([
      {
        id: uuid(910),
        version: 5,
        evidenceId: uuid(900),
        name: 'protocol.pdf',
        mediaType: 'application/pdf',
        size: 250 * 1024,
      },
      { id: uuid(911), version: 5, evidenceId: uuid(900), name: 'signatures.jpg', mediaType: 'image/jpeg', size: 1000 },
      { id: uuid(912), version: 6, evidenceId: uuid(901), name: 'board.jpg', mediaType: 'image/jpeg', size: 3 },
    ])
    // The device made the second one, so it still has the photo's bytes.
    await localDb.uploads.put({
      id: uuid(912),
      mutationId: uuid(950),
      name: 'board.jpg',
      mediaType: 'image/jpeg',
      size: 3,
      bytes: new Uint8Array([1, 2, 3]).buffer,
      sentBytes: 3,
    })
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
  })

  it('shows the evidence on the device, newest first, with photos and files', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', props))
    const w = wrapper
    await settle(
      () => w.findAll('li.item').length === 2 && w.find('img[alt="Photo: board.jpg"]').attributes('src') !== undefined,
    )
    expect(w.get('h2').text()).toBe('Evidence')
    const [newer, older] = w.findAll('li.item')
    expect(newer!.text()).toContain('Photo of the workshop board.')
    expect(newer!.text()).toContain('Alex Test')
    expect(newer!.text()).not.toContain('Waiting to send')
    // Its own photo comes from the bytes on the device; another's from the server.
    expect(newer!.get('img[alt="Photo: board.jpg"]').attributes('src')).toMatch(/^blob:/)
    expect(older!.get('img[alt="Photo: signatures.jpg"]').attributes('src')).toBe(`/api/attachments/${uuid(911)}`)
    expect(older!.text()).toContain(`Milestone: ${milestone.title}`)
    const link = older!.get('a')
    expect(link.text()).toBe('protocol.pdf')
    expect(link.attributes('href')).toBe(`/api/attachments/${uuid(910)}`)
    expect(older!.text()).toContain('(250 KB)')
    expect(older!.get('time').attributes('datetime')).toBe('2024-01-10T09:00:00Z')
  })

  it('offers a labelled form with the reminder about children and families', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', props))
    const w = wrapper
    await settle(() => w.findAll('li.item').length === 2)
    expect(w.get('[role="note"]').text()).toContain(reminder)
    expect(labelled(w, 'Note').element.tagName).toBe('TEXTAREA')
    const select = labelled(w, 'Milestone (optional)')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['The project as a whole', milestone.title])
    expect((select.element as HTMLSelectElement).value).toBe('')
    const take = labelled(w, 'Take a photo')
    expect(take.attributes()).toMatchObject({ type: 'file', accept: 'image/jpeg,image/png', capture: 'environment' })
    expect(take.attributes('multiple')).toBeUndefined()
    const pick = labelled(w, 'Choose photos')
    expect(pick.attributes()).toMatchObject({ type: 'file', accept: 'image/jpeg,image/png' })
    expect(pick.attributes('multiple')).toBeDefined()
    expect(pick.attributes('capture')).toBeUndefined()
    const files = labelled(w, 'Attach files')
    expect(files.attributes()).toMatchObject({
      type: 'file',
      accept: '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods',
    })
    expect(files.attributes('multiple')).toBeDefined()
    expect(w.get('button[type="submit"]').text()).toBe('Save evidence')
  })

  it('refuses a wrong file at once, lists the right ones, and lets them be removed', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', props))
    const w = wrapper
    await settle(() => w.find('form').exists())
    await choose(labelled(w, 'Choose photos'), [
      new File([new Uint8Array(10)], 'IMG_0042.HEIC', { type: 'image/heic' }),
    ])
    await settle(() => w.find('[role="alert"]').exists())
    const summary = w.get('[role="alert"]')
    expect(summary.get('h2').text()).toBe('There is a problem')
    const link = summary.get('a')
    expect(link.text()).toContain('“IMG_0042.HEIC” is not a JPEG or PNG photo')
    const picker = labelled(w, 'Choose photos')
    expect(link.attributes('href')).toBe(`#${picker.attributes('id')}`)
    // Beside the pickers too, and each picker points to it.
    const inline = w.get(`[id="${picker.attributes('aria-describedby')!.split(' ')[1]}"]`)
    expect(inline.text()).toContain('Error: “IMG_0042.HEIC” is not a JPEG or PNG photo')
    await link.trigger('click')
    expect(document.activeElement).toBe(picker.element)
    expect(w.find('.chosen').exists()).toBe(false)

    await choose(labelled(w, 'Attach files'), [
      new File([new Uint8Array(10)], 'agenda.pdf', { type: 'application/pdf' }),
      new File([new Uint8Array(10)], 'notes.docx', { type: '' }),
    ])
    expect(w.find('[role="alert"]').exists()).toBe(false)
    const removes = w.findAll('.chosen button')
    expect(removes.map((b) => b.text())).toEqual(['Remove agenda.pdf', 'Remove notes.docx'])
    await removes[0]!.trigger('click')
    await settle(() => w.findAll('.chosen button').length === 1)
    expect(w.get('.chosen').text()).toContain('notes.docx')
    expect(document.activeElement?.textContent).toContain('Remove')
  })

  it('saves a note on the device and lists it as waiting to send', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', props))
    const w = wrapper
    await settle(() => w.findAll('li.item').length === 2)
    await labelled(w, 'Note').setValue('Transitions workshop held with 14 staff.')
    await labelled(w, 'Milestone (optional)').setValue(milestone.id)
    await w.get('form').trigger('submit')
    await settle(() => w.findAll('li.item').length === 3)
    const newest = w.findAll('li.item')[0]!
    expect(newest.text()).toContain('Transitions workshop held with 14 staff.')
    expect(newest.text()).toContain('Waiting to send')
    expect(newest.text()).toContain(`Milestone: ${milestone.title}`)
    await settle(() => w.get('[role="status"]').text().includes('Evidence saved'))
    expect(w.get('[role="status"]').text()).toContain(
      'Evidence saved on this device. It will be sent when you have a connection.',
    )
    expect((labelled(w, 'Note').element as HTMLTextAreaElement).value).toBe('')
    expect((labelled(w, 'Milestone (optional)').element as HTMLSelectElement).value).toBe('')
    expect(w.get('button[type="submit"]').text()).toBe('Save evidence')
    const [entry] = await localDb.outbox.toArray()
    expect(entry!.mutation.kind).toBe('evidence.add')
  })

  it('says what is wrong when there is nothing to save, at the top and beside the note', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', props))
    const w = wrapper
    await settle(() => w.find('form').exists())
    const button = w.get('button[type="submit"]')
    expect(button.attributes('disabled')).toBeUndefined()
    await w.get('form').trigger('submit')
    await settle(() => w.find('[role="alert"]').exists())
    const summary = w.get('[role="alert"]')
    expect(summary.get('h2').text()).toBe('There is a problem')
    expect(document.activeElement).toBe(summary.element)
    const note = labelled(w, 'Note')
    expect(summary.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Evidence needs a note, a photo or a file.', `#${note.attributes('id')}`],
    ])
    expect(note.attributes('aria-invalid')).toBe('true')
    expect(w.get(`[id="${note.attributes('aria-describedby')}"]`).text()).toBe(
      'Error: Evidence needs a note, a photo or a file.',
    )
    await summary.get('a').trigger('click')
    expect(document.activeElement).toBe(note.element)
    expect(await localDb.outbox.count()).toBe(0)

    // Put right, the problems go.
    await note.setValue('Panel minutes agreed.')
    await w.get('form').trigger('submit')
    await settle(() => w.get('[role="status"]').text().includes('Evidence saved'))
    expect(w.find('[role="alert"]').exists()).toBe(false)
    expect(note.attributes('aria-invalid')).toBeUndefined()
  })

  it('starts on the milestone the caller names, and returns to it after saving', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', { ...props, milestoneId: milestone.id }))
    const w = wrapper
    await settle(() => w.find('form').exists())
    const select = () => labelled(w, 'Milestone (optional)').element as HTMLSelectElement
    expect(select().value).toBe(milestone.id)
    await labelled(w, 'Note').setValue('Signed protocol.')
    await w.get('form').trigger('submit')
    await settle(() => w.get('[role="status"]').text().includes('Evidence saved'))
    const [entry] = await localDb.outbox.toArray()
    expect(entry!.mutation).toMatchObject({ kind: 'evidence.add', data: { milestoneId: milestone.id } })
    expect(select().value).toBe(milestone.id)
    // The person may still say it is for the project as a whole.
    await labelled(w, 'Milestone (optional)').setValue('')
    await labelled(w, 'Note').setValue('Whole-project note.')
    await w.get('form').trigger('submit')
    await settle(() => w.findAll('li.item').length === 4)
    const last = (await localDb.outbox.orderBy('seq').last())!.mutation
    expect(last).toMatchObject({ kind: 'evidence.add', data: { milestoneId: null } })
  })

  it('has no form for someone who cannot add evidence', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', { ...props, canAdd: false }))
    const w = wrapper
    await settle(() => w.findAll('li.item').length === 2)
    expect(w.find('form').exists()).toBe(false)
  })

  it('says so when a project has no evidence yet', async () => {
    ;({ wrapper } = await mountView(EvidenceSection, '/', { ...props, actionId: uuid(104) }))
    const w = wrapper
    await settle(() => w.text().includes('No evidence has been added to this project yet.'))
  })
})
