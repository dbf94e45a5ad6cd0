// Zod compiles schemas with `new Function` when it may, and probes for that as each object
// schema is built. Our Content-Security-Policy forbids eval, and even the caught probe is
// reported as a violation, so the app runs zod without compiling. Zod reads this global
// when it loads; the build keeps this module in a chunk of its own that the entry imports
// first (vite.config.ts), so it is set before any chunk with a schema in it runs.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> }
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true }
