/** Chinese UI strings of the certificate pages. The key set is the one English must match. */
const zh = {
  'certificate.title': '证书 {number}',
  'certificate.description':
    '{campaign}{kind}（编号 {number}）的公开查验页：证书状态、获奖信息与可离线核验的电子签名。',
  'certificate.status': '证书状态',
  'certificate.revokedOn': '已于 {date}撤销',
  'certificate.revokedReason': '撤销原因：{reason}',
  'certificate.revokedNote':
    '本证书已被撤销，不再作为获奖证明。签名仍能核验通过，它只证明证书曾经颁发。',
  'certificate.number': '证书编号',
  'certificate.kind': '证书类别',
  'certificate.holder': '持证人',
  'certificate.holderNote': '为保护个人信息，姓名部分以＊代替。',
  'certificate.institution': '机构',
  'certificate.award': '奖项',
  'certificate.work': '作品',
  'certificate.workValue': '{number}《{title}》',
  'certificate.campaign': '征集活动',
  'certificate.results': '查看评选结果',
  'certificate.issuedOn': '颁发日期',
  'certificate.snapshot': '依据的评选结果',
  'certificate.snapshotValue': '第 {n} 版结果',
  'certificate.snapshotHash': '结果 SHA-256',
  'certificate.pdf': '下载 PDF 证书（本人或组委会登录后显示全名）',
  'certificate.qr': '扫码打开本证书的查验页',
  'certificate.qrLabel': '本页地址的二维码：{url}',
  'certificate.verify.title': '离线核验',
  'certificate.verify.intro':
    '证书内容由评选组织方用 Ed25519 私钥签名。不必相信本网站：任何人都可以用公开的公钥自行核验，步骤如下。',
  'certificate.verify.key':
    '把公钥（PEM 格式，见下方，或公钥接口所返回 JSON 中的 publicKeyPem）保存为 public-key.pem，并确认其密钥标识（keyId）与本证书的一致。',
  'certificate.verify.messageStep':
    '签名原文是一行 exemplar-certificate-v1，换行，再接证书记录的规范化 JSON（键按字母顺序排列，不含空格）。把下面的“签名原文”原样保存为 message.txt（UTF-8 编码，末尾不要多出换行）。',
  'certificate.verify.signatureStep': '把下面的签名（Base64）保存为 sig.txt。',
  'certificate.verify.run':
    '用 OpenSSL 3 解码签名并核验，显示 Signature Verified Successfully 即签名真实：',
  'certificate.verify.signature': '签名（Ed25519，Base64）',
  'certificate.verify.keyId': '密钥标识',
  'certificate.verify.publicKey': '公钥接口（JSON）',
  'certificate.verify.publicKeyPem': '当前公钥（PEM）',
  'certificate.verify.message': '签名原文',
  'certificate.verify.statusNote':
    '证书状态不在签名之内：撤销是颁发之后的事，以本页实时显示的状态为准。',
  'certificate.verify.ok': '本站已用当前公钥核验签名：通过。',
  'certificate.verify.bad': '本站用当前公钥核验签名未通过：请勿采信本证书，并联系评选组织方。',
  'certificate.verify.otherKey': '本证书由另一把密钥（{keyId}）签名，本站当前的公钥无法核验它。',
  'certificate.notFound.title': '证书不存在',
  'certificate.notFound': '没有编号为 {number} 的证书。',
  'certificate.notFoundHelp': '请核对证书上的编号；如确认无误，请联系评选组织方。',
  'certificate.invalid.title': '证书编号有误',
  'certificate.format': '证书编号形如 2021-000123-X：年份、6 位序号和 1 位校验位（0–9 或 X）。',
  'lookup.title': '查验证书',
  'lookup.description': '输入证书编号，查验证书是否真实、是否仍然有效。',
  'lookup.label': '证书编号',
  'lookup.hint': '例如 2021-000123-X，连字符和空格可以省略',
  'lookup.submit': '查验',
  'lookup.link': '查验证书',
} as const

export default zh
