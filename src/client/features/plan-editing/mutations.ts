import { recordArchiveSchema } from '../../../shared/changes/kinds/record-archive'
import { recordCreateSchema } from '../../../shared/changes/kinds/record-create'
import { recordEditSchema } from '../../../shared/changes/kinds/record-edit'
import type { ArchivableType, EditableType } from '../../../shared/plans/editable-records'
import type { Problem } from '../../ui/form-problems'
import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'
import { formProblems } from './form-values'

export type Saved = { ok: true; id: string } | { ok: false; problems: Problem[] }

/**
 * A plan admin's new record or edit, checked on the device by the same schema the server
 * checks it by (the record's own, as an import is), then queued: it works offline.
 */
export async function saveRecord(
  adminId: string,
  type: EditableType,
  id: string | undefined,
  fields: Record<string, unknown>,
): Promise<Saved> {
  if (id) {
    if (!Object.keys(fields).length) return { ok: true, id }
    const edit = recordEditSchema.shape.data.safeParse({ type, id, fields })
    if (!edit.success) return { ok: false, problems: formProblems(type, edit.error.issues) }
    await queueChange(localDb, adminId, { kind: 'record.edit', data: edit.data })
    sendSoon()
    return { ok: true, id }
  }
  const made = crypto.randomUUID()
  const create = recordCreateSchema.shape.data.safeParse({ type, id: made, fields })
  if (!create.success) return { ok: false, problems: formProblems(type, create.error.issues) }
  await queueChange(localDb, adminId, { kind: 'record.create', data: create.data })
  sendSoon()
  return { ok: true, id: made }
}

/** Deleting is archiving: the record leaves the plan's lists and keeps its updates and evidence. */
export async function archiveRecord(adminId: string, type: ArchivableType, id: string, archived: boolean) {
  const data = recordArchiveSchema.shape.data.parse({ type, id, archived })
  await queueChange(localDb, adminId, { kind: 'record.archive', data })
  sendSoon()
}
