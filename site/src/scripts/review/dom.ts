/**
 * What the workspace's two custom elements (<review-tasks>, <review-task>)
 * share: their configuration from the server-rendered markup, named parts
 * (`data-<name>`), templates, and the signed-out notice.
 */
import { loginHref } from '../../lib/account'
import { dueLeft, REVIEW_STATUSES, type ReviewStatus } from '../../lib/review'
import { isLocale, type Locale } from '../../i18n'
import { tr } from '../../i18n/review'

export interface ReviewConfig {
  locale: Locale
  loginPath: string
  /** /review (or /en/review): a task's page is <reviewPath>/<id>. */
  reviewPath: string
}

export function readConfig(root: HTMLElement): ReviewConfig {
  const raw = JSON.parse(root.dataset.config ?? '{}') as Partial<ReviewConfig>
  return {
    locale: isLocale(raw.locale) ? raw.locale : 'zh',
    loginPath: raw.loginPath ?? '/login',
    reviewPath: raw.reviewPath ?? '/review',
  }
}

/** The element marked `data-<name>` inside `root`; a missing one is a bug in the component's markup. */
export function part<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T {
  const found = root.querySelector<T>(`[data-${name}]`)
  if (!found) {
    throw new Error(`[data-${name}] missing`)
  }
  return found
}

/** A fresh copy of the component's `<template data-<name>>`, filled by the caller with text only. */
export function cloneTemplate(root: ParentNode, name: string): DocumentFragment {
  return part<HTMLTemplateElement>(root, name).content.cloneNode(true) as DocumentFragment
}

/** Text into an element: always textContent, so nothing the server sends is read as markup. */
export function setText(el: HTMLElement, text: string | null | undefined): void {
  el.textContent = text ?? ''
  el.hidden = !text
}

/** The sign-in notice, returning the reader to this very page afterwards. */
export function showSignIn(root: HTMLElement, config: ReviewConfig): void {
  part<HTMLAnchorElement>(root, 'review-login').href = loginHref(
    config.loginPath,
    `${location.pathname}${location.search}`,
  )
  part(root, 'review-signin').hidden = false
}

export function showNotice(root: HTMLElement, name: string, text?: string): void {
  const box = part(root, name)
  if (text !== undefined) {
    box.textContent = text
  }
  box.hidden = false
}

/** Define once: Astro may bundle the same module into more than one page script. */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) {
    customElements.define(name, element)
  }
}

/** 待评 / 草稿 / …; a status this page does not know yet is shown as the server spelled it. */
export function statusText(locale: Locale, status: string): string {
  const known = REVIEW_STATUSES.find((s): s is ReviewStatus => s === status)
  return known ? tr(locale, `status.${known}`) : status
}

/** "剩余 2 天" / "已过截止时间", for an open task due within three days; '' further out. */
export function dueLeftText(config: ReviewConfig, dueAt: string | null | undefined): string {
  const left = dueLeft(dueAt, new Date())
  if (!left) {
    return ''
  }
  return left.unit === 'over'
    ? tr(config.locale, 'due.over')
    : tr(config.locale, left.unit === 'days' ? 'due.days' : 'due.hours', { n: left.n })
}
