package io.uxprobe.agent.serve;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/** What {@code serve} does on Unix signals: SIGHUP reloads, SIGTERM and SIGINT stop (gracefully, exit 0). */
public final class Signals {

    private Signals() {}

    /** Blocks until SIGTERM or SIGINT, reloading on every SIGHUP meanwhile. */
    public static void awaitTermination(Agent agent) throws InterruptedException {
        Signal.handle(new Signal("HUP"), s -> Thread.ofVirtual().start(() -> agent.reload("SIGHUP")));
        awaitTermination(() -> { });
    }

    /** Blocks until SIGTERM or SIGINT, then runs {@code stop}. */
    public static void awaitTermination(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        // our own handlers replace the JVM's, which would exit 143 without letting journeys finish
        Signal.handle(new Signal("TERM"), s -> stopped.countDown());
        Signal.handle(new Signal("INT"), s -> stopped.countDown());
        stopped.await();
        stop.run();
    }
}
