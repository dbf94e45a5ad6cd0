import type { TestProject } from 'vitest/node'
import { startPostgres } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
  }
}

/** One throwaway PostgreSQL for the whole server suite; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  const postgres = await startPostgres()
  project.provide('postgresAdminUrl', postgres.url('postgres'))
  return () => postgres.stop()
}
