'use client'
import { useConfig } from '@payloadcms/ui'

/** The review desk's place in the admin's navigation. */
export function ReviewNavLink() {
  const { config } = useConfig()
  return (
    <a className="nav__link" href={`${config.routes.admin}/review`}>
      <span className="nav__link-label">评审工作台</span>
    </a>
  )
}
