package io.uxprobe.probes.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CA certificates of a PEM file ({@code tls.caFile}, {@code check --ca-file}), read when the journey file is
 * loaded so a wrong file is a configuration error that {@code validate} reports, not a crash of every run.
 */
public final class CaCertificates {

    private CaCertificates() {}

    /** @throws Unusable with a sentence that says what is wrong with the file and what it should hold */
    public static List<X509Certificate> read(Path file) throws Unusable {
        byte[] bytes;
        try {
            bytes = SmallFile.read(file, SmallFile.MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new Unusable("no such file: give the path of a PEM file of CA certificates");
        } catch (IOException e) {
            throw new Unusable(String.valueOf(e.getMessage()));
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new Unusable(text.contains("PRIVATE KEY-----")
                    ? "it holds a private key, not a certificate: give the CA's certificate (-----BEGIN CERTIFICATE-----), never a key"
                    : "it holds no PEM certificate (-----BEGIN CERTIFICATE-----): give a PEM file of CA certificates");
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) throw new Unusable("it holds no certificate that can be read");
            return certificates;
        } catch (CertificateException e) {
            throw new Unusable("a certificate in it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A CA file that cannot be used; the message says why without the file's name, which callers give. */
    public static final class Unusable extends Exception {
        Unusable(String why) {
            super(why);
        }
    }
}
