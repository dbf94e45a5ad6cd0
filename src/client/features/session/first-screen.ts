import type { Role } from '../../../shared/entities'

/** Where a person starts: a viewer (a board member, an inspector) delivers nothing, so the board's dashboard; anyone else My team. */
export const firstScreenOf = (role: Role | undefined) => (role === 'viewer' ? '/dashboard' : '/my-team')
