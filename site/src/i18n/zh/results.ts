/** Chinese UI strings of the results pages and the published formula. The key set is the one English must match. */
const zh = {
  'results.title': '{campaign} 评选结果',
  'results.description':
    '{campaign}的评选结果：各类别获奖名单、得分构成与结果快照的 SHA-256 校验值。',
  'results.link': '查看评选结果',
  'results.none': '评选结果尚未公布。',
  'results.stage.pending': '评选结果（尚未进入公示）',
  'results.stage.publicity': '公示中',
  'results.stage.final': '最终结果',
  'results.publicityUntil':
    '公示期至 {date}。公示期内如发现弄虚作假或以不正当手段入选的，将撤销其入选资格。',
  'results.frozen': '第 {n} 版结果，冻结于 {date}',
  'results.hash': '结果 SHA-256',
  'results.hashHelp':
    '校验值是结果内容（规范化 JSON，键按字母顺序）的 SHA-256，任何人可下载数据自行复算。',
  'results.export': '下载结果数据（CSV）',
  'results.json': '结果原始数据（JSON）',
  'results.history': '历次结果',
  'results.reason': '变更原因：{reason}',
  'results.firstVersion': '首次冻结',
  'results.tier': '{name}（名额 {limit}，入选 {filled}）',
  'results.shortfall': '空缺 {n} 个',
  'results.noWinners': '本奖项暂无入选作品。',
  'results.col.rank': '名次',
  'results.col.entry': '作品',
  'results.col.institution': '报送机构',
  'results.col.expert': '专家评分',
  'results.col.votes': '票数',
  'results.col.voteScore': '投票得分',
  'results.col.total': '总分',
  'results.revoked': '已撤销',
  'results.revokedReason': '撤销原因：{reason}',
  'results.unranked': '其余参评作品 {n} 件',
  'results.base': '本类别参评作品 {n} 件',
  'formula.title': '评选规则',
  'formula.intro': '各类别按以下公式计算总分并排名，按名额依次确定各奖项：',
  'formula.revocation.promote': '公示期内撤销的作品，由下一名依次递补。',
  'formula.revocation.keep': '公示期内撤销的作品，其名额空缺，不递补。',
  'formula.publicity': '入选名单公示不少于 {n} 天。',
} as const

export default zh
