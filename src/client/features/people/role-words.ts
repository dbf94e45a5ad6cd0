import type { Role } from '../../../shared/entities'

export const roleWords: Record<Role, string> = {
  practitioner: 'Practitioner',
  manager: 'Manager',
  admin: 'Plan admin',
  viewer: 'Viewer',
}
