// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill.
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const algorithm = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const oneDay = 24 * 60 * 60 * 1000;

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

async function keyToPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString("base64").replace(/(.{64})/g, "$1\n").trim()}\n-----END PRIVATE KEY-----\n`;
}

/**
 * A CA made fresh for each run, so no trust outlives the run. Leaf certificates carry what
 * strict verifiers (rustls/webpki in codex, OpenSSL, Node) insist on: SAN, serverAuth, AKI.
 */
export class CertificateAuthority {
  private readonly issued = new Map<string, Promise<IssuedCertificate>>();

  private readonly certificate: x509.X509Certificate;
  private readonly keys: CryptoKeyPair;

  private constructor(certificate: x509.X509Certificate, keys: CryptoKeyPair) {
    this.certificate = certificate;
    this.keys = keys;
  }

  static async create(): Promise<CertificateAuthority> {
    const keys = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      name: `CN=openclaw-conformance run CA ${new Date().toISOString()}`,
      keys,
      signingAlgorithm: algorithm,
      notBefore: new Date(Date.now() - oneDay),
      notAfter: new Date(Date.now() + 7 * oneDay),
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return new CertificateAuthority(certificate, keys);
  }

  get certPem(): string {
    return this.certificate.toString("pem");
  }

  /** A leaf certificate for one host name, made once per host and run. */
  issue(hostname: string): Promise<IssuedCertificate> {
    let pending = this.issued.get(hostname);
    if (!pending) {
      pending = this.makeLeaf(hostname);
      this.issued.set(hostname, pending);
    }
    return pending;
  }

  private async makeLeaf(hostname: string): Promise<IssuedCertificate> {
    const keys = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
    const certificate = await x509.X509CertificateGenerator.create({
      subject: `CN=${hostname}`,
      issuer: this.certificate.subject,
      publicKey: keys.publicKey,
      signingKey: this.keys.privateKey,
      signingAlgorithm: algorithm,
      notBefore: new Date(Date.now() - oneDay),
      notAfter: new Date(Date.now() + 7 * oneDay),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: "dns", value: hostname }]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(this.keys.publicKey),
      ],
    });
    return { certPem: certificate.toString("pem"), keyPem: await keyToPem(keys.privateKey) };
  }
}
