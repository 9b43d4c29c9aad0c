import type { TextFieldSingleValidation } from 'payload'

import { isEditorRole, roleOf } from '../../lib/roles'

/** The track key must name one of the campaign's tracks. */
export const validateTrack: TextFieldSingleValidation = async (value, { data, req }) => {
  if (!value) {
    return '请选择作品类别 / Choose a track'
  }
  const campaignRef = (data as { campaign?: unknown }).campaign
  const campaignId =
    campaignRef && typeof campaignRef === 'object'
      ? (campaignRef as { id: number | string }).id
      : campaignRef
  if (campaignId === undefined || campaignId === null) {
    return true
  }
  // Read as the caller: a participant's refusal must not list a draft campaign's tracks.
  const editor = isEditorRole(roleOf(req.user))
  const campaign = await req.payload.findByID({
    collection: 'campaigns',
    id: campaignId as number | string,
    depth: 0,
    draft: editor,
    select: { tracks: true },
    overrideAccess: editor || !req.user,
    user: req.user,
    req,
    disableErrors: true,
  })
  if (!campaign) {
    return '征集活动不存在或未发布 / No such published campaign'
  }
  const keys = (campaign?.tracks ?? []).map((t: { key: string }) => t.key)
  return keys.includes(value) ? true : `作品类别“${value}”不属于该活动（可选：${keys.join('、')}）`
}
