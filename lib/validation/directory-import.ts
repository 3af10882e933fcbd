// Directory Import's options: the dialog's choices, the API's query parameters and the command's
// flags are the same four (lib/core/directory-import/report.ts ImportOptions).
import { z } from 'zod';
import type { ImportOptions } from '@/lib/core/directory-import/report';

/** The largest import file accepted: a 100,000-row file with three secondary addresses is about 25 MB. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const flag = (name: string) =>
  z.enum(['true', 'false'], { error: `${name} must be true or false.` }).optional().transform((v) => v === 'true');

/** Query parameters of POST /api/v1/directory/import and /import-jobs: strict, a stray parameter is named. */
export const importQuerySchema = z.strictObject(
  {
    site: z.string().min(1, { error: 'site must not be empty.' }).max(64, { error: 'site can be at most 64 characters.' }).optional(),
    overwrite: flag('overwrite'),
    validateOnly: flag('validateOnly'),
    applyValid: flag('applyValid'),
    /** The page's file name, shown with the job. */
    fileName: z.string().max(255, { error: 'fileName can be at most 255 characters.' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown parameter: ${issue.keys.join(', ')}. Use site, overwrite, validateOnly, applyValid.` : undefined) },
);

export type ImportQuery = z.infer<typeof importQuerySchema>;

export function importOptionsOf(query: ImportQuery): ImportOptions {
  return { site: query.site, overwrite: query.overwrite, validateOnly: query.validateOnly, applyValid: query.applyValid };
}
