package io.uxprobe.agent.web;

import io.uxprobe.probes.files.SmallFile;
import io.uxprobe.agent.web.Pem.PemException;
import io.uxprobe.agent.web.ServerTls.ClientAuth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/** Checks {@code tls_server_config} and reads the certificates and key it names into a {@link ServerTls}. */
final class TlsSettingsReader {

    private static final String SECTION = "tls_server_config";

    private final SettingPositions settings;
    private final Path baseDir;

    /** @param settings the web config file's settings, for messages; relative paths are relative to its directory */
    TlsSettingsReader(SettingPositions settings) {
        this.settings = settings;
        this.baseDir = settings.file().toAbsolutePath().normalize().getParent();
    }

    /** Empty when the section turns nothing on: then the endpoints speak plain HTTP, as in Prometheus. */
    Optional<ServerTls> read(WebConfigFile.Tls tls) throws WebConfigException {
        if (tls == null || !tls.enabled()) return Optional.empty();
        if (tls.clientAllowedSans() != null) {
            throw problem("client_allowed_sans", "not supported by uxprobe; use client_auth_type: RequireAndVerifyClientCert"
                    + " with a client_ca_file that signs only the clients you allow");
        }
        Optional<Pem.Source> certSource = source(tls.certFile(), "cert_file", tls.cert(), "cert");
        Optional<Pem.Source> keySource = source(tls.keyFile(), "key_file", tls.key(), "key");
        if (certSource.isEmpty()) {
            throw problem(null, (keySource.isPresent() ? keySource.get().key() + " is set but cert_file is not" : "cert_file is missing")
                    + ": TLS needs the server certificate (PEM) in cert_file, or inline in cert");
        }
        if (keySource.isEmpty()) {
            throw problem(null, certSource.get().key() + " is set but key_file is not"
                    + ": TLS needs the certificate's private key (PEM) in key_file, or inline in key");
        }
        List<X509Certificate> chain = certificates(certSource.get());
        X509Certificate leaf = chain.getFirst();
        PrivateKey key = privateKey(keySource.get(), leaf.getPublicKey().getAlgorithm());
        if (!ServerTls.belongTogether(key, leaf.getPublicKey())) {
            throw problem(keySource.get().key(), "this key does not belong to the certificate in "
                    + certSource.get().key() + " (" + leaf.getSubjectX500Principal().getName()
                    + "): use the key the certificate was issued for");
        }

        ClientAuth clientAuth = clientAuth(tls.clientAuthType());
        Optional<Pem.Source> caSource = source(tls.clientCaFile(), "client_ca_file", tls.clientCa(), "client_ca");
        if (caSource.isPresent() && clientAuth == ClientAuth.NO_CLIENT_CERT) {
            throw problem(null, caSource.get().key() + " is set but client_auth_type is NoClientCert, so no client"
                    + " certificate would be asked for: set client_auth_type: RequireAndVerifyClientCert, or remove "
                    + caSource.get().key());
        }
        if (caSource.isEmpty() && clientAuth != ClientAuth.NO_CLIENT_CERT) {
            throw problem("client_auth_type", clientAuth.configName + " needs client_ca_file: the CA certificates"
                    + " (PEM) that client certificates must be signed by");
        }
        List<X509Certificate> clientCas = caSource.isEmpty() ? List.of() : certificates(caSource.get());

        List<String> protocols = protocols(tls.minVersion(), tls.maxVersion());
        List<String> suites = cipherSuites(tls.cipherSuites());
        List<String> groups = namedGroups(tls.curvePreferences());
        boolean preferServer = tls.preferServerCipherSuites() == null || tls.preferServerCipherSuites();
        return Optional.of(new ServerTls(chain, key, clientAuth, clientCas, protocols, suites, groups, preferServer));
    }

