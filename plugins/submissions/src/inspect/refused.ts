/**
 * A file the platform will not take, with a Chinese message for the submitter.
 * Endpoints answer it with HTTP 4xx `{ errors: [{ field, code, message, limit }] }`.
 */
export class FileRefused extends Error {
  readonly code: string
  readonly limit?: number | string

  constructor(code: string, message: string, limit?: number | string) {
    super(message)
    this.name = 'FileRefused'
    this.code = code
    if (limit !== undefined) {
      this.limit = limit
    }
  }
}
