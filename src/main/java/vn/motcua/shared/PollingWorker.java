package vn.motcua.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * One background thread that runs a piece of work when woken (right after a
 * commit that queued something, on this node) and otherwise every
 * {@code poll} (work queued by another node, retries that became due). Wakes
 * coalesce: any number of them before the work starts make one run. A
 * failure is logged and tried again at the next wake or poll (the database
 * may be briefly out of reach). The owner, a {@code SmartLifecycle} bean,
 * starts and stops it with the application.
 */
public final class PollingWorker {

    private final String name;
    private final Supplier<Duration> poll;
    private final Runnable work;
    private final Logger log;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name the thread's name (also in the failure log)
     * @param poll how long to wait for a wake before running anyway (read before each wait)
     */
    public PollingWorker(String name, Supplier<Duration> poll, Runnable work, Logger log) {
        this.name = name;
        this.poll = poll;
        this.work = work;
        this.log = log;
    }

    /** Runs the work soon on the worker's thread (at once if it is waiting). */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the run in progress, if any (waits for it at most 10 s). */
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            wake.release();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(poll.get().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (running) {
                    work.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} failed, trying again at the next poll: {}", name, e.toString());
            }
        }
    }
}
