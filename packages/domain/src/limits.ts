/**
 * Lengths and counts a form and the collection behind it must agree on: the
 * form's `maxlength` and the server's check read the same number.
 */
export const FIELD_LIMITS = {
  email: 254,
  passwordMin: 8,
  passwordMax: 128,
  personName: 50,
  organizationName: 200,
  address: 200,
  city: 50,
  hostname: 253,
  partner: {
    outletName: 100,
    address: 200,
    contactName: 50,
    otherMode: 200,
    embedDomains: 20,
  },
  entry: {
    title: 100,
  },
  /** 作品精选: an editor's named, ordered collection of entries (年度优秀案例, a theme's best). */
  showcase: {
    title: 100,
    slug: 80,
    intro: 2000,
    note: 300,
    entries: 60,
  },
  /** An editor's explanation with a transition (退回、不予通过、取消资格、撤销): the submitter reads it. */
  reasonText: 1000,
} as const
