/**
 * zod without code generation, for the pages' Content-Security-Policy: zod probes `new Function("")`
 * to compile fast object parsers, and a page whose policy leaves out 'unsafe-eval' reports that probe as
 * a violation even though zod catches it. Imported first by every page, before any schema is built
 * (zod reads the setting when a schema is made).
 */
import { z } from 'zod';

z.config({ jitless: true });
