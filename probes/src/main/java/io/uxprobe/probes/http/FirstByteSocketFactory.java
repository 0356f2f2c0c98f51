package io.uxprobe.probes.http;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Plain sockets that tell the {@link FirstByteClock} of the thread using them when they write and read. */
final class FirstByteSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() {
        return new TimedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress to, InetSocketAddress... from) throws IOException {
        Socket s = new TimedSocket();
        if (from.length > 0) s.bind(from[0]);
        s.connect(to);
        return s;
    }

    private static final class TimedSocket extends Socket {
        private InputStream in;
        private OutputStream out;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) in = new TimedInput(super.getInputStream());
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) out = new TimedOutput(super.getOutputStream());
            return out;
        }
    }

    private static final class TimedInput extends FilterInputStream {
        TimedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            FirstByteClock clock = FirstByteClock.current();
            if (!clock.armed()) {
                int n = in.read(b, off, len);
                if (n > 0) clock.received(n);
                return n;
            }
            boolean waited = in.available() == 0; // asked only between a write and the answer's first byte
            int n = in.read(b, off, len);
            if (n > 0) {
                clock.read(waited);
                clock.received(n);
            }
            return n;
        }
    }

    private static final class TimedOutput extends FilterOutputStream {
        TimedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            long began = System.nanoTime();
            out.write(b);
            FirstByteClock.current().wrote(began);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long began = System.nanoTime();
            out.write(b, off, len);
            FirstByteClock.current().wrote(began);
        }
    }
}
