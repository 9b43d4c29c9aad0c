import {
  admins,
  editors,
  everyone,
  fieldCells,
  nobody,
  signedIn,
  staff,
  type FieldCells,
  type RoleCells,
} from './cells'
import {
  assignedEntries,
  onPublicDisplay,
  ownAccountField,
  ownOrOnPublicDisplay,
  owns,
  ownsEditableEntry,
  ownsPrivateFile,
  ownUserRecord,
  published,
  self,
  selfOrNonStaff,
  verified,
  verifiedOrOwn,
} from './rules'

/** Every operation a collection answers; `unlock` and `admin` exist on auth collections only. */
export interface CollectionRow {
  read: RoleCells
  create: RoleCells
  update: RoleCells
  delete: RoleCells
  readVersions: RoleCells
  unlock?: RoleCells
  admin?: RoleCells
  /** Why the row is as it is, and what narrows it further (a plugin's rule, a hook). */
  note: string
}

export interface GlobalRow {
  read: RoleCells
  update: RoleCells
  readVersions: RoleCells
  note: string
}

export type FieldRow = Partial<Record<'read' | 'create' | 'update', FieldCells>>

const nobodyField = fieldCells(false)
const editorFields: FieldCells = { ...nobodyField, editor: true, admin: true }
const adminField: FieldCells = { ...nobodyField, admin: true }
/** The account's owner, or an admin: never an editor on someone else's credentials. */
const ownOrAdminField: FieldCells = {
  ...fieldCells(ownAccountField),
  anonymous: false,
  admin: true,
}

/** Every account reads its own records (none, for most); the committee reads all. */
const ownRecords: RoleCells = {
  anonymous: false,
  participant: owns('owner'),
  partner: owns('owner'),
  reviewer: owns('owner'),
  editor: true,
  admin: true,
}

/** Published documents to everyone; drafts to the committee (campaigns, news, showcases). */
const publishedToReaders: RoleCells = {
  ...everyone,
  anonymous: published,
  participant: published,
  partner: published,
  reviewer: published,
}

/**
 * The whole access policy: role × collection × operation. Collections build
 * their `access` from their row (`accessFor`), and the access-table plugin
 * (listed last) applies the rows of plugin-owned and Payload's own
 * collections, refusing to boot when a collection, global or operation has
 * no row. `tests/int/accessMatrix.int.spec.ts` walks every cell over REST and
 * GraphQL with a real user of each role.
 */
