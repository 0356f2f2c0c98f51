package io.uxprobe.probes.journey;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DNS server on loopback UDP that knows a few names: an A query for one of them is answered with its IPv4 address,
 * any other query for it with no records, and a name it does not know with NXDOMAIN. Remembers the names asked.
 */
final class FakeDnsServer implements AutoCloseable {

    private static final int TYPE_A = 1;

    private final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    private final Map<String, InetAddress> names;
    final List<String> asked = new CopyOnWriteArrayList<>();

    FakeDnsServer(Map<String, InetAddress> names) throws IOException {
        this.names = names;
        Thread.ofVirtual().start(this::answer);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void answer() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] reply = reply(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private byte[] reply(ByteBuffer query) {
        short id = query.getShort(0);
        // the question: length-prefixed labels, a zero byte, then type and class
        StringBuilder name = new StringBuilder();
        int at = 12;
        for (int len = query.get(at) & 0xff; len != 0; len = query.get(at) & 0xff) {
            if (!name.isEmpty()) name.append('.');
            for (int i = 1; i <= len; i++) name.append((char) query.get(at + i));
            at += len + 1;
        }
        int type = query.getShort(at + 1) & 0xffff;
        int questionEnd = at + 5;
        asked.add(name + "/" + (type == TYPE_A ? "A" : type == 28 ? "AAAA" : String.valueOf(type)));

        InetAddress address = names.get(name.toString().toLowerCase(java.util.Locale.ROOT));
        boolean answer = address != null && type == TYPE_A;
        ByteBuffer reply = ByteBuffer.allocate(512);
        reply.putShort(id);
        reply.putShort((short) (address == null ? 0x8183 : 0x8180)); // response, recursion available; NXDOMAIN or no error
        reply.putShort((short) 1).putShort((short) (answer ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        reply.put(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        if (answer) {
            reply.putShort((short) 0xc00c); // the name: a pointer to the question's
            reply.putShort((short) TYPE_A).putShort((short) 1).putInt(60).putShort((short) 4).put(address.getAddress());
        }
        byte[] out = new byte[reply.position()];
        reply.flip().get(out);
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
