'use client'
import { SelectField, useConfig, useFormFields } from '@payloadcms/ui'
import type { DefaultCellComponentProps, TextFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

interface Track {
  key: string
  name: string
}

/** One request per campaign and page: a list of 100 entries names a handful of campaigns. */
const tracksByCampaign = new Map<string, Promise<Track[]>>()

function campaignId(campaign: unknown): string {
  const id = campaign && typeof campaign === 'object' ? (campaign as { id?: unknown }).id : campaign
  return typeof id === 'number' || typeof id === 'string' ? String(id) : ''
}

function tracksOf(api: string, id: string): Promise<Track[]> {
  if (!id) {
    return Promise.resolve([])
  }
  let tracks = tracksByCampaign.get(id)
  if (!tracks) {
    const url = `${api}/campaigns/${encodeURIComponent(id)}?depth=0&draft=true&select[tracks]=true`
    tracks = fetch(url, { credentials: 'include' })
      .then((res) => (res.ok ? (res.json() as Promise<{ tracks?: Track[] | null }>) : null))
      .then((doc) => (doc?.tracks ?? []).map(({ key, name }) => ({ key, name })))
      .catch(() => [])
    tracksByCampaign.set(id, tracks)
  }
  return tracks
}

/** The tracks of the campaign an entry belongs to, as its campaign's editors named them. */
function useTracks(campaign: unknown): Track[] {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const id = campaignId(campaign)
  const [tracks, setTracks] = useState<Track[]>([])
  useEffect(() => {
    let current = true
    void tracksOf(api, id).then((found) => {
      if (current) {
        setTracks(found)
      }
    })
    return () => {
      current = false
    }
  }, [api, id])
  return tracks
}

/**
 * An entry's track is stored as the track's key (`case`), which means nothing
 * to an editor: the list shows the campaign's name for it (案例征集).
 */
export function TrackCell({ cellData, rowData }: DefaultCellComponentProps) {
  const tracks = useTracks(rowData?.campaign)
  const key = typeof cellData === 'string' ? cellData : ''
  return <span>{tracks.find((track) => track.key === key)?.name ?? key}</span>
}

/** The track picked from the entry's campaign's tracks, by name, instead of typed as a key. */
export const TrackSelect: TextFieldClientComponent = ({ field, path, readOnly, schemaPath }) => {
  const campaign = useFormFields(([fields]) => fields.campaign?.value)
  const tracks = useTracks(campaign)
  return (
    <SelectField
      readOnly={readOnly}
      schemaPath={schemaPath}
      path={path ?? field.name}
      field={{
        name: field.name,
        label: field.label,
        required: field.required,
        localized: field.localized,
        options: tracks.map((track) => ({ value: track.key, label: track.name })),
        hasMany: false,
        admin: {
          isClearable: false,
          isSortable: false,
          placeholder: undefined,
          description: field.admin?.description,
        },
      }}
    />
  )
}
