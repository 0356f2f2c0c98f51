package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.DnsServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import okhttp3.Dns;

/**
 * Resolves host names with one DNS server (a region's {@code dns:}) instead of the system resolver, through the JDK's
 * JNDI DNS provider: an A and an AAAA query per lookup, nothing cached, so every run resolves anew. A name the server
 * does not know, or a server that does not answer, is an {@link UnknownHostException}: failure reason {@code dns}.
 */
final class ServerDns implements Dns {

    private final DnsServer server;

    ServerDns(DnsServer server) {
        this.server = server;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        Optional<InetAddress> literal = literal(hostname);
        if (literal.isPresent()) return List.of(literal.get());
        List<InetAddress> addresses = new ArrayList<>();
        DirContext context = context(hostname);
        try {
            for (String type : List.of("A", "AAAA")) addresses.addAll(query(context, hostname, type));
        } finally {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing is held open between queries
            }
        }
        if (addresses.isEmpty()) throw new UnknownHostException(hostname + ": DNS server " + server + " has no A or AAAA record for it");
        return addresses;
    }

    private DirContext context(String hostname) throws UnknownHostException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, "dns://" + server + "/");
        // 1s, then 2s: a dead server fails within a step's timeout instead of JNDI's 15s
        env.put("com.sun.jndi.dns.timeout.initial", "1000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        try {
            return new InitialDirContext(env);
        } catch (NamingException e) {
            throw unknown(hostname, "cannot use DNS server " + server + " (" + e.getExplanation() + ")", e);
        }
    }

    private List<InetAddress> query(DirContext context, String hostname, String type) throws UnknownHostException {
        List<InetAddress> out = new ArrayList<>();
        try {
            Attribute records = context.getAttributes(hostname, new String[] {type}).get(type);
            if (records == null) return out;
            NamingEnumeration<?> values = records.getAll();
            while (values.hasMore()) {
                byte[] address = InetAddress.getByName(String.valueOf(values.next())).getAddress();
                out.add(InetAddress.getByAddress(hostname, address)); // keeps the name, for TLS to a proxy
            }
            return out;
        } catch (NameNotFoundException e) {
            throw unknown(hostname, "no such name at DNS server " + server, e);
        } catch (NamingException e) {
            throw unknown(hostname, "DNS server " + server + " did not answer (" + e.getExplanation() + ")", e);
        }
    }

    private static UnknownHostException unknown(String hostname, String why, Exception cause) {
        UnknownHostException e = new UnknownHostException(hostname + ": " + why);
        e.initCause(cause);
        return e;
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(InetAddress.ofLiteral(host)); // never a lookup
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
