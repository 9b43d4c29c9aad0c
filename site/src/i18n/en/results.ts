/** English UI strings of the results pages and the published formula; the type makes every Chinese key required. */
import type { Strings } from '../index'
import type zh from '../zh/results'

const en: Strings<typeof zh> = {
  'results.title': 'Results of {campaign}',
  'results.description':
    'Results of {campaign}: the awarded entries per track, how each total is made, and the SHA-256 of the frozen result.',
  'results.link': 'See the results',
  'results.none': 'The results have not been published yet.',
  'results.stage.pending': 'Results (publicity has not started)',
  'results.stage.publicity': 'In publicity',
  'results.stage.final': 'Final results',
  'results.publicityUntil':
    'Publicity runs until {date}. An entry found to have cheated during publicity loses its place.',
  'results.frozen': 'Version {n}, frozen on {date}',
  'results.hash': 'Results SHA-256',
  'results.hashHelp':
    'The SHA-256 of the results (canonical JSON, keys sorted): anyone can download the data and recompute it.',
  'results.export': 'Download the results (CSV)',
  'results.json': 'Raw results (JSON)',
  'results.history': 'All versions',
  'results.reason': 'Reason for the change: {reason}',
  'results.firstVersion': 'First frozen',
  'results.tier': '{name} (quota {limit}, selected {filled})',
  'results.shortfall': '{n} place(s) left empty',
  'results.noWinners': 'No entry holds this award yet.',
  'results.col.rank': 'Rank',
  'results.col.entry': 'Entry',
  'results.col.institution': 'Institution',
  'results.col.expert': 'Expert score',
  'results.col.votes': 'Votes',
  'results.col.voteScore': 'Vote score',
  'results.col.total': 'Total',
  'results.revoked': 'Revoked',
  'results.revokedReason': 'Reason: {reason}',
  'results.unranked': '{n} other entries took part',
  'results.base': '{n} entries in this track',
  'objection.title': 'Object to the publicity list',
  'objection.intro':
    'During publicity anyone who finds that a selected entry cheated, copied or was selected by improper means may object. The committee checks, decides and tells the objector.',
  'objection.account':
    'Object from a registered account (evidence files allowed), or without one after verifying an email address or mobile number by a code (text only).',
  'objection.signIn': 'Sign in or register',
  'objection.entry': 'Entry objected to',
  'objection.text': 'Your objection and its grounds',
  'objection.textHint':
    'Say what is wrong and what can be checked (a source, where the data comes from); at most {max} characters.',
  'objection.evidence': 'Evidence (optional)',
  'objection.evidenceHint':
    'Screenshots or scans: JPEG, PNG or WebP images or PDFs, at most {max}, each up to {mb} MB; only the committee sees them.',
  'objection.evidenceTooMany': 'At most {max} evidence files; {n} chosen',
  'objection.evidenceType': 'Evidence “{name}” must be a JPEG, PNG or WebP image or a PDF',
  'objection.evidenceTooLarge': 'Evidence “{name}” is over {mb} MB',
  'objection.uploading': 'Uploading “{name}”…',
  'objection.uploadFailed': '“{name}” did not upload: {reason}',
  'objection.submit': 'Raise the objection',
  'objection.sending': 'Sending…',
  'objection.required': 'Please say what the objection is and on what grounds',
  'objection.tooLong': 'At most {max} characters; this one has {n}',
  'objection.raised': 'Objection #{id} raised; the committee will email you its decision.',
  'objection.signInFirst':
    'Please sign in, or verify an email address or mobile number, before raising an objection.',
  'objection.evidenceSignIn':
    'Evidence files need an account; without one you can send the text alone (clear the chosen files first).',
  'objection.raisedByCode':
    'Objection #{id} raised; the committee will send its decision to the address you verified.',
  'objection.failed': 'It did not go through (HTTP {status}); please try again later.',
  'objection.network': 'The network failed; please try again later.',
  'organizers.title': 'Excellent organizing institutions',
  'organizers.counts': '({entries} entries past screening, {awarded} awarded)',
  'formula.title': 'How winners are chosen',
  'formula.intro':
    'Each track ranks its entries by this total and fills its awards in order, within their quotas:',
  'formula.revocation.promote': 'An entry revoked during publicity is replaced by the next one.',
  'formula.revocation.keep': 'An entry revoked during publicity leaves its place empty.',
  'formula.publicity': 'The list is published for at least {n} days.',
}

export default en
