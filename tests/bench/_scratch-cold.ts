import { launchChromium } from '/work/main/tests/support/chromium'
import { benchColdStart } from '/work/main/tests/bench/cold-start'
const b = await launchChromium()
try { const r = await benchColdStart(b); console.log(JSON.stringify(r, null, 1)) } finally { await b.close() }
process.exit(0)