export const ACCESS_TABLE: {
  collections: Record<string, CollectionRow>
  globals: Record<string, GlobalRow>
  fields: Record<string, Record<string, FieldRow>>
} = {
  collections: {
    campaigns: {
      read: publishedToReaders,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: editors,
      note: 'Drafts and their versions are the committee’s; the public reads published editions.',
    },
    themes: {
      read: everyone,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: editors,
      note: 'A campaign’s page lists its themes before submissions open.',
    },
    entries: {
      read: {
        anonymous: onPublicDisplay,
        partner: onPublicDisplay,
        participant: ownOrOnPublicDisplay,
        reviewer: assignedEntries,
        editor: true,
        admin: true,
      },
      create: { ...editors, participant: true },
      update: { ...editors, participant: ownsEditableEntry },
      delete: editors,
      readVersions: editors,
      note:
        'Per entry state: public states are read by all, a submitter edits only draft and returned. ' +
        'The submissions plugin checks the campaign’s submission phase and the attachments’ owner on every write. ' +
        'A reviewer reads only entries naming them in `reviewers`; in a blind campaign the review plugin hides ' +
        'authors, institution, province, submitter and upload names from them, and refuses filters and sorts on those.',
    },
    posts: {
      read: publishedToReaders,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: editors,
      note: 'Campaign news: drafts are the committee’s.',
    },
    showcases: {
      read: publishedToReaders,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: editors,
      note: 'Showcases (作品精选): drafts are the committee’s; a published one lists only the entries the reader may read.',
    },
    media: {
      read: everyone,
      create: { ...editors, participant: true },
      update: { ...editors, participant: ownsPrivateFile },
      delete: { ...editors, participant: ownsPrivateFile },
      readVersions: editors,
      note:
        'Narrowed by the plugins: a participant’s upload is private to its uploader and editors until its ' +
        'entry is on display (submissions), recommendation forms stay private (participants).',
    },
    organizations: {
      read: {
        ...signedIn,
        anonymous: verified,
        participant: verifiedOrOwn,
        partner: verifiedOrOwn,
        reviewer: verifiedOrOwn,
        editor: true,
        admin: true,
      },
      create: editors,
      update: { ...editors, participant: owns('owner') },
      delete: editors,
      readVersions: editors,
      note: 'Institutions come to exist through registration (the participants plugin), not REST.',
    },
    users: {
      read: {
        ...signedIn,
        anonymous: false,
        participant: self,
        partner: self,
        reviewer: self,
        editor: true,
        admin: true,
      },
      create: editors,
      update: {
        anonymous: false,
        participant: self,
        partner: self,
        reviewer: self,
        editor: selfOrNonStaff,
        admin: true,
      },
      delete: admins,
      readVersions: nobody,
      unlock: admins,
      admin: staff,
      note:
        'Accounts come from registration; editors manage reviewers’, participants’ and partners’ accounts, ' +
        'never an admin’s or another editor’s. Password and email: the owner or an admin (fields below).',
    },
    'doctor-profiles': {
      read: {
        ...everyone,
        anonymous: verified,
        participant: verifiedOrOwn,
        partner: verified,
        reviewer: verified,
      },
      create: { ...editors, participant: true },
      update: { ...editors, participant: owns('owner') },
      delete: { ...editors, participant: owns('owner') },
      readVersions: editors,
      note: 'The plugin checks that a participant adds doctors only to its own verified institution, at most 20.',
    },
    'media-partners': {
      read: ownRecords,
      create: editors,
      update: { ...editors, partner: owns('owner') },
      delete: editors,
      readVersions: editors,
      note: 'Receipt forms come from registration; only the partner and the committee read them.',
    },
    'author-profiles': {
      read: ownRecords,
      create: editors,
      update: { ...editors, participant: owns('owner') },
      delete: editors,
      readVersions: editors,
      note: 'Individual authors’ registration forms.',
    },
    pledges: {
      read: everyone,
      create: { ...editors, participant: true },
      update: nobody,
      delete: editors,
      readVersions: editors,
      note: 'A public signature wall; the plugin checks the signer is a verified institution or its doctor.',
    },
    voters: {
      read: editors,
      create: nobody,
      update: nobody,
      delete: editors,
      readVersions: editors,
      note: 'Created by the voting endpoints only; addresses are salted hashes.',
    },
    'vote-codes': {
      read: nobody,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note: 'One-time codes: never readable through the API, not even by editors.',
    },
    votes: {
      read: editors,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note: 'Cast by the vote endpoint; voided only with an audit row through the voting plugin.',
    },
    'vote-audits': {
      read: editors,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note: 'An append-only record written by the voting plugin.',
    },
    'workflow-reasons': {
      read: editors,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: nobody,
      note: 'The reasons editors give when they return, reject, disqualify or revoke; the label is copied into the history row.',
    },
    'review-pools': {
      read: editors,
      create: editors,
      update: editors,
      delete: editors,
      readVersions: nobody,
      note: 'Who reviews which campaign and track; automatic assignment draws from them.',
    },
    reviews: {
      read: { ...editors, reviewer: owns('reviewer') },
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note:
        'One row per (entry, reviewer), written only by the review plugin’s routes (rubric, state and conflicts checked); ' +
        'a reviewer reads their own rows, never an override’s conflict kinds (a field rule of the plugin), nor anyone else’s score.',
    },
    'review-conflicts': {
      read: { ...editors, reviewer: owns('reviewer') },
      create: editors,
      update: editors,
      delete: editors,
      readVersions: nobody,
      note: 'Conflicts reviewers declared (through their task) or editors recorded; assignment never gives such a pair.',
    },
    'review-reminders': {
      read: editors,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note: 'One row per reminder sent; its unique index is the claim that keeps two CMS processes from mailing twice.',
    },
    'page-changes': {
      read: everyone,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note:
        'Page changes: written only by the freshness plugin’s hooks in the changed document’s transaction, ' +
        'pruned by it after 15 minutes; public, since a row names only the tags of public pages (entry:12, gallery).',
    },
    'result-snapshots': {
      read: everyone,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note:
        'Frozen results: written once by the results plugin’s freeze route (editors only), never changed or deleted; ' +
        'public, so anyone can recompute a snapshot’s SHA-256 from its body. The freezing editor is read by editors only.',
    },
    certificates: {
      read: everyone,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note:
        'Issued in bulk by the certificates plugin’s route (editors only) from a frozen result, revoked by its hook with the entry; ' +
        'public, so whoever holds the paper can check it: the signed record masks people’s names, and the full names and the ' +
        'holding account are read by editors and the holder only (field access in the plugin).',
    },
    objections: {
      read: {
        ...editors,
        participant: owns('objector'),
        partner: owns('objector'),
        reviewer: owns('objector'),
      },
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note:
        'Raised only through the objections plugin’s route (signed in, or an address proved by the voting code, inside the ' +
        'publicity window) and decided only through its decide route (editors); an account reads its own. The plain address ' +
        'of a code-verified objector is read by nobody through the API (field access in the plugin); editors see it masked.',
    },
    'upload-sessions': {
      read: editors,
      create: nobody,
      update: nobody,
      delete: editors,
      readVersions: nobody,
      note: 'Uploads in flight, per owner, for the quotas; written by the submissions plugin only.',
    },
    'payload-jobs': {
      read: editors,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note: 'Payload’s job queue (the hourly upload sweep); queued and run by the CMS itself.',
    },
    'payload-locked-documents': {
      // Reviewers see only their own locks: not what editors are editing, nor unassigned entries' ids.
      read: { ...editors, reviewer: ownUserRecord },
      create: staff,
      update: { ...editors, reviewer: ownUserRecord },
      delete: { ...editors, reviewer: ownUserRecord },
      readVersions: nobody,
      note: 'Payload’s edit locks: admin users only; a lock always names its own creator (forced by a hook).',
    },
    'payload-preferences': {
      read: {
        ...signedIn,
        anonymous: false,
        participant: ownUserRecord,
        partner: ownUserRecord,
        reviewer: ownUserRecord,
        editor: ownUserRecord,
        admin: ownUserRecord,
      },
      create: signedIn,
      update: {
        ...signedIn,
        anonymous: false,
        participant: ownUserRecord,
        partner: ownUserRecord,
        reviewer: ownUserRecord,
        editor: ownUserRecord,
        admin: ownUserRecord,
      },
      delete: {
        ...signedIn,
        anonymous: false,
        participant: ownUserRecord,
        partner: ownUserRecord,
        reviewer: ownUserRecord,
        editor: ownUserRecord,
        admin: ownUserRecord,
      },
      readVersions: nobody,
      note: 'Each user’s own admin preferences; Payload stamps the user on create.',
    },
    'payload-kv': {
      read: nobody,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note: 'Payload’s internal key-value store.',
    },
    'payload-migrations': {
      read: nobody,
      create: nobody,
      update: nobody,
      delete: nobody,
      readVersions: nobody,
      note: 'Written and read by Payload’s migrate command only; Payload serves no API for it.',
    },
  },
  globals: {
    'payload-jobs-stats': {
      read: editors,
      update: nobody,
      readVersions: nobody,
      note: 'When each scheduled job last ran; written by Payload’s scheduler through the adapter.',
    },
    'screening-words': {
      read: editors,
      update: editors,
      readVersions: editors,
      note: 'The promotion words screening flags; the committee’s own list.',
    },
  },
  fields: {
    users: {
      // An owner's own change would bypass registration's mailed confirmation (and tell taken addresses).
      email: { update: adminField },
      password: { update: ownOrAdminField },
      role: { create: adminField, update: adminField },
      organization: { create: editorFields, update: editorFields },
      sessions: { read: nobodyField, update: nobodyField },
    },
  },
}
