'use client'
/** The certificates plugin's admin component, referenced by path string, never imported by the config. */
export { IssuePanel } from './client/IssuePanel'
