/** A document that does not exist or is not public; pages answer 404. */
export class NotFound extends Error {
  constructor(what: string) {
    super(`Not found: ${what}`)
    this.name = 'NotFound'
  }
}

/** The CMS did not answer, or answered with an error; pages answer 503. */
export class CmsUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'CmsUnavailable'
  }
}