    /** The PEM text of a setting given as a file or inline; both at once is refused as a likely mistake. */
    private Optional<Pem.Source> source(String path, String pathSetting, String inline, String inlineSetting) throws WebConfigException {
        boolean hasPath = present(path);
        boolean hasInline = present(inline);
        if (hasPath && hasInline) {
            throw problem(null, "both " + pathSetting + " and " + inlineSetting + " are set: keep one");
        }
        if (hasInline) return Optional.of(new Pem.Source(SECTION + "." + inlineSetting, inline));
        if (!hasPath) return Optional.empty();
        Path resolved = baseDir.resolve(path).normalize();
        String setting = SECTION + "." + pathSetting;
        try {
            byte[] pem = SmallFile.read(resolved, SmallFile.MAX_BYTES);
            return Optional.of(new Pem.Source(setting, new String(pem, StandardCharsets.ISO_8859_1)));
        } catch (NoSuchFileException e) {
            throw settings.problem(setting, "cannot read " + resolved + ": no such file");
        } catch (AccessDeniedException e) {
            throw settings.problem(setting, "cannot read " + resolved + ": permission denied");
        } catch (IOException e) {
            throw settings.problem(setting, "cannot read " + resolved + ": " + e.getMessage());
        }
    }

    private List<X509Certificate> certificates(Pem.Source source) throws WebConfigException {
        try {
            return Pem.certificates(source.text());
        } catch (PemException e) {
            throw settings.problem(source.setting(), e.getMessage());
        }
    }

    private PrivateKey privateKey(Pem.Source source, String algorithm) throws WebConfigException {
        try {
            return Pem.privateKey(source.text(), algorithm);
        } catch (PemException e) {
            throw settings.problem(source.setting(), e.getMessage());
        }
    }

    private ClientAuth clientAuth(String value) throws WebConfigException {
        if (!present(value)) return ClientAuth.NO_CLIENT_CERT;
        for (ClientAuth c : ClientAuth.values()) {
            if (c.configName.equals(value)) return c;
        }
        String expected = "; expected one of: " + String.join(", ", Arrays.stream(ClientAuth.values()).map(c -> c.configName).toList());
        if (Set.of("RequestClientCert", "RequireAnyClientCert", "RequireClientCert").contains(value)) {
            throw problem("client_auth_type", value + " is not supported by uxprobe: it accepts client certificates"
                    + " nobody verified" + expected);
        }
        throw problem("client_auth_type", "unknown value '" + value + "'" + expected);
    }

    private List<String> protocols(String min, String max) throws WebConfigException {
        int from = version("min_version", min, "TLS12");
        int to = version("max_version", max, "TLS13");
        if (from > to) {
            throw problem(null, "min_version " + ServerTls.VERSION_ORDER.get(from) + " is newer than max_version "
                    + ServerTls.VERSION_ORDER.get(to));
        }
        return ServerTls.VERSION_ORDER.subList(from, to + 1).stream().map(ServerTls.VERSIONS::get).toList();
    }

    private int version(String setting, String value, String otherwise) throws WebConfigException {
        String v = present(value) ? value : otherwise;
        int index = ServerTls.VERSION_ORDER.indexOf(v);
        if (index < 0) {
            throw problem(setting, "unknown TLS version '" + v + "'; expected one of: " + String.join(", ", ServerTls.VERSION_ORDER));
        }
        return index;
    }

    private List<String> cipherSuites(List<String> names) throws WebConfigException {
        if (names == null) return List.of();
        List<String> supported;
        try {
            supported = Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has a default SSLContext", e);
        }
        List<String> suites = new ArrayList<>();
        for (String name : names) {
            if (!present(name) || !supported.contains(name)) {
                throw problem("cipher_suites", "unknown cipher suite '" + name + "': use IANA names such as"
                        + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, as Go and Java both do");
            }
            // TLS 1.3 suites are always on, as in Go, so naming one changes nothing
            if (!ServerTls.isTls13Suite(name)) suites.add(name);
        }
        return suites;
    }

    private List<String> namedGroups(List<String> curves) throws WebConfigException {
        if (curves == null) return List.of();
        List<String> groups = new ArrayList<>();
        for (String curve : curves) {
            String group = ServerTls.CURVES.get(curve);
            if (group == null) {
                throw problem("curve_preferences", "unknown curve '" + curve + "'; expected some of: CurveP256, CurveP384, CurveP521, X25519");
            }
            groups.add(group);
        }
        return groups;
    }

    private WebConfigException problem(String key, String problem) {
        return settings.problem(key == null ? SECTION : SECTION + "." + key, problem);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
