import { z } from 'zod';

/** DOMAIN.md §3: how sensitive a problem type is; decides the 30-minute alert thresholds. */
export const PROBLEM_CLASSES = ['security', 'key', 'regular'] as const;
export const ProblemClass = z.enum(PROBLEM_CLASSES);
export type ProblemClass = z.infer<typeof ProblemClass>;
