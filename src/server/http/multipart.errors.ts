import { AppError } from '../lib/errors.ts';

/**
 * An error met while reading a multipart upload, as the answer it should be: a broken body (no
 * boundary, cut short, garbage), which the parser reports when the part is opened or only while
 * its stream is read, is the sender's fault: 400, not 500. Anything else is returned as it is.
 */
export function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : '';
  const fromParser =
    /multipart|boundary|unexpected end|part|busboy/i.test(message) || (error as { code?: string }).code?.startsWith('FST_');
  return fromParser ? new AppError('BAD_REQUEST', 'The upload is not a complete multipart/form-data body.') : error;
}
