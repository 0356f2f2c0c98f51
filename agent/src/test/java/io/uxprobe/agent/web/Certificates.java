package io.uxprobe.agent.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;

/** Certificates made at test time: a CA, a server certificate for localhost / 127.0.0.1 and client certificates. */
final class Certificates {

    static final HeldCertificate CA = new HeldCertificate.Builder()
            .commonName("uxprobe test CA").certificateAuthority(0).build();
    static final HeldCertificate SERVER = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress())
            .signedBy(CA).build();
    static final HeldCertificate OTHER_CA = new HeldCertificate.Builder()
            .commonName("someone else's CA").certificateAuthority(0).build();
    static final HeldCertificate CLIENT = new HeldCertificate.Builder().commonName("prometheus").signedBy(CA).build();
    static final HeldCertificate STRANGER = new HeldCertificate.Builder().commonName("stranger").signedBy(OTHER_CA).build();

    private Certificates() {}

    /** server.crt, server.key (PKCS#8), ca.crt and other.key (the key of another certificate) in {@code dir}. */
    static void write(Path dir) {
        try {
            Files.writeString(dir.resolve("server.crt"), SERVER.certificatePem());
            Files.writeString(dir.resolve("server.key"), SERVER.privateKeyPkcs8Pem());
            Files.writeString(dir.resolve("ca.crt"), CA.certificatePem());
            Files.writeString(dir.resolve("other.key"), CLIENT.privateKeyPkcs8Pem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
