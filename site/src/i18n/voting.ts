/** Lookup of the strings of public voting, the voter check, the leaderboard and sharing. */
import en from './en/voting'
import { translator, type Tables } from './index'
import zh from './zh/voting'

export type VotingKey = keyof typeof zh

const messages: Tables<VotingKey> = { zh, en }

export const tv = translator(messages)
