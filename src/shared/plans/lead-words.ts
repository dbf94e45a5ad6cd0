import type { Lead } from '../entities'

/** "Head of Safeguarding (Jo Bloggs); Service Manager": the leads as the plan names them, on screens and in reports. */
export const leadsText = (leads: readonly Lead[]) =>
  leads.map((lead) => (lead.person ? `${lead.role} (${lead.person})` : lead.role)).join('; ')
