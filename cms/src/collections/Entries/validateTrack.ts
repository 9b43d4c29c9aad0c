import type { TextFieldSingleValidation } from 'payload'

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
  const campaign = await req.payload.findByID({
    collection: 'campaigns',
    id: campaignId as number | string,
    depth: 0,
    draft: true,
    select: { tracks: true },
    req,
    disableErrors: true,
  })
  const keys = (campaign?.tracks ?? []).map((t: { key: string }) => t.key)
  return keys.includes(value) ? true : `作品类别“${value}”不属于该活动（可选：${keys.join('、')}）`
}
