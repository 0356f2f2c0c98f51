package io.uxprobe.agent.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real nginx on a free loopback port, answering {@code 200 ok} to every request (POSTs too), with the keep-alive
 * timeout a test asks for; stopped when the test ends. Runs unprivileged: every path it writes is under {@code dir}.
 */
public final class Nginx implements AutoCloseable {

    private final Daemon daemon;

    private Nginx(Daemon daemon) {
        this.daemon = daemon;
    }

    /** @param keepAliveTimeout as nginx writes it, such as {@code 2s} */
    public static Nginx start(Path dir, String keepAliveTimeout) throws Exception {
        Path nginx = Components.require("nginx", "nginx");
        int port = Daemon.freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    keepalive_timeout %2$s;
                    server {
                        listen 127.0.0.1:%3$d;
                        location / { default_type text/plain; return 200 "ok\\n"; }
                    }
                }
                """.formatted(dir.toAbsolutePath(), keepAliveTimeout, port));
        return new Nginx(Daemon.start(List.of(nginx.toString(), "-p", dir.toAbsolutePath().toString(), "-e",
                dir.resolve("error.log").toAbsolutePath().toString(), "-c", conf.toAbsolutePath().toString(), "-g", "daemon off;"), port, "/", dir));
    }

    public String url(String path) {
        return daemon.url(path);
    }

    @Override
    public void close() throws InterruptedException {
        daemon.close();
    }
}
