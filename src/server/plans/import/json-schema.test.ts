import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Ajv2020 from 'ajv/dist/2020'
import { jsonSchemaPath, planDocumentJsonSchema } from './json-schema'
import afcFramework from '../../demo/plans/000-afc-business-plan-framework-2019-24.json' with { type: 'json' }
import afcBusinessPlan from '../../demo/plans/001-afc-business-plan-2020-24.json' with { type: 'json' }
import rbwmBusinessPlan from '../../demo/plans/002-rbwm-childrens-services-business-plan-2017-18.json' with { type: 'json' }
import kirkleesImprovementPlan from '../../demo/plans/003-kirklees-childrens-improvement-plan-2017.json' with { type: 'json' }
import greenwichBusinessPlan from '../../demo/plans/004-greenwich-childrens-services-business-plan-2018-20.json' with { type: 'json' }

// Vitest runs from the repository's root (where package.json is).
describe('the plan document JSON Schema', () => {
  it('is committed as the shared schema generates it (run `npm run schema` after changing the format)', () => {
    expect(readFileSync(join(process.cwd(), jsonSchemaPath), 'utf8')).toBe(planDocumentJsonSchema())
  })

  it('takes the five demo plans and refuses an unknown key, a wrong kind and a key not written as one', () => {
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(
      JSON.parse(planDocumentJsonSchema()),
    )
    for (const document of [
      afcFramework,
      afcBusinessPlan,
      rbwmBusinessPlan,
      kirkleesImprovementPlan,
      greenwichBusinessPlan,
    ]) {
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true)
    }
    const plan = afcBusinessPlan
    expect(validate({ ...afcBusinessPlan, colour: 'blue' })).toBe(false)
    expect(validate({ ...afcBusinessPlan, plan: { ...plan.plan, kind: 'wish-list' } })).toBe(false)
    expect(validate({ ...afcBusinessPlan, plan: { ...plan.plan, key: 'Not A Key' } })).toBe(false)
  })
})
