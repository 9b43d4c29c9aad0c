import type { ResultRow, ResultsBody } from '@exemplar/domain'
import type { ExportTable } from '@exemplar/http/csv'

type Row = ResultRow & { track: string; trackName: string; maxVotes: number; tierName: string }

/**
 * A frozen result as one table: every component of every entry's total,
 * and the track's highest votes, so that anyone can recompute each total
 * and rank from the published formula with a spreadsheet.
 */
export function snapshotTable(body: ResultsBody, name: string): ExportTable<Row> {
  const rows: Row[] = body.tracks.flatMap((track) => {
    const counted = track.rows.filter((r) => r.unranked !== 'revoked')
    const maxVotes = Math.max(0, ...counted.map((r) => r.votes))
    const tierName = new Map(track.tiers.map((t) => [t.key, t.name]))
    return track.rows.map((r) => ({
      ...r,
      track: track.key,
      trackName: track.name,
      maxVotes,
      tierName: r.tier ? (tierName.get(r.tier) ?? r.tier) : '',
    }))
  })
  return {
    name,
    columns: [
      { key: 'track', header: '类别标识', value: (r) => r.track },
      { key: 'trackName', header: '作品类别', value: (r) => r.trackName },
      { key: 'rank', header: '名次', value: (r) => r.rank },
      { key: 'number', header: '作品编号', value: (r) => r.number },
      { key: 'title', header: '标题', value: (r) => r.title },
      { key: 'institution', header: '报送机构', value: (r) => r.institution },
      { key: 'province', header: '省份', value: (r) => r.province },
      { key: 'reviews', header: '已评人数', value: (r) => r.reviews },
      { key: 'expert', header: '专家评分', value: (r) => r.expert },
      { key: 'votes', header: '票数', value: (r) => r.votes },
      { key: 'maxVotes', header: '本类别最高票数', value: (r) => r.maxVotes },
      { key: 'voteScore', header: '投票得分', value: (r) => r.voteScore },
      { key: 'total', header: '总分', value: (r) => r.total },
      { key: 'tier', header: '奖项标识', value: (r) => r.tier ?? '' },
      { key: 'tierName', header: '奖项', value: (r) => r.tierName },
      {
        key: 'status',
        header: '状态',
        value: (r) => (r.revoked ? '已撤销' : r.unranked === 'unreviewed' ? '未评分' : ''),
      },
      { key: 'pinnedSha256', header: '锁定内容 SHA-256', value: (r) => r.pinnedSha256 ?? '' },
    ],
    rows,
  }
}
