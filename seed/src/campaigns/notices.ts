/**
 * The five source notices by their file number (`000`…`004` in the seeds
 * folder), as a reader would cite them: issuer and title. The number is ours;
 * the campaign page shows the citation.
 */
export const SOURCE_NOTICES: Record<string, string> = {
  '000': '健康报社《关于开展“健康中国 医者先行”案例征集与交流研讨活动的通知》',
  '001':
    '中国期刊协会医药卫生期刊分会《关于开展征集最美“逆行者”医疗卫生行业摄影图片、科普作品宣传推广等系列公益活动的通知》',
  '002': '新华网《关于开展“2024 健康中国促进大会暨健康中国实践典型案例征集推广”的函》',
  '003': '活动总结报道《好医生集团强强组合：助力健康中国行动，共筑基层医疗新篇》',
  '004':
    '中国医院协会医共体分会等《县域医共体向建党 100 周年献礼系列征集活动邀请函》（2021年3月28日）',
}

/**
 * What a campaign page cites as its source: the notice an archived edition
 * recreates. A current edition is our own continuation, so it cites none.
 */
export function sourceCitation(code: string, current: boolean): string | null {
  return current ? null : (SOURCE_NOTICES[code] ?? null)
}
