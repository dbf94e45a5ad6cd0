import type { Role } from '../../shared/entities'

/**
 * Teams and people for the demo. The business plan names no teams or people, so these
 * are made up, and every name says so. Team `leads` are action codes from the plan.
 */
export const demoPassword = 'golden-thread-demo'

export interface DemoTeam {
  key: string
  area: string
  name: string
  service: string
  leads: string[]
}

export const demoTeams: DemoTeam[] = [
  { key: 'k-disabilities', area: 'kingston', name: 'Kingston Children with Disabilities Team', service: "Children's Social Care", leads: ['K9', 'K8'] },
  { key: 'k-assessment', area: 'kingston', name: 'Kingston Assessment and Intervention Team', service: "Children's Social Care", leads: ['K1', 'K2'] },
  { key: 'k-early-help', area: 'kingston', name: 'Kingston Early Help Hub', service: 'Early Help', leads: ['K3', 'K4'] },
  { key: 'r-send', area: 'richmond', name: 'Richmond SEND Casework Team', service: 'SEND', leads: ['R7', 'R9'] },
  { key: 'r-children-in-care', area: 'richmond', name: 'Richmond Children in Care Team', service: "Children's Social Care", leads: ['R1'] },
  { key: 'w-family-support', area: 'windsor-maidenhead', name: 'Windsor and Maidenhead Family Support Team', service: 'Early Help', leads: ['W1'] },
  { key: 'w-education', area: 'windsor-maidenhead', name: 'Windsor and Maidenhead Education and Schools Team', service: 'Education', leads: ['W3', 'W4', 'W6'] },
  { key: 'c-workforce', area: 'company', name: 'Workforce and Organisational Development', service: 'Workforce', leads: ['C3', 'C4'] },
  { key: 'c-fostering', area: 'company', name: 'Fostering and Residential Services', service: 'Provider Services', leads: ['C1', 'C2'] },
  { key: 'c-performance', area: 'company', name: 'Business Planning and Performance', service: 'Corporate Services', leads: ['C9', 'C10'] },
]

export interface DemoPerson {
  email: string | null
  name: string
  jobTitle: string
  role: Role
  teams: string[]
  manages: string[]
}

export const demoPeople: DemoPerson[] = [
  { email: 'practitioner@demo.local', name: 'Alex Morgan (demo)', jobTitle: 'Social Worker', role: 'practitioner', teams: ['k-disabilities'], manages: [] },
  { email: 'manager@demo.local', name: 'Jordan Blake (demo)', jobTitle: 'Team Manager', role: 'manager', teams: ['k-disabilities'], manages: ['k-disabilities'] },
  { email: 'admin@demo.local', name: 'Sam Okafor (demo)', jobTitle: 'Business Planning and Performance Officer', role: 'admin', teams: ['c-performance'], manages: [] },
  { email: 'viewer@demo.local', name: 'Pat Reid (demo)', jobTitle: 'Board Member', role: 'viewer', teams: [], manages: [] },
  { email: null, name: 'Chris Evans (demo)', jobTitle: 'Senior Social Worker', role: 'practitioner', teams: ['k-disabilities'], manages: [] },
  { email: null, name: 'Robin Hale (demo)', jobTitle: 'Early Help Practitioner', role: 'practitioner', teams: ['k-early-help'], manages: [] },
  { email: null, name: 'Dana Lee (demo)', jobTitle: 'Team Manager', role: 'manager', teams: ['r-send'], manages: ['r-send'] },
  { email: null, name: 'Morgan Price (demo)', jobTitle: 'Family Support Worker', role: 'practitioner', teams: ['w-family-support'], manages: [] },
]
