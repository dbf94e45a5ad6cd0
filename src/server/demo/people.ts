import type { Role } from '../../shared/entities'

/**
 * Teams and people for the demo. The business plan names no teams or people, so these
 * are made up, and every name says so. Team `leads` are the plan document's keys of the
 * actions the team leads.
 */
export const demoPassword = 'golden-thread-demo'

export interface DemoTeam {
  key: string
  area: string
  name: string
  service: string
  leads: string[]
}

export const afcTeams: DemoTeam[] = [
  {
    key: 'k-disabilities',
    area: 'kingston',
    name: 'Kingston Children with Disabilities Team',
    service: "Children's Social Care",
    leads: ['k-send-transitions', 'k-therapies'],
  },
  {
    key: 'k-assessment',
    area: 'kingston',
    name: 'Kingston Assessment and Intervention Team',
    service: "Children's Social Care",
    leads: ['k-practice-framework', 'k-quality-assurance'],
  },
  {
    key: 'k-early-help',
    area: 'kingston',
    name: 'Kingston Early Help Hub',
    service: 'Early Help',
    leads: ['k-early-help-review', 'k-adolescent-safeguarding'],
  },
  {
    key: 'r-send',
    area: 'richmond',
    name: 'Richmond SEND Casework Team',
    service: 'SEND',
    leads: ['r-send-self-evaluation', 'r-send-transitions'],
  },
  {
    key: 'r-children-in-care',
    area: 'richmond',
    name: 'Richmond Children in Care Team',
    service: "Children's Social Care",
    leads: ['r-practice-framework'],
  },
  {
    key: 'w-family-support',
    area: 'windsor-maidenhead',
    name: 'Windsor and Maidenhead Family Support Team',
    service: 'Early Help',
    leads: ['w-practice-framework'],
  },
  {
    key: 'w-education',
    area: 'windsor-maidenhead',
    name: 'Windsor and Maidenhead Education and Schools Team',
    service: 'Education',
    leads: ['w-send-early-intervention', 'w-send-written-statement', 'w-send-transitions'],
  },
  {
    key: 'c-workforce',
    area: 'company',
    name: 'Workforce and Organisational Development',
    service: 'Workforce',
    leads: ['c-recruitment-retention', 'c-organisational-culture'],
  },
  {
    key: 'c-fostering',
    area: 'company',
    name: 'Fostering and Residential Services',
    service: 'Provider Services',
    leads: ['c-residential-provision', 'c-fostering-agency'],
  },
  {
    key: 'c-performance',
    area: 'company',
    name: 'Business Planning and Performance',
    service: 'Corporate Services',
    leads: ['c-corporate-support-services', 'c-digital-solutions'],
  },
]

export interface DemoPerson {
  email: string | null
  name: string
  jobTitle: string
  role: Role
  teams: string[]
  manages: string[]
}

export const afcPeople: DemoPerson[] = [
  {
    email: 'practitioner@demo.local',
    name: 'Alex Morgan (demo)',
    jobTitle: 'Social Worker',
    role: 'practitioner',
    teams: ['k-disabilities'],
    manages: [],
  },
  {
    email: 'manager@demo.local',
    name: 'Jordan Blake (demo)',
    jobTitle: 'Team Manager',
    role: 'manager',
    teams: ['k-disabilities'],
    manages: ['k-disabilities'],
  },
  {
    email: 'admin@demo.local',
    name: 'Sam Okafor (demo)',
    jobTitle: 'Business Planning and Performance Officer',
    role: 'admin',
    teams: ['c-performance'],
    manages: [],
  },
  {
    email: 'viewer@demo.local',
    name: 'Pat Reid (demo)',
    jobTitle: 'Board Member',
    role: 'viewer',
    teams: [],
    manages: [],
  },
  {
    email: null,
    name: 'Chris Evans (demo)',
    jobTitle: 'Senior Social Worker',
    role: 'practitioner',
    teams: ['k-disabilities'],
    manages: [],
  },
  {
    email: null,
    name: 'Robin Hale (demo)',
    jobTitle: 'Early Help Practitioner',
    role: 'practitioner',
    teams: ['k-early-help'],
    manages: [],
  },
  {
    email: null,
    name: 'Dana Lee (demo)',
    jobTitle: 'Team Manager',
    role: 'manager',
    teams: ['r-send'],
    manages: ['r-send'],
  },
  {
    email: null,
    name: 'Morgan Price (demo)',
    jobTitle: 'Family Support Worker',
    role: 'practitioner',
    teams: ['w-family-support'],
    manages: [],
  },
]

/** Two accounts in each council's organisation, a plan admin and a practitioner, and the teams they sit in. */
function councilDemo(
  domain: string,
  area: string,
  teams: Omit<DemoTeam, 'area'>[],
  practitioner: Omit<DemoPerson, 'email' | 'role' | 'manages'>,
) {
  return {
    teams: teams.map((team) => ({ ...team, area })),
    people: [
      {
        email: `admin@${domain}.demo.local`,
        name: 'Plan Admin (demo)',
        jobTitle: 'Business Planning and Performance Officer',
        role: 'admin',
        teams: [],
        manages: [],
      },
      { email: `practitioner@${domain}.demo.local`, role: 'practitioner', manages: [], ...practitioner },
    ] satisfies DemoPerson[],
  }
}

export const rbwmDemo = councilDemo(
  'rbwm',
  'windsor-and-maidenhead',
  [
    {
      key: 'early-help',
      name: 'Early Help and MASH Team (demo)',
      service: 'Early Help',
      leads: ['t1-action-1', 't1-action-2'],
    },
    { key: 'children-in-care', name: 'Children in Care Team (demo)', service: "Children's Social Care", leads: [] },
  ],
  { name: 'Casey Wright (demo)', jobTitle: 'Early Help Practitioner', teams: ['early-help'] },
)

export const kirkleesDemo = councilDemo(
  'kirklees',
  'kirklees',
  [
    { key: 'duty-assessment', name: 'Duty and Assessment Team (demo)', service: "Children's Social Care", leads: [] },
    { key: 'quality-assurance', name: 'Quality Assurance Unit (demo)', service: 'Performance and Quality', leads: [] },
  ],
  { name: 'Riley Shaw (demo)', jobTitle: 'Social Worker', teams: ['duty-assessment'] },
)

export const greenwichDemo = councilDemo(
  'greenwich',
  'greenwich',
  [
    {
      key: 'commissioning',
      name: 'Commissioning and Resources Team (demo)',
      service: 'Commissioning',
      leads: ['greenwich-a1'],
    },
    { key: 'early-help', name: 'Early Help Division Team (demo)', service: 'Early Help', leads: ['greenwich-a2'] },
  ],
  { name: 'Jamie Cole (demo)', jobTitle: 'Family Support Worker', teams: ['early-help'] },
)
