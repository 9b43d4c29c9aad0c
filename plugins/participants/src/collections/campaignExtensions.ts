import type { CollectionConfig } from 'payload'

/** The campaign field that says whether the campaign asks for online 倡议书 signatures. */
export const PLEDGE_FIELD = 'pledge'

/**
 * Adds the pledge switch to the host's campaigns: pledges are this plugin's,
 * and a campaign without the switch takes no signatures (its page shows no
 * pledge either).
 */
export function extendCampaigns(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    fields: [
      ...collection.fields,
      {
        name: PLEDGE_FIELD,
        label: { zh: '在线签署倡议书', en: 'Online pledge' },
        type: 'checkbox',
        defaultValue: false,
        admin: {
          position: 'sidebar',
          description: {
            zh: '勾选后活动页显示“医者先行”倡议书及签署入口，并接受签署',
            en: 'Shows the 医者先行 pledge on the campaign page and accepts signatures',
          },
        },
      },
    ],
  }
}
