/** English UI strings of the certificate pages; the type makes every Chinese key required. */
import type { Strings } from '../index'
import type zh from '../zh/certificates'

const en: Strings<typeof zh> = {
  'certificate.title': 'Certificate {number}',
  'certificate.description':
    'Check {campaign}’s {kind} {number}: its status, what it was awarded for, and a signature anyone can verify offline.',
  'certificate.status': 'Status',
  'certificate.revokedOn': 'Revoked on {date}',
  'certificate.revokedReason': 'Reason: {reason}',
  'certificate.revokedNote':
    'This certificate has been revoked and no longer attests an award. Its signature still verifies: it proves only that it was issued.',
  'certificate.number': 'Number',
  'certificate.kind': 'Kind',
  'certificate.holder': 'Holder',
  'certificate.holderNote': 'Names are partly hidden with ＊ to protect personal data.',
  'certificate.institution': 'Institution',
  'certificate.award': 'Award',
  'certificate.work': 'Entry',
  'certificate.workValue': '{number} “{title}”',
  'certificate.campaign': 'Campaign',
  'certificate.results': 'See the results',
  'certificate.issuedOn': 'Issued on',
  'certificate.snapshot': 'Issued from',
  'certificate.snapshotValue': 'Results version {n}',
  'certificate.snapshotHash': 'Results SHA-256',
  'certificate.pdf': 'Download the PDF (full names for the holder and the committee, signed in)',
  'certificate.qr': 'Scan to open this certificate’s page',
  'certificate.qrLabel': 'QR code of this page’s address: {url}',
  'certificate.verify.title': 'Verify it offline',
  'certificate.verify.intro':
    'The organizers signed this certificate with an Ed25519 private key. You need not trust this site: anyone can check the signature with the published public key, as follows.',
  'certificate.verify.key':
    'Save the public key (PEM: below, or publicKeyPem in the JSON the public-key address answers) to public-key.pem, and check that its key id (keyId) is this certificate’s.',
  'certificate.verify.messageStep':
    'The signed text is the line exemplar-certificate-v1, a newline, then the record’s canonical JSON (keys sorted, no spaces). Save the “signed text” below exactly as it is to message.txt (UTF-8, no newline added at the end).',
  'certificate.verify.signatureStep': 'Save the Base64 signature below to sig.txt.',
  'certificate.verify.run':
    'Decode the signature and verify with OpenSSL 3; “Signature Verified Successfully” means the signature is genuine:',
  'certificate.verify.signature': 'Signature (Ed25519, Base64)',
  'certificate.verify.keyId': 'Key id',
  'certificate.verify.publicKey': 'Public key address (JSON)',
  'certificate.verify.publicKeyPem': 'Current public key (PEM)',
  'certificate.verify.message': 'Signed text',
  'certificate.verify.statusNote':
    'The status is not signed: a revocation comes after issue, so the status shown live on this page is the one that counts.',
  'certificate.verify.ok': 'This site checked the signature with the current public key: valid.',
  'certificate.verify.bad':
    'The signature does not verify with the current public key: do not rely on this certificate, and contact the organizers.',
  'certificate.verify.otherKey':
    'This certificate was signed with another key ({keyId}); the current public key cannot check it.',
  'certificate.notFound.title': 'No such certificate',
  'certificate.notFound': 'No certificate has the number {number}.',
  'certificate.notFoundHelp':
    'Check the number on the certificate; if it is right, contact the organizers.',
  'certificate.invalid.title': 'Not a valid certificate number',
  'certificate.format':
    'A certificate number reads like 2021-000123-X: the year, a 6-digit serial and a check character (0–9 or X).',
  'lookup.title': 'Check a certificate',
  'lookup.description': 'Enter a certificate’s number to check that it is genuine and still valid.',
  'lookup.label': 'Certificate number',
  'lookup.hint': 'e.g. 2021-000123-X; hyphens and spaces may be left out',
  'lookup.submit': 'Check',
  'lookup.link': 'Check a certificate',
}

export default en
