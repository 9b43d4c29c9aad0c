/**
 * What the review plugin keeps on `req.context`, declared once: the blind
 * mode of each campaign a request has already looked up, so a list of 100
 * entries costs one campaign read, not one per entry and field.
 */
declare module 'payload' {
  interface RequestContext {
    reviewBlindCampaigns?: Map<string, Promise<boolean>>
    /** Set on the review plugin's own entry writes (reviewers, score): not an edit of the entry's content. */
    reviewAssignment?: boolean
    /** The plugin's own reads under overrideAccess (a task's stored file name): not stripped for the reviewer asking. */
    reviewInternalRead?: boolean
  }
}

export {}
