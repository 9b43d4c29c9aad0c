'use client'
import { useFormFields } from '@payloadcms/ui'

/**
 * The campaign form's warning: a blind review whose public display still
 * shows authors and institutions is blind in name only, since a reviewer
 * can read the public page like anyone else.
 */
export function BlindDisplayWarning() {
  const blind = useFormFields(([fields]) => fields['review.blind']?.value)
  const shown = useFormFields(([fields]) => fields['review.publicIdentity']?.value)
  if (blind === 'open' || !shown) {
    return null
  }
  return (
    <div
      role="alert"
      data-review-warning="public-identity"
      style={{
        border: '1px solid var(--theme-warning-500, #d97706)',
        background: 'var(--theme-warning-100, #fef3c7)',
        padding: '0.75rem 1rem',
        borderRadius: 4,
        marginBottom: '1rem',
      }}
    >
      注意：本活动为盲评，但评审期间公开展示仍显示作者与单位。评审专家在公开页面即可看到这些信息，盲评形同虚设。建议评审期间关闭“公开展示作者与单位”。
    </div>
  )
}
