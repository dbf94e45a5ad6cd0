import type { EntityType } from '../entities'

/**
 * Most of an organisation's rows: milestones, updates, evidence, their files and history.
 * Every other type is essential: what My team and the plan screens need, which a first
 * sync asks for first (see protocol.ts). Apart from protocol.ts, so the device's entry
 * bundle can use it without zod.
 */
const laterTypes: readonly EntityType[] = ['milestone', 'progressUpdate', 'evidence', 'attachment', 'history']

export const isEssential = (type: EntityType): boolean => !laterTypes.includes(type)
