/** The submission form's five steps, in order; their names are i18n's `step.*` strings. */
export const STEPS = ['track', 'content', 'attachments', 'channel', 'review'] as const
export type Step = (typeof STEPS)[number]
