package io.uxprobe.agent.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys in PEM text, as openssl, cert-manager and Prometheus's docs write them.
 *
 * <p>Keys: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC ({@code EC PRIVATE KEY});
 * the last two are rewrapped as PKCS#8, which is all the JDK reads. Encrypted keys are refused, as Prometheus does.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String PKCS8_HINT =
            "; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8";

    // AlgorithmIdentifier DER: SEQUENCE { OID rsaEncryption, NULL }
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    // OID id-ecPublicKey, which SEC1's curve OID follows in an EC AlgorithmIdentifier
    private static final byte[] EC_PUBLIC_KEY_OID = HexFormat.of().parseHex("06072a8648ce3d0201");

    private Pem() {}

    /** The problem with a PEM text, said so that {@code tls_server_config.cert_file: } can go before it. */
    static final class PemException extends Exception {
        PemException(String message) {
            super(message);
        }
    }

    /** PEM text and the setting it came from ({@code tls_server_config.cert_file}), for messages. */
    record Source(String setting, String text) {

        /** The key without its section: {@code cert_file}. */
        String key() {
            return setting.substring(setting.lastIndexOf('.') + 1);
        }
    }

    private record Block(String label, byte[] der) {}

    /** Every {@code CERTIFICATE} block in order: for a server, its own certificate first, then intermediates. */
    static List<X509Certificate> certificates(String pem) throws PemException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(pem)) {
                if (!b.label().equals("CERTIFICATE")) continue;
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        } catch (CertificateException e) {
            throw new PemException("not a valid X.509 certificate: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new PemException("no certificate found: expected PEM text with a -----BEGIN CERTIFICATE----- block"
                    + " (for a DER file, convert it with: openssl x509 -inform der -in FILE -out FILE.pem)");
        }
        return certificates;
    }

    /** The first private key; {@code algorithm} is the certificate's key algorithm ({@code RSA}, {@code EC}, …). */
    static PrivateKey privateKey(String pem, String algorithm) throws PemException {
        for (Block b : blocks(pem)) {
            switch (b.label()) {
                case "PRIVATE KEY" -> {
                    return decode(b.der(), algorithm, "PKCS#8");
                }
                case "RSA PRIVATE KEY" -> {
                    if (pem.contains("Proc-Type: 4,ENCRYPTED")) throw encrypted();
                    return decode(pkcs8(RSA_ALGORITHM, b.der()), algorithm, "PKCS#1 RSA");
                }
                case "EC PRIVATE KEY" -> {
                    if (pem.contains("Proc-Type: 4,ENCRYPTED")) throw encrypted();
                    return decode(pkcs8(ecAlgorithm(b.der()), b.der()), algorithm, "SEC1 EC");
                }
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted();
                default -> {
                    // certificates and parameters may share the file: skip them
                }
            }
        }
        throw new PemException("no private key found: expected PEM text with a -----BEGIN PRIVATE KEY----- "
                + "(PKCS#8), -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY----- block");
    }

    private static PemException encrypted() {
        return new PemException("the private key is encrypted; uxprobe, like Prometheus, reads unencrypted keys only"
                + " (decrypt it with: openssl pkey -in KEY -out KEY.plain)");
    }

    private static PrivateKey decode(byte[] pkcs8, String algorithm, String format) throws PemException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new PemException("not a valid " + format + " " + algorithm + " private key (the certificate's key is "
                    + algorithm + "): " + e.getMessage());
        }
    }

    private static List<Block> blocks(String pem) throws PemException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String body = m.group(2).lines().filter(line -> !line.contains(":")).reduce("", String::concat);
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new PemException("the " + m.group(1) + " block is not valid base64: " + e.getMessage());
            }
        }
        return blocks;
    }

    /** PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }. */
    private static byte[] pkcs8(byte[] algorithm, byte[] key) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(tlv(0x04, key));
        return tlv(0x30, body.toByteArray());
    }

    /** SEQUENCE { id-ecPublicKey, the curve OID from SEC1's {@code parameters [0]} }. */
    private static byte[] ecAlgorithm(byte[] sec1) throws PemException {
        // ECPrivateKey ::= SEQUENCE { version INTEGER, privateKey OCTET STRING, parameters [0] OID, publicKey [1] … }
        Der outer = new Der(sec1, 0);
        if (outer.tag != 0x30) throw new PemException("the EC PRIVATE KEY block is not a SEC1 key" + PKCS8_HINT);
        for (int at = outer.contentStart; at < outer.end(); ) {
            Der field = new Der(sec1, at);
            if (field.tag == 0xa0) {
                Der curve = new Der(sec1, field.contentStart);
                if (curve.tag != 0x06) throw new PemException("the EC PRIVATE KEY names its curve in a way uxprobe does not read" + PKCS8_HINT);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes(EC_PUBLIC_KEY_OID);
                body.write(sec1, curve.start, curve.end() - curve.start);
                return tlv(0x30, body.toByteArray());
            }
            at = field.end();
        }
        throw new PemException("the EC PRIVATE KEY does not name its curve" + PKCS8_HINT);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** One DER tag-length-value header at {@code start}. */
    private static final class Der {
        final int start;
        final int tag;
        final int contentStart;
        final int length;

        Der(byte[] der, int start) throws PemException {
            try {
                this.start = start;
                this.tag = der[start] & 0xff;
                int first = der[start + 1] & 0xff;
                int at = start + 2;
                int n = first;
                if (first >= 0x80) {
                    int bytes = first & 0x7f;
                    if (bytes == 0 || bytes > 3) throw new PemException("the private key is not valid DER");
                    n = 0;
                    for (int i = 0; i < bytes; i++) n = (n << 8) | (der[at++] & 0xff);
                }
                this.contentStart = at;
                this.length = n;
                if (end() > der.length) throw new PemException("the private key is cut short");
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new PemException("the private key is cut short");
            }
        }

        int end() {
            return contentStart + length;
        }
    }
}
