import { config } from 'zod/v4/core'

// Zod compiles schemas with `new Function` when it may. Our Content-Security-Policy
// forbids eval, and even zod's caught probe for it is reported as a violation, so the
// app runs zod without compiling. Imported first, before any schema is used.
config({ jitless: true })
