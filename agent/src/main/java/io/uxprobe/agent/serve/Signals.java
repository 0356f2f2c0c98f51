package io.uxprobe.agent.serve;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** What {@code serve} does on Unix signals: SIGHUP reloads, SIGTERM and SIGINT stop (gracefully, exit 0). */
public final class Signals {

    private Signals() {}

    /**
     * From now on every SIGHUP runs {@code reload}, also while the agent starts (the JVM's own handler would exit 129).
     * False when the process was started with SIGHUP ignored ({@code nohup}): the JVM then leaves it ignored.
     */
    public static boolean onHangUp(Runnable reload) {
        SignalHandler before = Signal.handle(new Signal("HUP"), s -> Thread.ofPlatform().daemon().name("SIGHUP reload").start(reload));
        return before != SignalHandler.SIG_IGN;
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
