/**
 * What the review plugin keeps on `req.context`, declared once: the blind
 * mode of each campaign a request has already looked up, so a list of 100
 * entries costs one campaign read, not one per entry and field.
 */
/** How one campaign's blind review bears on a read. */
export interface CampaignBlindness {
  /** Reviewers read no identities. */
  blind: boolean
  /** The public reads no identities either: blind, not shown publicly, and its review running now. */
  withheldPublicly: boolean
}

declare module 'payload' {
  interface RequestContext {
    reviewBlindCampaigns?: Map<string, Promise<CampaignBlindness>>
    /** Set on the review plugin's own entry writes (reviewers, score): not an edit of the entry's content. */
    reviewAssignment?: boolean
    /** The plugin's own reads under overrideAccess (a task's stored file name): not stripped for the reviewer asking. */
    reviewInternalRead?: boolean
  }
}
