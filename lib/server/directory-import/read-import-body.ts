import 'server-only';
import { invalid, tooLarge } from '@/lib/server/errors';
import { MAX_IMPORT_BYTES } from '@/lib/validation/directory-import';

/**
 * The import file sent as a request body, read as it arrives and refused (413) as soon as it
 * passes the limit, rather than after holding all of it.
 */
export async function readImportBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const limit = `${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
  if (declared > MAX_IMPORT_BYTES) throw tooLarge(`The import file is larger than ${limit}.`, { file: 'Too large.' });
  if (!request.body) throw invalid('The request has no body: send the import file (CSV) as the body.', { file: 'Missing.' });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_IMPORT_BYTES) throw tooLarge(`The import file is larger than ${limit}.`, { file: 'Too large.' });
    chunks.push(chunk);
  }
  if (size === 0) throw invalid('The request body is empty: send the import file (CSV) as the body.', { file: 'Empty.' });
  return Buffer.concat(chunks, size);
}
