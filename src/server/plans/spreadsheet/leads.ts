export interface Lead {
  role: string
  person?: string
}

/**
 * The leads in one cell: separated by semicolons or line breaks, each a role, optionally
 * followed by a colon and the person ("Head of Early Help: Sam Jones"). None of the five
 * real plans' 62 roles holds a semicolon or a colon. Null where a lead has no role.
 */
export function readLeads(text: string): Lead[] | null {
  const leads: Lead[] = []
  for (const part of text.split(/[;\n]/)) {
    if (!part.trim()) continue
    const colon = part.indexOf(':')
    const role = (colon < 0 ? part : part.slice(0, colon)).trim()
    const person = colon < 0 ? '' : part.slice(colon + 1).trim()
    if (!role) return null
    leads.push(person ? { role, person } : { role })
  }
  return leads
}
