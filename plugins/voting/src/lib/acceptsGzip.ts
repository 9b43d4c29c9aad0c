const GZIP = /\bgzip\b/

/** Whether an Accept-Encoding header (one value or several) admits gzip. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return GZIP.test(Array.isArray(header) ? header.join(',') : (header ?? ''))
}
