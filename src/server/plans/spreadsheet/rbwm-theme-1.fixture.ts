/**
 * Theme 1 of the Royal Borough of Windsor and Maidenhead's Children's Services Business
 * Plan 2017-2018 (Appendix 1, the improvement plan), copied from the document: four
 * actions, eight milestones. Rows as an officer fills the layout: a theme's and an
 * action's cells only where they begin.
 */
const lead = 'Acting Head of Early Help and MASH'
const theme = 'Delivery of an integrated early help offer and alignment with MASH'
const action1 =
  'Improve access and streamline business support processes so that all enquires are routed appropriately through Early Help Hub or MASH.'
const action2 = 'Further develop the multi-agency integrated response to safeguarding referrals'
const action3 =
  'Develop integrated early help offer across Children\'s Centres, Youth Services and schools support with effective signposting for partners and families so that no "young people fall through the gaps".'
const action4 = 'Complete and rollout revised Early Help Strategy showing integrated offer and access arrangements'
const monitoringData = 'Performance meeting. Monitoring of new data set'

const row = (themeCells: string[], actionCells: string[], milestone: string, deadline: string, monitoring: string) => [
  ...(themeCells.length ? themeCells : ['', '', '']),
  ...(actionCells.length ? ['', '', ...actionCells, '', ''] : ['', '', '', '', '', '']),
  milestone,
  lead,
  deadline,
  monitoring,
]

export const rbwmTheme1Rows: string[][] = [
  row(
    ['Theme 1', theme, lead],
    [action1, lead],
    'Ensure clear pathways and process mapping are being applied to all referrals.',
    'December 2016',
    monitoringData,
  ),
  row(
    [],
    [action2, lead],
    'Strengthen shared ownership and decision making of all partners in the MASH.',
    'January 2017 onwards',
    'MASH strategic Board and LSCB',
  ),
  row([], [], 'Deliver refreshed multi-agency safeguarding training with partners', 'January – March 2017', ''),
  row([], [action3, lead], 'Review terms of reference of EH Hub', 'March 2017', monitoringData),
  row(
    [],
    [],
    'Provide clearer signposting to appropriate support services at different stages of need.',
    'March 2017',
    monitoringData,
  ),
  row([], [], 'Carry out monthly audits of EH Hub cases', 'March 2017 onwards', 'Performance meeting'),
  row([], [action4, lead], 'Provide a statement that clearly defines the early help offer', 'January 2017', 'LSCB'),
  row([], [], 'Relaunch MASH and Early Help', 'February 2017 onwards', ''),
]

/** The plan's own fields, as the Plan sheet or the import gives them. */
export const rbwmPlanFields = {
  title: "Children's Services Business Plan 2017-2018",
  kind: 'Business plan',
  status: 'Approved',
  periodText: '2017-2018',
  versionLabel: 'Version 3 (Cabinet, March 2017)',
  source: "Royal Borough of Windsor and Maidenhead, Children's Services Business Plan 2017-2018 (March 2017)",
}

/** What the document holds for Theme 1, as the plan document's reader finds it. */
export const rbwmTheme1 = {
  theme: { code: 'Theme 1', title: theme, owners: [{ role: lead }] },
  actions: [action1, action2, action3, action4],
  /** Each milestone: the number of its action (1-4), its title, deadline as written and read, monitoring. */
  milestones: [
    [
      1,
      'Ensure clear pathways and process mapping are being applied to all referrals.',
      'December 2016',
      '2016-12-31',
      monitoringData,
    ],
    [
      2,
      'Strengthen shared ownership and decision making of all partners in the MASH.',
      'January 2017 onwards',
      '2017-01-31',
      'MASH strategic Board and LSCB',
    ],
    [
      2,
      'Deliver refreshed multi-agency safeguarding training with partners',
      'January – March 2017',
      '2017-03-31',
      undefined,
    ],
    [3, 'Review terms of reference of EH Hub', 'March 2017', '2017-03-31', monitoringData],
    [
      3,
      'Provide clearer signposting to appropriate support services at different stages of need.',
      'March 2017',
      '2017-03-31',
      monitoringData,
    ],
    [3, 'Carry out monthly audits of EH Hub cases', 'March 2017 onwards', '2017-03-31', 'Performance meeting'],
    [4, 'Provide a statement that clearly defines the early help offer', 'January 2017', '2017-01-31', 'LSCB'],
    [4, 'Relaunch MASH and Early Help', 'February 2017 onwards', '2017-02-28', undefined],
  ] as const,
  lead,
}
