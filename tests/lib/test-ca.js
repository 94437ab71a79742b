// A throwaway certificate authority and server certificates made with Debian's openssl, for TLS
// tests that must not trust anything real.
//
//   const ca = makeCa(dir, 'push-test-ca');
//   const { key, cert } = ca.issue({ cn: '127.0.0.1', san: 'IP:127.0.0.1,DNS:localhost' });
//   ... ca.certFile: the CA's PEM file ...
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const openssl = (args) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export function makeCa(dir, name) {
  const keyFile = path.join(dir, `${name}.key`);
  const certFile = path.join(dir, `${name}.pem`);
  openssl(['req', '-x509', ...curve, '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  let serial = 0;
  return {
    certFile,
    issue({ cn, san }) {
      const base = path.join(dir, `${name}-leaf-${++serial}`);
      const ext = `${base}.ext`;
      writeFileSync(ext, `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
      openssl(['req', ...curve, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${cn}`]);
      openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', certFile, '-CAkey', keyFile, '-set_serial', String(Date.now() + serial),
        '-days', '2', '-out', `${base}.pem`, '-extfile', ext]);
      return { key: readFileSync(`${base}.key`), cert: readFileSync(`${base}.pem`) };
    },
  };
}
