import { randomUUID } from 'node:crypto'
import type { Database } from '../../src/server/db/database'
import { insertRecords } from '../../src/server/db/tables'
import { reserveVersions } from '../../src/server/db/versions'
import { hashPassword } from '../../src/server/auth/passwords'
import type { Role } from '../../src/shared/entities'
import { importIntoNewOrganisation } from './imported-organisation'

/** The account of the person in the second organisation, for scope tests. */
export const otherAccount = { email: 'other@council.example', password: 'other-password' }

/**
 * Another organisation beside the demo ones, with one small plan (its words say
 * "Secret", so a leak is easy to spot) and one person who can sign in.
 */
export async function addOtherOrganisation(
  db: Database,
  role: Role = 'admin',
): Promise<{ orgId: string; personId: string }> {
  return db.transaction(async (tx) => {
    const other = await importIntoNewOrganisation(
      tx,
      { name: 'Other Council', shortName: 'OC' },
      {
        format: 'golden-thread/plan@2',
        organisation: { vision: 'Another vision', values: [{ name: 'Care', meaning: 'We care.' }] },
        areas: [{ key: 'all', name: 'Whole council', kind: 'organisation' }],
        plan: {
          key: 'other-plan',
          title: 'Other plan',
          kind: 'improvement-plan',
          periodStart: '2024-04-01',
          periodEnd: '2025-03-31',
          versionLabel: 'v1',
          status: 'draft',
          source: 'test',
        },
        themes: [{ key: 't', title: 'Secret theme', outcome: 'o', rationale: 'r' }],
        actions: [
          {
            key: 'a',
            theme: 't',
            areas: ['all'],
            code: 'O1',
            description: 'Secret action of another organisation',
            leads: [{ role: 'Chief' }],
          },
        ],
      },
    )
    const personId = randomUUID()
    const version = await reserveVersions(tx, other.orgId, 1)
    await insertRecords(tx, 'people', [
      {
        id: personId,
        orgId: other.orgId,
        version,
        name: 'Other person',
        jobTitle: 'Officer',
        role,
        teamIds: [],
        managesTeamIds: [],
      },
    ])
    await insertRecords(tx, 'accounts', [
      { personId, email: otherAccount.email, passwordHash: await hashPassword(otherAccount.password) },
    ])
    return { orgId: other.orgId, personId }
  })
}
