package io.uxprobe.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** Runs the demo music service until the process is stopped. See {@link Flags#USAGE}. */
public final class Main {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, new CountDownLatch(1), args));
    }

    /** @param stop the service runs until this opens (main never opens it: the process is stopped by a signal) */
    static int run(PrintWriter out, PrintWriter err, CountDownLatch stop, String... args) {
        Flags flags;
        try {
            flags = Flags.parse(args);
        } catch (Flags.UsageException e) {
            err.println("uxprobe-demo-service: " + e.getMessage());
            err.println("Try --help.");
            return USAGE;
        }
        if (flags.help()) {
            out.print(Flags.USAGE);
            out.flush();
            return OK;
        }
        DemoService demo;
        try {
            demo = DemoService.start(flags.regionPorts(), flags.options());
        } catch (IOException e) {
            err.println("uxprobe-demo-service: " + e.getMessage());
            return FAILED;
        }
        flags.outages().forEach(demo::outage);
        Thread hook = new Thread(demo::close, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("uxprobe demo music — log in with any user name and the password 'let-me-listen'");
        for (String region : demo.regions()) {
            out.printf("  %-10s %s   outage: %s%n", region, demo.baseUrl(region), demo.outage(region).id());
        }
        out.println("Switch outages: curl -X POST '" + demo.baseUrl(demo.regions().getFirst()) + "/admin/outage?region="
                + demo.regions().getFirst() + "&mode=soft_html'   (mode=none heals; modes: " + Outage.ids() + ")");
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            demo.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook closes the service
            }
        }
        return OK;
    }
}
