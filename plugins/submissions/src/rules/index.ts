/**
 * Track rules shared by the server and the site's form: pure TypeScript, no
 * Payload and no Node APIs, so the browser bundles it and both sides count the
 * same way.
 */
export type {
  AllowedFileKind,
  CheckOptions,
  DocxFacts,
  EntryAttachment,
  EntryChannel,
  EntryContent,
  EntryDeclarations,
  EntrySection,
  FileFacts,
  FileKind,
  RuleProblem,
  TrackRequirements,
} from './types'
export { countChars, hasText } from './count'
export { formatBytes, formatBytesAgainst, formatDuration, formatDurationLimit } from './format'
export {
  HEADING_MAX_LENGTH,
  headingCore,
  headingLabel,
  headingMatches,
  missingSections,
} from './headings'
export {
  ALLOWED_KIND_NAMES,
  FILE_KIND_LABELS,
  allowedKindsText,
  checkFile,
  isKindAllowed,
  kindFromMime,
  kindsAllowedBy,
} from './files'
export {
  CHANNEL_REQUIRES,
  DECLARATION_LABELS,
  TITLE_MAX_LENGTH,
  checkContent,
  type ContentCheckOptions,
} from './content'
export { contentAdvice, missingMentions } from './advice'
