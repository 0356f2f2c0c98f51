package io.uxprobe.probes.journey;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A SOCKS5 proxy on loopback (no authentication, CONNECT only) that remembers the host:port it was asked for. */
final class Socks5Proxy implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final List<String> targets = new CopyOnWriteArrayList<>();

    Socks5Proxy() throws IOException {
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread.ofVirtual().start(() -> serve(client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte(); // version 5
            in.readNBytes(in.readUnsignedByte()); // the methods offered
            out.write(new byte[] {5, 0}); // no authentication
            in.readUnsignedByte(); // version
            in.readUnsignedByte(); // command: CONNECT
            in.readUnsignedByte(); // reserved
            String host = switch (in.readUnsignedByte()) {
                case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
                case 3 -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
                default -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            };
            int port = in.readUnsignedShort();
            targets.add(host + ":" + port);
            try (Socket target = new Socket(host, port)) {
                out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
                out.flush();
                ForwardProxy.pipe(client, target);
            }
        } catch (IOException ignored) {
            // the client or the target went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
