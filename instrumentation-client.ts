import { config as configureZod } from 'zod/v4/core';

// Runs in the browser before any of the app's modules. Zod 4 probes for eval (`new Function`)
// when a schema is built, to compile faster parsers; the Content-Security-Policy (proxy.ts)
// forbids eval, so the probe is refused and reported as a CSP violation. Tell Zod not to try.
configureZod({ jitless: true });
