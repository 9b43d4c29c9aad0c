import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { ReviewDesk } from './client/ReviewDesk'
import { reviewOptionsOf } from './options'

/** `/admin/review`: the review desk inside the admin's own frame; editors only. */
export function ReviewView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const options = reviewOptionsOf(req.payload.config)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1>评审工作台</h1>
        {options.isEditor(req.user) ? (
          <ReviewDesk campaignsSlug={options.campaigns} />
        ) : (
          <p>只有组委会编辑可以使用评审工作台。评审专家请在网站的“我的评审任务”页面评分。</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
