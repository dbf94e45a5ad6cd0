import type { Queryable } from '../db/database'
import { postgresStore } from './postgres-store'
import { openS3Store, s3OptionsFromEnv } from './s3-store'
import type { AttachmentStore } from './store'

/** PostgreSQL unless the environment configures an S3-compatible bucket (README, Configuration). */
export async function configuredStore(db: Queryable, env: NodeJS.ProcessEnv): Promise<AttachmentStore> {
  const s3 = s3OptionsFromEnv(env)
  return s3 ? openS3Store(s3) : postgresStore(db)
}
