import { z } from 'zod';

/**
 * The page's CSP forbids eval, so zod's compiled fast path for objects can never run here. Saying so up front also
 * spares every start zod's probe for it (`new Function('')`), which the strict CSP reports as a violation — noise in
 * the console and in any CSP report — even though zod catches the error. Must be evaluated before the first schema is
 * built (main.tsx imports it ahead of the app).
 */
z.config({ jitless: true });
