'use client'
/**
 * The workflow's admin components, referenced by path string
 * ('@exemplar/plugin-workflow/client#TransitionPanel'), never imported by the config.
 */
export { ScreeningDesk } from './client/ScreeningDesk'
export { ScreeningNavLink } from './client/ScreeningNavLink'
export { TransitionPanel } from './client/TransitionPanel'
